package engine.logic;

import engine.book.Instrument;
import engine.api.CheckedMath;
import engine.api.Command;
import engine.api.EventSink;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.book.Order;
import engine.risk.Account;

/** Applies {@code PLACE}: validation in the contract's order, reservation, matching, resting. */
final class OrderEntry
{
    private final EngineState state;
    private final Matcher matcher;

    OrderEntry(final EngineState state, final Matcher matcher)
    {
        this.state = state;
        this.matcher = matcher;
    }

    void place(final Command c, final EventSink sink)
    {
        final Instrument instrument = state.instruments.find(c.symbolHi(), c.symbolLo());
        final Account account = state.accounts.get(c.account());
        final Reason invalid = validate(c, instrument, account);
        if (invalid != Reason.NONE)
        {
            sink.rejected(true, c.orderId(), c.account(), invalid);
            return;
        }
        final boolean market = c.orderType() == OrderType.MARKET;
        final boolean marketBuy = market && c.side() == Side.BUY;
        final long limit = market ? (c.side() == Side.BUY ? Long.MAX_VALUE : 0) : c.price();
        final long reservation = marketBuy ? 0 : instrument.reservation(c.side(), c.price(), c.qty());
        final int reservedAsset = instrument.reservedAsset(c.side());
        final Reason refused = refuse(c, instrument, account, limit, marketBuy, reservation, reservedAsset);
        if (refused != Reason.NONE)
        {
            sink.rejected(true, c.orderId(), c.account(), refused);
            return;
        }
        account.reserve(reservedAsset, reservation);
        sink.accepted(c.orderId(), c.account(), c.symbolHi(), c.symbolLo(), c.side(), c.orderType(), c.tif(),
            c.price(), c.qty());

        final Order order = state.orderPool.acquire()
            .init(c.orderId(), c.account(), c.side(), c.tif(), market ? 0 : c.price(), c.qty(), c.expiry(), instrument,
                account);
        final Reason stopped = matcher.match(order, account, instrument, limit, marketBuy, sink);
        if (order.openQty() == 0)
        {
            state.orderPool.release(order);
        }
        else if (stopped == Reason.NONE && c.tif().rests())
        {
            rest(order, instrument);
        }
        else
        {
            final Reason why = stopped == Reason.NONE ? Reason.IOC_REMAINDER : stopped;
            if (marketBuy)
            {
                // A market buy holds nothing, so there is nothing to release.
                sink.canceled(order.orderId(), order.account(), c.symbolHi(), c.symbolLo(), order.side(),
                    order.openQty(), why);
                state.orderPool.release(order);
            }
            else
            {
                matcher.cancelDetached(order, why, sink);
            }
        }
    }

    private void rest(final Order order, final Instrument instrument)
    {
        instrument.book().add(order);
        state.openOrders.put(order.orderId(), order);
        if (order.tif() == TimeInForce.GTD)
        {
            state.expiries.add(order);
        }
    }

    /** The checks that need no funds or book: UNKNOWN_SYMBOL .. DUPLICATE_ORDER_ID. */
    private Reason validate(final Command c, final Instrument instrument, final Account account)
    {
        if (instrument == null)
        {
            return Reason.UNKNOWN_SYMBOL;
        }
        if (account == null)
        {
            return Reason.UNKNOWN_ACCOUNT;
        }
        if (c.qty() <= 0 || CheckedMath.multiply(c.qty(), instrument.baseScale()) == CheckedMath.OVERFLOW)
        {
            return Reason.INVALID_QTY;
        }
        final boolean market = c.orderType() == OrderType.MARKET;
        if (market ? c.hasPrice() : !c.hasPrice() || c.price() <= 0 ||
            CheckedMath.multiply(c.price(), c.qty(), instrument.quoteScale()) == CheckedMath.OVERFLOW)
        {
            return Reason.INVALID_PRICE;
        }
        final TimeInForce tif = c.tif();
        if ((market && tif != TimeInForce.IOC && tif != TimeInForce.FOK) ||
            (tif == TimeInForce.GTD && c.expiry() <= c.timestamp()))
        {
            return Reason.INVALID_TIF;
        }
        if (state.openOrders.containsKey(c.orderId()))
        {
            return Reason.DUPLICATE_ORDER_ID;
        }
        return Reason.NONE;
    }

    /** The checks against funds and the book: INSUFFICIENT_FUNDS, then FOK and POST_ONLY. */
    private Reason refuse(final Command c, final Instrument instrument, final Account account, final long limit,
        final boolean marketBuy, final long reservation, final int reservedAsset)
    {
        if (account.available(reservedAsset) < reservation)
        {
            return Reason.INSUFFICIENT_FUNDS;
        }
        if (c.tif() == TimeInForce.POST_ONLY && instrument.book().wouldCross(c.side(), limit))
        {
            return Reason.POST_ONLY_WOULD_TAKE;
        }
        if (c.tif() == TimeInForce.FOK)
        {
            if (matcher.fillableQty(instrument.book(), c.side(), c.account(), limit, c.qty()) < c.qty())
            {
                return Reason.FOK_NOT_FILLABLE;
            }
            if (marketBuy &&
                !matcher.canPayMarketBuy(instrument, c.account(), account.available(instrument.quoteAsset()), c.qty()))
            {
                return Reason.INSUFFICIENT_FUNDS;
            }
        }
        return Reason.NONE;
    }
}
