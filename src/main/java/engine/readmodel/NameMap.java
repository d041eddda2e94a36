package engine.readmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * A map keyed by a packed name (symbol or asset: two longs), found without making a key object:
 * open addressing with linear probing over parallel arrays. Names are few (symbols, assets) and
 * never removed, so it only grows, when a name is seen for the first time.
 */
final class NameMap<V>
{
    private long[] his = new long[16];
    private long[] los = new long[16];
    private Object[] values = new Object[16];
    private int size;

    /** The value of name ({@code hi}, {@code lo}), or null. */
    @SuppressWarnings("unchecked")
    V get(final long hi, final long lo)
    {
        final int mask = values.length - 1;
        for (int i = slot(hi, lo, mask); values[i] != null; i = i + 1 & mask)
        {
            if (his[i] == hi && los[i] == lo)
            {
                return (V)values[i];
            }
        }
        return null;
    }

    V get(final Name name)
    {
        return get(name.hi(), name.lo());
    }

    /** Sets the value of name ({@code hi}, {@code lo}); {@code value} must not be null. */
    void put(final long hi, final long lo, final V value)
    {
        if (value == null)
        {
            throw new IllegalArgumentException("null value for " + new Name(hi, lo));
        }
        final int mask = values.length - 1;
        int i = slot(hi, lo, mask);
        while (values[i] != null)
        {
            if (his[i] == hi && los[i] == lo)
            {
                values[i] = value;
                return;
            }
            i = i + 1 & mask;
        }
        his[i] = hi;
        los[i] = lo;
        values[i] = value;
        if (++size * 2 > values.length)
        {
            rehash(values.length * 2);
        }
    }

    int size()
    {
        return size;
    }

    /** A copy of the values, in no particular order; for snapshots and queries. */
    @SuppressWarnings("unchecked")
    List<V> values()
    {
        final List<V> out = new ArrayList<>(size);
        for (final Object value : values)
        {
            if (value != null)
            {
                out.add((V)value);
            }
        }
        return out;
    }

    private static int slot(final long hi, final long lo, final int mask)
    {
        long h = hi * 0x9E3779B97F4A7C15L + lo;
        h ^= h >>> 32;
        h *= 0x9E3779B97F4A7C15L;
        return (int)(h >>> 40) & mask;
    }

    private void rehash(final int length)
    {
        final long[] oldHis = his;
        final long[] oldLos = los;
        final Object[] oldValues = values;
        his = new long[length];
        los = new long[length];
        values = new Object[length];
        final int mask = length - 1;
        for (int k = 0; k < oldValues.length; k++)
        {
            if (oldValues[k] != null)
            {
                int i = slot(oldHis[k], oldLos[k], mask);
                while (values[i] != null)
                {
                    i = i + 1 & mask;
                }
                his[i] = oldHis[k];
                los[i] = oldLos[k];
                values[i] = oldValues[k];
            }
        }
    }
}
