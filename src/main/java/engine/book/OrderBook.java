package engine.book;

import engine.api.Side;

/**
 * The resting orders of one instrument in price-time priority. It only keeps the structure;
 * deciding who trades with whom is the business logic's job.
 */
public final class OrderBook
{
    private final LevelPool levelPool = new LevelPool();
    private final BookSide bids = new BookSide(Side.BUY, levelPool);
    private final BookSide asks = new BookSide(Side.SELL, levelPool);

    public BookSide side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    public BookSide bids()
    {
        return bids;
    }

    public BookSide asks()
    {
        return asks;
    }

    /** Puts the order at the back of the queue at its price. */
    public void add(final Order order)
    {
        side(order.side).levelFor(order.price).append(order);
    }

    /** Takes a resting order out of the book; its fields are left as they were. */
    public void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.unlink(order);
        if (level.orderCount == 0)
        {
            side(order.side).remove(level);
        }
    }

    /**
     * Fills part or all of a resting order. A fully filled order leaves the book.
     *
     * @return whether the order is now fully filled.
     */
    public boolean fillResting(final Order order, final long qty)
    {
        order.filledQty += qty;
        if (qty == order.openQty)
        {
            remove(order);
            order.openQty = 0;
            return true;
        }
        order.openQty -= qty;
        order.level.totalQty -= qty;
        return false;
    }

    /** Lowers a resting order's open quantity in place, keeping its queue position. */
    public void reduceResting(final Order order, final long newOpenQty)
    {
        order.level.totalQty -= order.openQty - newOpenQty;
        order.openQty = newOpenQty;
    }

    /** Whether an incoming order on {@code side} with this limit price would take liquidity. */
    public boolean wouldCross(final Side side, final long limitPrice)
    {
        final BookSide opposite = side(side.opposite());
        final PriceLevel best = opposite.best();
        return best != null && opposite.crossedBy(best, limitPrice);
    }

    public boolean isEmpty()
    {
        return bids.depth() == 0 && asks.depth() == 0;
    }
}
