package engine.logic;

import engine.book.Instrument;
import engine.api.EventSink;
import engine.api.Reason;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.book.BookSide;
import engine.book.Order;
import engine.book.OrderBook;
import engine.book.PriceLevel;
import engine.risk.Account;

/**
 * Price-time matching of an incoming order against a book, trade settlement, and taking
 * orders off the book. Every trade is at the resting order's price.
 */
final class Matcher
{
    private final EngineState state;

    Matcher(final EngineState state)
    {
        this.state = state;
    }

    /**
     * Matches {@code taker} (not resting) while it crosses the opposite side.
     *
     * @param limit the taker's limit price; {@code Long.MAX_VALUE} / 0 for a market buy / sell.
     * @param marketBuy whether the taker pays each fill from available funds instead of a reservation.
     * @return {@link Reason#NONE} when matching stopped because the taker filled or stopped crossing,
     * otherwise why the remainder must be cancelled ({@code SELF_TRADE}, {@code INSUFFICIENT_FUNDS}).
     */
    Reason match(final Order taker, final Account takerAccount, final Instrument instrument, final long limit,
        final boolean marketBuy, final EventSink sink)
    {
        final BookSide opposite = instrument.book().side(taker.side().opposite());
        while (taker.openQty() > 0)
        {
            final PriceLevel level = opposite.best();
            if (level == null || !opposite.crossedBy(level, limit))
            {
                return Reason.NONE;
            }
            final Order maker = level.head();
            if (maker.account() == taker.account() && state.stp != SelfTradePrevention.NONE)
            {
                if (state.stp == SelfTradePrevention.CANCEL_INCOMING)
                {
                    return Reason.SELF_TRADE;
                }
                cancelResting(maker, Reason.SELF_TRADE, sink);
                continue;
            }
            long qty = Math.min(taker.openQty(), maker.openQty());
            if (marketBuy)
            {
                final long affordable = affordableLots(takerAccount, instrument, maker.price(), qty);
                if (affordable < qty)
                {
                    if (affordable > 0)
                    {
                        trade(taker, takerAccount, maker, instrument, affordable, limit, true, sink);
                    }
                    return Reason.INSUFFICIENT_FUNDS;
                }
            }
            trade(taker, takerAccount, maker, instrument, qty, limit, marketBuy, sink);
        }
        return Reason.NONE;
    }

    /** How many of {@code qty} lots at {@code price} a market buyer can pay for in full. */
    private static long affordableLots(final Account buyer, final Instrument instrument, final long price, final long qty)
    {
        final long available = buyer.available(instrument.quoteAsset());
        final long perLot = price * instrument.quoteScale();
        // price * qty * quoteScale fits: the resting order passed that check for at least qty lots.
        return available >= perLot * qty ? qty : available / perLot;
    }

    private void trade(final Order taker, final Account takerAccount, final Order maker, final Instrument instrument,
        final long qty, final long takerLimit, final boolean marketBuy, final EventSink sink)
    {
        final long price = maker.price();
        final Account makerAccount = maker.owner();
        if (taker.side() == Side.BUY)
        {
            settle(takerAccount, marketBuy ? -1 : takerLimit, makerAccount, instrument, price, qty);
        }
        else
        {
            settle(makerAccount, price, takerAccount, instrument, price, qty);
        }
        final boolean takerBuys = taker.side() == Side.BUY;
        // What settle moved, kept so that a TRADE_BUST can move exactly that back.
        state.trades.record(instrument.symbolHi(), instrument.symbolLo(), price, qty,
            takerBuys ? taker.account() : maker.account(), takerBuys ? maker.account() : taker.account(),
            instrument.baseAsset(), instrument.quoteAsset(), qty * instrument.baseScale(), instrument.notional(price, qty));
        sink.trade(instrument.symbolHi(), instrument.symbolLo(), price, qty, taker.orderId(), maker.orderId(),
            taker.account(), maker.account(), taker.side());
        taker.fillIncoming(qty);
        if (instrument.book().fillResting(maker, qty))
        {
            retire(maker);
        }
    }

