package engine.risk;

import engine.api.AsciiName;

/**
 * Gives each packed name a dense index, in the order names were first seen. Open addressing
 * over primitive arrays: no key objects, no allocation once sized.
 */
public final class NameIndex
{
    private static final int EMPTY = -1;

    private long[] namesHi = new long[16];
    private long[] namesLo = new long[16];
    private int[] slots = newSlots(64);
    private int size;

    private static int[] newSlots(final int capacity)
    {
        final int[] slots = new int[capacity];
        java.util.Arrays.fill(slots, EMPTY);
        return slots;
    }

    public int size()
    {
        return size;
    }

    /** @return the index of the name, or -1 when it has none. */
    public int indexOf(final long hi, final long lo)
    {
        final int mask = slots.length - 1;
        int slot = hash(hi, lo) & mask;
        while (true)
        {
            final int index = slots[slot];
            if (index == EMPTY)
            {
                return EMPTY;
            }
            if (namesHi[index] == hi && namesLo[index] == lo)
            {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** @return the index of the name, giving it the next index when it is new. */
    public int add(final long hi, final long lo)
    {
        final int existing = indexOf(hi, lo);
        if (existing != EMPTY)
        {
            return existing;
        }
        if (size == namesHi.length)
        {
            namesHi = java.util.Arrays.copyOf(namesHi, size * 2);
            namesLo = java.util.Arrays.copyOf(namesLo, size * 2);
        }
        namesHi[size] = hi;
        namesLo[size] = lo;
        final int index = size++;
        if (size * 2 > slots.length)
        {
            rehash(slots.length * 2);
        }
        else
        {
            insertSlot(index);
        }
        return index;
    }

    public long hi(final int index)
    {
        return namesHi[index];
    }

    public long lo(final int index)
    {
        return namesLo[index];
    }

    public String name(final int index)
    {
        return AsciiName.toString(namesHi[index], namesLo[index]);
    }

    private void rehash(final int capacity)
    {
        slots = newSlots(capacity);
        for (int i = 0; i < size; i++)
        {
            insertSlot(i);
        }
    }

    private void insertSlot(final int index)
    {
        final int mask = slots.length - 1;
        int slot = hash(namesHi[index], namesLo[index]) & mask;
        while (slots[slot] != EMPTY)
        {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index;
    }

    private static int hash(final long hi, final long lo)
    {
        long h = hi * 0x9E3779B97F4A7C15L + lo;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int)(h ^ (h >>> 32));
    }
}
