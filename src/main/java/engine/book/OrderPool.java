package engine.book;

/** Reuses order objects so that a warmed-up engine allocates none per order. */
public final class OrderPool
{
    private Order[] free;
    private int count;

    public OrderPool(final int preallocate)
    {
        free = new Order[Math.max(16, preallocate)];
        for (int i = 0; i < preallocate; i++)
        {
            free[count++] = new Order();
        }
    }

    public Order acquire()
    {
        return count == 0 ? new Order() : free[--count];
    }

    public void release(final Order order)
    {
        order.instrument = null;
        order.owner = null;
        if (count == free.length)
        {
            free = java.util.Arrays.copyOf(free, count * 2);
        }
        free[count++] = order;
    }
}
