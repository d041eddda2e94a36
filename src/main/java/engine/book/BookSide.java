package engine.book;

import engine.api.Side;

/**
 * The price levels of one side of a book, kept in a sorted array with the best price last.
 * Best price is O(1); adding or removing a level shifts only the levels better than it,
 * which are few because activity clusters near the top of the book.
 */
public final class BookSide
{
    private final Side side;
    private final LevelPool pool;
    /** Sort keys: the price for bids, its negation for asks, so that the best key is always the largest. */
    private long[] keys = new long[64];
    private PriceLevel[] levels = new PriceLevel[64];
    private int size;

    BookSide(final Side side, final LevelPool pool)
    {
        this.side = side;
        this.pool = pool;
    }

    public Side side()
    {
        return side;
    }

    /** The number of price levels. */
    public int depth()
    {
        return size;
    }

    /** @return the best level, or null when the side is empty. */
    public PriceLevel best()
    {
        return size == 0 ? null : levels[size - 1];
    }

    /** @return the level {@code rank} places from the best (0 is the best); rank must be below depth. */
    public PriceLevel levelFromBest(final int rank)
    {
        return levels[size - 1 - rank];
    }

    /** Whether an incoming order of the other side with this limit would trade with {@code level}. */
    public boolean crossedBy(final PriceLevel level, final long limitPrice)
    {
        return side == Side.SELL ? limitPrice >= level.price : limitPrice <= level.price;
    }

    private long key(final long price)
    {
        return side == Side.BUY ? price : -price;
    }

    /** @return the index of the key, or {@code -(insertion point) - 1}. */
    private int search(final long key)
    {
        int low = 0;
        int high = size - 1;
        // Most lookups hit the top of the book, so look there before bisecting.
        if (size > 0 && keys[high] == key)
        {
            return high;
        }
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = keys[mid];
            if (midKey < key)
            {
                low = mid + 1;
            }
            else if (midKey > key)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    PriceLevel levelFor(final long price)
    {
        final long key = key(price);
        final int index = search(key);
        if (index >= 0)
        {
            return levels[index];
        }
        final int at = -index - 1;
        if (size == keys.length)
        {
            grow();
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        final PriceLevel level = pool.acquire().init(price);
        keys[at] = key;
        levels[at] = level;
        size++;
        return level;
    }

    void remove(final PriceLevel level)
    {
        final int index = search(key(level.price));
        System.arraycopy(keys, index + 1, keys, index, size - index - 1);
        System.arraycopy(levels, index + 1, levels, index, size - index - 1);
        size--;
        levels[size] = null;
        pool.release(level);
    }

    private void grow()
    {
        keys = java.util.Arrays.copyOf(keys, keys.length * 2);
        levels = java.util.Arrays.copyOf(levels, levels.length * 2);
    }
}
