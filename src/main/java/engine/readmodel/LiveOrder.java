package engine.readmodel;

import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;

/**
 * An order as a read model reconstructs it from events: open from ACCEPTED until done. Pooled
 * by its {@link OrderTracker}: once done it is reused for a later order, so nothing may keep a
 * reference to it past {@link OrderTracker.Listener#done}.
 */
final class LiveOrder
{
    long orderId;
    long account;
    /** The symbol, one shared object per name (see {@link OrderTracker}). */
    Name symbol;
    Side side;
    OrderType type;
    TimeInForce tif;
    long acceptedSeq;
    long price;
    long openQty;
    long filledQty;
    boolean resting;
    /** Neighbours in a model's per-account list of open orders (see {@link AccountView}). */
    LiveOrder previousOfAccount;
    LiveOrder nextOfAccount;

    /** Sets every field for a newly accepted order. */
    LiveOrder init(final long orderId, final long account, final Name symbol, final Side side, final OrderType type,
        final TimeInForce tif, final long price, final long openQty, final long acceptedSeq)
    {
        this.orderId = orderId;
        this.account = account;
        this.symbol = symbol;
        this.side = side;
        this.type = type;
        this.tif = tif;
        this.price = price;
        this.openQty = openQty;
        this.acceptedSeq = acceptedSeq;
        this.filledQty = 0;
        this.resting = false;
        this.previousOfAccount = null;
        this.nextOfAccount = null;
        return this;
    }
}
