package engine.readmodel;

import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;

/** An order as a read model reconstructs it from events: open from ACCEPTED until done. */
final class LiveOrder
{
    final long orderId;
    final long account;
    final Name symbol;
    final Side side;
    final OrderType type;
    final TimeInForce tif;
    final long acceptedSeq;
    long price;
    long openQty;
    long filledQty;
    boolean resting;

    LiveOrder(final long orderId, final long account, final Name symbol, final Side side, final OrderType type,
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
    }
}
