package engine.readmodel;

/**
 * The last {@code capacity} records of a stream, each {@code width} longs, in one {@code long[]}:
 * the read models' bounded histories (trade tape, candles, command outcomes, finished orders)
 * without an object per record. Appending to a full ring overwrites the oldest record.
 *
 * <p>The array starts small and doubles up to {@code capacity}, so a model that never fills
 * its retention never pays for it; once full, appending allocates nothing. Records are
 * addressed by logical index (0 is the oldest kept) or by position: the number of records
 * appended before it since the ring was made, which stays valid until the record is dropped.
 */
final class RecordRing
{
    private static final int INITIAL_RECORDS = 64;
    private final int width;
    private final int capacity;
    private long[] words;
    private int head;
    private int size;
    private long appended;

    /**
     * @param width longs per record
     * @param capacity records kept at most (at least 1)
     */
    RecordRing(final int width, final int capacity)
    {
        if (width < 1 || capacity < 1)
        {
            throw new IllegalArgumentException("width " + width + " and capacity " + capacity + " must be positive");
        }
        this.width = width;
        this.capacity = capacity;
        this.words = new long[Math.min(capacity, INITIAL_RECORDS) * width];
    }

    int width()
    {
        return width;
    }

    int size()
    {
        return size;
    }

    int capacity()
    {
        return capacity;
    }

    boolean isFull()
    {
        return size == capacity;
    }

    /** Records appended since the ring was made (dropped ones included). */
    long appended()
    {
        return appended;
    }

    /**
     * Makes room for one more record, dropping the oldest when the ring is full, and returns the
     * word offset of the new (newest) record; its words hold whatever was there before.
     */
    int append()
    {
        if (size == capacity)
        {
            head = head + 1 == capacity ? 0 : head + 1;
            size--;
        }
        else if (size * width == words.length)
        {
            grow();
        }
        size++;
        appended++;
        return offset(size - 1);
    }

    /** Drops the oldest record. */
    void dropOldest()
    {
        if (size > 0)
        {
            head = head + 1 == records() ? 0 : head + 1;
            size--;
        }
    }

    /** The word offset of the record at logical index {@code index} (0: oldest). */
    int offset(final int index)
    {
        final int records = records();
        final int slot = head + index;
        return (slot >= records ? slot - records : slot) * width;
    }

    /** The logical index of the record at {@code position}, or -1 when it is no longer kept. */
    int indexOf(final long position)
    {
        final long first = appended - size;
        return position < first || position >= appended ? -1 : (int)(position - first);
    }

    long get(final int offset, final int field)
    {
        return words[offset + field];
    }

    void set(final int offset, final int field, final long value)
    {
        words[offset + field] = value;
    }

    /** The logical index of the oldest record whose {@code field} is {@code >= key}, for a field that only grows. */
    int lowerBound(final int field, final long key)
    {
        int lo = 0;
        int hi = size;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (get(offset(mid), field) < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private int records()
    {
        return words.length / width;
    }

    private void grow()
    {
        final int records = records();
        final long[] bigger = new long[Math.min(capacity, records * 2) * width];
        final int tail = (records - head) * width;
        System.arraycopy(words, head * width, bigger, 0, tail);
        System.arraycopy(words, 0, bigger, tail, head * width);
        words = bigger;
        head = 0;
    }
}
