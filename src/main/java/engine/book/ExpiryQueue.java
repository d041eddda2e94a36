package engine.book;

/**
 * GTD orders ordered by expiry, then order id: the order in which they must expire. A binary
 * min-heap whose entries know their slot, so removing a filled or cancelled order is O(log n).
 */
public final class ExpiryQueue
{
    private Order[] heap = new Order[64];
    private int size;

    public boolean isEmpty()
    {
        return size == 0;
    }

    public int size()
    {
        return size;
    }

    /** The order that expires first, or null. */
    public Order peek()
    {
        return size == 0 ? null : heap[0];
    }

    public void add(final Order order)
    {
        if (size == heap.length)
        {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        heap[size] = order;
        order.expiryIndex = size;
        size++;
        siftUp(size - 1);
    }

    /** Removes the order if it is queued; does nothing otherwise. */
    public void remove(final Order order)
    {
        final int index = order.expiryIndex;
        if (index < 0)
        {
            return;
        }
        order.expiryIndex = -1;
        size--;
        if (index == size)
        {
            heap[size] = null;
            return;
        }
        final Order last = heap[size];
        heap[size] = null;
        heap[index] = last;
        last.expiryIndex = index;
        siftDown(index);
        siftUp(last.expiryIndex);
    }

    private static boolean before(final Order a, final Order b)
    {
        return a.expiry < b.expiry || (a.expiry == b.expiry && a.orderId < b.orderId);
    }

    private void siftUp(final int start)
    {
        int index = start;
        final Order order = heap[index];
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            if (!before(order, heap[parent]))
            {
                break;
            }
            place(heap[parent], index);
            index = parent;
        }
        place(order, index);
    }

    private void siftDown(final int start)
    {
        int index = start;
        final Order order = heap[index];
        while (true)
        {
            final int left = 2 * index + 1;
            if (left >= size)
            {
                break;
            }
            final int right = left + 1;
            final int child = right < size && before(heap[right], heap[left]) ? right : left;
            if (!before(heap[child], order))
            {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(order, index);
    }

    private void place(final Order order, final int index)
    {
        heap[index] = order;
        order.expiryIndex = index;
    }
}
