package engine.readmodel;

import engine.api.AsciiName;

/** A packed symbol or asset name as a map key. */
record Name(long hi, long lo) implements Comparable<Name>
{
    static Name of(final String text)
    {
        return new Name(AsciiName.hi(text), AsciiName.lo(text));
    }

    @Override
    public int compareTo(final Name other)
    {
        return AsciiName.compare(hi, lo, other.hi, other.lo);
    }

    @Override
    public String toString()
    {
        return AsciiName.toString(hi, lo);
    }
}
