package engine.book;

/** All resting orders at one price on one side, oldest first. Pooled. */
public final class PriceLevel
{
    long price;
    long totalQty;
    int orderCount;
    Order head;
    Order tail;

    PriceLevel init(final long price)
    {
        this.price = price;
        this.totalQty = 0;
        this.orderCount = 0;
        this.head = null;
        this.tail = null;
        return this;
    }

    public long price()
    {
        return price;
    }

    public long totalQty()
    {
        return totalQty;
    }

    public int orderCount()
    {
        return orderCount;
    }

    /** The oldest order at this price. */
    public Order head()
    {
        return head;
    }

    void append(final Order order)
    {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        orderCount++;
        totalQty += order.openQty;
    }

    void unlink(final Order order)
    {
        if (order.prev == null)
        {
            head = order.next;
        }
        else
        {
            order.prev.next = order.next;
        }
        if (order.next == null)
        {
            tail = order.prev;
        }
        else
        {
            order.next.prev = order.prev;
        }
        orderCount--;
        totalQty -= order.openQty;
        order.level = null;
        order.prev = null;
        order.next = null;
    }
}
