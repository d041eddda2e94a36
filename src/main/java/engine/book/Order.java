package engine.book;

import engine.api.Side;
import engine.api.TimeInForce;
import engine.risk.Account;

/**
 * A resting (or about to rest) order. Instances are pooled and reused; an order links to its
 * neighbours in its price level's FIFO queue, so removal by id is O(1).
 */
public final class Order
{
    long orderId;
    long account;
    Side side;
    TimeInForce tif;
    long price;
    long openQty;
    long filledQty;
    long expiry;
    /** The order's instrument and account, kept here so matching and settlement need no lookups. */
    Instrument instrument;
    Account owner;

    PriceLevel level;
    Order prev;
    Order next;
    int expiryIndex = -1;

    public Order init(final long orderId, final long account, final Side side, final TimeInForce tif,
        final long price, final long qty, final long expiry, final Instrument instrument, final Account owner)
    {
        this.owner = owner;
        this.orderId = orderId;
        this.account = account;
        this.side = side;
        this.tif = tif;
        this.price = price;
        this.openQty = qty;
        this.filledQty = 0;
        this.expiry = expiry;
        this.instrument = instrument;
        this.level = null;
        this.prev = null;
        this.next = null;
        this.expiryIndex = -1;
        return this;
    }

    public long orderId()
    {
        return orderId;
    }

    public long account()
    {
        return account;
    }

    public Side side()
    {
        return side;
    }

    public TimeInForce tif()
    {
        return tif;
    }

    public long price()
    {
        return price;
    }

    public long openQty()
    {
        return openQty;
    }

    public long filledQty()
    {
        return filledQty;
    }

    public long expiry()
    {
        return expiry;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public Account owner()
    {
        return owner;
    }

    /** The next order in time priority at the same price, or null. */
    public Order next()
    {
        return next;
    }

    /** Sets the price of an order that is not resting (an amend re-entering the book). */
    public void reprice(final long newPrice)
    {
        assert level == null;
        this.price = newPrice;
    }

    /** Sets the open quantity of an order that is not resting. */
    public void resize(final long newOpenQty)
    {
        assert level == null;
        this.openQty = newOpenQty;
    }

    /** Records a fill of an order that is not resting (the incoming order). */
    public void fillIncoming(final long qty)
    {
        assert level == null;
        openQty -= qty;
        filledQty += qty;
    }
}
