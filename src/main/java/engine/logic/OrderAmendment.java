package engine.logic;

import engine.book.Instrument;
import engine.api.CheckedMath;
import engine.api.Command;
import engine.api.EventSink;
import engine.api.Reason;
import engine.api.TimeInForce;
import engine.book.Order;
import engine.risk.Account;

/** Applies {@code CANCEL} and {@code AMEND} (FIX cancel/replace) to open orders. */
final class OrderAmendment
{
    private final EngineState state;
    private final Matcher matcher;

    OrderAmendment(final EngineState state, final Matcher matcher)
    {
        this.state = state;
        this.matcher = matcher;
    }

    void cancel(final Command c, final EventSink sink)
    {
        final Order order = ownedOrder(c);
        if (order == null)
        {
            sink.rejected(true, c.orderId(), c.account(), Reason.UNKNOWN_ORDER);
            return;
        }
        matcher.cancelResting(order, Reason.USER, sink);
    }

    /** An open order of the caller, or null: others' orders look exactly like unknown ones. */
    private Order ownedOrder(final Command c)
    {
        final Order order = state.openOrders.get(c.orderId());
        return order != null && order.account() == c.account() ? order : null;
    }

    void amend(final Command c, final EventSink sink)
    {
        final Order order = ownedOrder(c);
        if (order == null)
        {
            sink.rejected(true, c.orderId(), c.account(), Reason.UNKNOWN_ORDER);
            return;
        }
        final Instrument instrument = order.instrument();
        final long newTotal = c.hasQty() ? c.qty() : order.filledQty() + order.openQty();
        final long newPrice = c.hasPrice() ? c.price() : order.price();
        if (c.hasQty() && (newTotal <= 0 ||
            CheckedMath.multiply(newTotal, instrument.baseScale()) == CheckedMath.OVERFLOW))
        {
            sink.rejected(true, c.orderId(), c.account(), Reason.INVALID_QTY);
            return;
        }
        if (newPrice <= 0 || CheckedMath.multiply(newPrice, newTotal, instrument.quoteScale()) == CheckedMath.OVERFLOW)
        {
            sink.rejected(true, c.orderId(), c.account(), Reason.INVALID_PRICE);
            return;
        }
        final long newOpen = newTotal - order.filledQty();
        if (newOpen <= 0)
        {
            matcher.cancelResting(order, Reason.AMENDED_TO_ZERO, sink);
            return;
        }
        final Account account = order.owner();
        final int asset = instrument.reservedAsset(order.side());
        final long extra = instrument.reservation(order.side(), newPrice, newOpen) -
            instrument.reservation(order.side(), order.price(), order.openQty());
        if (extra > 0 && account.available(asset) < extra)
        {
            sink.rejected(true, c.orderId(), c.account(), Reason.INSUFFICIENT_FUNDS);
            return;
        }
        if (order.tif() == TimeInForce.POST_ONLY && instrument.book().wouldCross(order.side(), newPrice))
        {
            sink.rejected(true, c.orderId(), c.account(), Reason.POST_ONLY_WOULD_TAKE);
            return;
        }
        adjustReservation(account, asset, extra);
        if (newPrice == order.price() && newOpen <= order.openQty())
        {
            instrument.book().reduceResting(order, newOpen);
            sink.amended(order.orderId(), order.account(), instrument.symbolHi(), instrument.symbolLo(), order.side(),
                newPrice, newOpen);
            return;
        }
        replace(order, account, instrument, newPrice, newOpen, sink);
    }

    private static void adjustReservation(final Account account, final int asset, final long extra)
    {
        if (extra > 0)
        {
            account.reserve(asset, extra);
        }
        else if (extra < 0)
        {
            account.release(asset, -extra);
        }
    }

    /** The order loses its place: out of the book, back in as an aggressor at the new terms. */
    private void replace(final Order order, final Account account, final Instrument instrument, final long newPrice,
        final long newOpen, final EventSink sink)
    {
        instrument.book().remove(order);
        order.reprice(newPrice);
        order.resize(newOpen);
        sink.amended(order.orderId(), order.account(), instrument.symbolHi(), instrument.symbolLo(), order.side(),
            newPrice, newOpen);
        final Reason stopped = matcher.match(order, account, instrument, newPrice, false, sink);
        if (order.openQty() == 0)
        {
            matcher.retire(order);
        }
        else if (stopped == Reason.NONE)
        {
            instrument.book().add(order);
        }
        else
        {
            matcher.cancelDetached(order, stopped, sink);
        }
    }
}
