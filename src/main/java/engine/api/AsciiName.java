package engine.api;

/**
 * A symbol or asset name of 1 to 16 characters of {@code A-Z a-z 0-9 _ - .}, packed into two
 * longs so that names travel through rings, the journal and the business logic without
 * objects. Packing is big-endian with zero padding, so comparing {@code (hi, lo)} as unsigned
 * numbers orders names by their bytes, which is the order the canonical dump uses.
 */
public final class AsciiName
{
    public static final int MAX_LENGTH = 16;

    private AsciiName()
    {
    }

    public static boolean isNameChar(final int c)
    {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '-' || c == '.';
    }

    /** @return whether {@code text} is a well-formed name. */
    public static boolean isValid(final CharSequence text)
    {
        final int length = text.length();
        if (length == 0 || length > MAX_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (!isNameChar(text.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    /** The first eight characters of a valid name, packed. */
    public static long hi(final CharSequence name)
    {
        return pack(name, 0);
    }

    /** Characters nine to sixteen of a valid name, packed. */
    public static long lo(final CharSequence name)
    {
        return pack(name, 8);
    }

    private static long pack(final CharSequence name, final int from)
    {
        long word = 0;
        for (int i = 0; i < 8; i++)
        {
            final int index = from + i;
            final long c = index < name.length() ? name.charAt(index) & 0xFF : 0;
            word = (word << 8) | c;
        }
        return word;
    }

    /** Packs eight bytes of {@code bytes[from, from + length)} starting at {@code offset} into the name. */
    public static long pack(final byte[] bytes, final int from, final int length, final int offset)
    {
        long word = 0;
        for (int i = 0; i < 8; i++)
        {
            final int index = offset + i;
            final long c = index < length ? bytes[from + index] & 0xFF : 0;
            word = (word << 8) | c;
        }
        return word;
    }

    public static int length(final long hi, final long lo)
    {
        if (lo != 0)
        {
            return 16 - Long.numberOfTrailingZeros(lo) / 8;
        }
        return 8 - Long.numberOfTrailingZeros(hi) / 8;
    }

    /** Orders names by their bytes. */
    public static int compare(final long hi1, final long lo1, final long hi2, final long lo2)
    {
        final int byHi = Long.compareUnsigned(hi1, hi2);
        return byHi != 0 ? byHi : Long.compareUnsigned(lo1, lo2);
    }

    /**
     * Writes the name's characters into {@code dst} at {@code offset}.
     *
     * @return the offset after the last character written.
     */
    public static int write(final long hi, final long lo, final byte[] dst, final int offset)
    {
        int at = writeWord(hi, dst, offset);
        if (lo != 0)
        {
            at = writeWord(lo, dst, at);
        }
        return at;
    }

    private static int writeWord(final long word, final byte[] dst, final int offset)
    {
        int at = offset;
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            final byte c = (byte)(word >>> shift);
            if (c == 0)
            {
                break;
            }
            dst[at++] = c;
        }
        return at;
    }

    public static String toString(final long hi, final long lo)
    {
        final byte[] bytes = new byte[MAX_LENGTH];
        final int length = write(hi, lo, bytes, 0);
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