    /**
     * Moves the assets of one trade. A limit buyer pays out of its reservation at its limit and
     * gets the price improvement back at once; a market buyer ({@code buyerLimit < 0}) pays
     * from available. The seller's base comes out of its reservation.
     */
    private static void settle(final Account buyer, final long buyerLimit, final Account seller,
        final Instrument instrument, final long price, final long qty)
    {
        final int base = instrument.baseAsset();
        final int quote = instrument.quoteAsset();
        final long notional = instrument.notional(price, qty);
        if (buyerLimit < 0)
        {
            buyer.debit(quote, notional);
        }
        else
        {
            final long reservedAtLimit = instrument.notional(buyerLimit, qty);
            buyer.spendReserved(quote, reservedAtLimit);
            buyer.credit(quote, reservedAtLimit - notional);
        }
        buyer.credit(base, qty * instrument.baseScale());
        seller.spendReserved(base, qty * instrument.baseScale());
        seller.credit(quote, notional);
    }

    /** Takes a resting order off the book, releases what it holds and reports it cancelled. */
    void cancelResting(final Order order, final Reason reason, final EventSink sink)
    {
        final Instrument instrument = order.instrument();
        instrument.book().remove(order);
        cancelDetached(order, reason, sink);
    }

    /** Cancels the open quantity of an order that is not in the book (an incoming remainder). */
    void cancelDetached(final Order order, final Reason reason, final EventSink sink)
    {
        final Instrument instrument = order.instrument();
        releaseReservation(order, instrument);
        sink.canceled(order.orderId(), order.account(), instrument.symbolHi(), instrument.symbolLo(), order.side(),
            order.openQty(), reason);
        retire(order);
    }

    void releaseReservation(final Order order, final Instrument instrument)
    {
        final long held = instrument.reservation(order.side(), order.price(), order.openQty());
        order.owner().release(instrument.reservedAsset(order.side()), held);
    }

    /** Forgets an order that is done (filled or cancelled) and returns it to the pool. */
    void retire(final Order order)
    {
        state.openOrders.remove(order.orderId());
        state.expiries.remove(order);
        state.orderPool.release(order);
    }

    /**
     * The quantity an incoming order could really fill right now, up to {@code wanted}, as
     * matching would take it: under self-trade prevention own orders are skipped
     * (CANCEL_RESTING) or end the liquidity (CANCEL_INCOMING).
     */
    long fillableQty(final OrderBook book, final Side takerSide, final long takerAccount, final long limit,
        final long wanted)
    {
        final BookSide opposite = book.side(takerSide.opposite());
        final boolean stpOff = state.stp == SelfTradePrevention.NONE;
        long fillable = 0;
        for (int rank = 0, depth = opposite.depth(); rank < depth; rank++)
        {
            final PriceLevel level = opposite.levelFromBest(rank);
            if (!opposite.crossedBy(level, limit))
            {
                break;
            }
            for (Order order = level.head(); order != null; order = order.next())
            {
                if (!stpOff && order.account() == takerAccount)
                {
                    if (state.stp == SelfTradePrevention.CANCEL_INCOMING)
                    {
                        return fillable;
                    }
                    continue;
                }
                // Compared before adding: the liquidity of several orders (or a level's total) may exceed a long.
                if (order.openQty() >= wanted - fillable)
                {
                    return wanted;
                }
                fillable += order.openQty();
            }
        }
        return fillable;
    }

    /**
     * Whether a market buyer can pay, fill by fill, for the first {@code qty} lots matching
     * would take: each fill must fit in what is available at that moment.
     */
    boolean canPayMarketBuy(final Instrument instrument, final long buyerAccount, final long available, final long qty)
    {
        final BookSide asks = instrument.book().asks();
        final boolean skipOwn = state.stp != SelfTradePrevention.NONE;
        long left = qty;
        long funds = available;
        for (int rank = 0, depth = asks.depth(); rank < depth && left > 0; rank++)
        {
            for (Order order = asks.levelFromBest(rank).head(); order != null && left > 0; order = order.next())
            {
                if (skipOwn && order.account() == buyerAccount)
                {
                    continue;
                }
                final long lots = Math.min(left, order.openQty());
                final long cost = instrument.notional(order.price(), lots);
                if (cost > funds)
                {
                    return false;
                }
                // Buying from oneself pays the quote straight back, as matching would.
                if (order.account() != buyerAccount)
                {
                    funds -= cost;
                }
                left -= lots;
            }
        }
        return left == 0;
    }
}
