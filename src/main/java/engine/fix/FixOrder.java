package engine.fix;

import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One order a FIX session placed, as its session sees it: the engine's order id, the client's
 * current ClOrdID and the quantities FIX reports carry. The report router (result thread) is
 * the only writer once the order is submitted; session threads read it for OrderStatusRequest
 * and cancel/replace, so every access is synchronized on the order (never on the engine's path).
 */
final class FixOrder
{
    /** The order's FIX life, as OrdStatus(39) tells it. */
    enum Status
    {
        PENDING_NEW('A'), NEW('0'), PARTIALLY_FILLED('1'), FILLED('2'), CANCELED('4'), REJECTED('8'), EXPIRED('C');

        final char code;

        Status(final char code)
        {
            this.code = code;
        }

        boolean done()
        {
            return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
        }
    }

    final long engineId;
    final FixSession session;
    final String symbol;
    final Side side;
    final OrderType type;
    final TimeInForce tif;
    final boolean fixDay;
    private String clOrdId;
    private String origClOrdId;
    private long orderQty;
    private long price;
    private final boolean hasPrice;
    private long cumQty;
    private long leavesQty;
    private BigDecimal notional = BigDecimal.ZERO;
    private Status status = Status.PENDING_NEW;

    /**
     * @param fixDay whether the client asked for TimeInForce Day (sent to the engine as GTD), so
     *               reports echo Day rather than GTD
     */
    FixOrder(final long engineId, final FixSession session, final String clOrdId, final String symbol, final Side side,
        final OrderType type, final TimeInForce tif, final boolean fixDay, final boolean hasPrice, final long price,
        final long orderQty)
    {
        this.engineId = engineId;
        this.session = session;
        this.clOrdId = clOrdId;
        this.symbol = symbol;
        this.side = side;
        this.type = type;
        this.tif = tif;
        this.fixDay = fixDay;
        this.hasPrice = hasPrice;
        this.price = price;
        this.orderQty = orderQty;
        this.leavesQty = orderQty;
    }

    synchronized void accepted()
    {
        status = Status.NEW;
    }

    /** An order found open after a restart: {@code cumQty} filled at {@code avgPx} on average. */
    synchronized void restored(final long filled, final BigDecimal avgPx)
    {
        cumQty = filled;
        leavesQty = orderQty - filled;
        notional = avgPx.multiply(BigDecimal.valueOf(filled));
        status = filled > 0 ? Status.PARTIALLY_FILLED : Status.NEW;
    }

    synchronized void rejected()
    {
        status = Status.REJECTED;
        leavesQty = 0;
    }

    synchronized void filled(final long fillPrice, final long qty)
    {
        cumQty += qty;
        leavesQty -= qty;
        notional = notional.add(BigDecimal.valueOf(fillPrice).multiply(BigDecimal.valueOf(qty)));
        status = leavesQty == 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
    }

    /** The open remainder left the book: canceled by the client, IOC, self-trade, amend to zero; or expired. */
    synchronized void canceled(final boolean expired)
    {
        leavesQty = 0;
        status = expired ? Status.EXPIRED : Status.CANCELED;
    }

    /** A cancel or replace request for this order succeeded: the client now knows it by {@code newClOrdId}. */
    synchronized void renamed(final String newClOrdId)
    {
        origClOrdId = clOrdId;
        clOrdId = newClOrdId;
    }

    /** AMENDED: the engine's new price and open quantity; the total is what filled plus what is open. */
    synchronized void replaced(final long newPrice, final long openQty)
    {
        price = newPrice;
        leavesQty = openQty;
        orderQty = cumQty + openQty;
        status = cumQty > 0 ? Status.PARTIALLY_FILLED : Status.NEW;
    }

    synchronized View view()
    {
        final BigDecimal avgPx = cumQty == 0 ? BigDecimal.ZERO :
            notional.divide(BigDecimal.valueOf(cumQty), 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new View(clOrdId, origClOrdId, orderQty, hasPrice, price, cumQty, leavesQty, avgPx, status);
    }

    synchronized boolean done()
    {
        return status.done();
    }

    /** A consistent copy of the changing fields, for building one report. */
    record View(String clOrdId, String origClOrdId, long orderQty, boolean hasPrice, long price, long cumQty,
        long leavesQty, BigDecimal avgPx, Status status)
    {
    }
}
