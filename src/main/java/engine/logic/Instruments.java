package engine.logic;

import engine.book.Instrument;
import engine.risk.NameIndex;

/** The instrument table, looked up by packed symbol name. */
public final class Instruments
{
    private final NameIndex symbols = new NameIndex();
    private Instrument[] byIndex = new Instrument[16];

    /** @return the instrument, or null when the symbol is unknown. */
    public Instrument find(final long symbolHi, final long symbolLo)
    {
        final int index = symbols.indexOf(symbolHi, symbolLo);
        return index < 0 ? null : byIndex[index];
    }

    Instrument add(final long symbolHi, final long symbolLo, final NameIndex assets, final long baseHi,
        final long baseLo, final long quoteHi, final long quoteLo, final long baseScale, final long quoteScale)
    {
        final int baseAsset = assets.add(baseHi, baseLo);
        final int quoteAsset = assets.add(quoteHi, quoteLo);
        final int index = symbols.add(symbolHi, symbolLo);
        if (index == byIndex.length)
        {
            byIndex = java.util.Arrays.copyOf(byIndex, index * 2);
        }
        final Instrument instrument = new Instrument(symbolHi, symbolLo, baseAsset, quoteAsset, baseScale, quoteScale,
            new long[] {baseHi, baseLo, quoteHi, quoteLo});
        byIndex[index] = instrument;
        return instrument;
    }

    public int size()
    {
        return symbols.size();
    }

    /** Instruments in symbol byte order; allocates, for dumps, hashes and snapshots only. */
    public Instrument[] sortedBySymbol()
    {
        final Instrument[] sorted = java.util.Arrays.copyOf(byIndex, symbols.size());
        java.util.Arrays.sort(sorted, (a, b) -> engine.api.AsciiName.compare(
            a.symbolHi(), a.symbolLo(), b.symbolHi(), b.symbolLo()));
        return sorted;
    }
}
