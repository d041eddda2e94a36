package engine.readmodel;

import engine.api.EventType;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The instruments a model has seen in SYMBOL_ADDED events, with their assets and scales; found without allocating. */
final class SymbolTable
{
    record Symbol(Name name, Name base, Name quote, long baseScale, long quoteScale)
    {
    }

    private final NameMap<Symbol> symbols = new NameMap<>();

    /** Records the instrument when event {@code i} is a SYMBOL_ADDED. */
    void onEvent(final EventBatch b, final int i)
    {
        if (b.type(i) == EventType.SYMBOL_ADDED)
        {
            final Name name = new Name(b.nameHi(i), b.nameLo(i));
            symbols.put(name.hi(), name.lo(), new Symbol(name, new Name(b.baseAssetHi(i), b.baseAssetLo(i)),
                new Name(b.quoteAssetHi(i), b.quoteAssetLo(i)), b.price(i), b.qty(i)));
        }
    }

    Symbol get(final long hi, final long lo)
    {
        return symbols.get(hi, lo);
    }

    Symbol get(final Name name)
    {
        return symbols.get(name);
    }

    /** The symbols' names, sorted. */
    List<String> names()
    {
        final List<String> out = new ArrayList<>(symbols.size());
        for (final Symbol s : symbols.values())
        {
            out.add(s.name().toString());
        }
        Collections.sort(out);
        return out;
    }

    void writeTo(final DataOutputStream out) throws IOException
    {
        out.writeInt(symbols.size());
        for (final Symbol s : symbols.values())
        {
            SnapshotIO.writeName(out, s.name());
            SnapshotIO.writeName(out, s.base());
            SnapshotIO.writeName(out, s.quote());
            out.writeLong(s.baseScale());
            out.writeLong(s.quoteScale());
        }
    }

    void readFrom(final DataInputStream in) throws IOException
    {
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final Symbol s = new Symbol(SnapshotIO.readName(in), SnapshotIO.readName(in), SnapshotIO.readName(in),
                in.readLong(), in.readLong());
            symbols.put(s.name().hi(), s.name().lo(), s);
        }
    }
}
