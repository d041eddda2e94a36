package engine.book;

/** Reuses price levels so that a warmed-up book allocates none. */
final class LevelPool
{
    private PriceLevel[] free = new PriceLevel[256];
    private int count;

    PriceLevel acquire()
    {
        return count == 0 ? new PriceLevel() : free[--count];
    }

    void release(final PriceLevel level)
    {
        level.head = null;
        level.tail = null;
        if (count == free.length)
        {
            free = java.util.Arrays.copyOf(free, count * 2);
        }
        free[count++] = level;
    }
}
