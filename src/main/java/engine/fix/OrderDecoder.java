package engine.fix;

import engine.api.AsciiName;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecInst;
import quickfix.field.ExpireTime;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;

/**
 * Reads order-entry messages into plain values, checking what the data dictionary cannot:
 * prices and quantities are the engine's integers (ticks and lots) so a fractional price is off
 * the tick, quantities and prices must be positive, the symbol must be listed, TimeInForce and
 * ExecInst must make an order this venue has. Each refusal is a {@link FixReject} naming the tag.
 */
final class OrderDecoder
{
    /** A NewOrderSingle(D), ready to become a PLACE. {@code fixDay}: TimeInForce Day, sent as GTD. */
    record NewOrder(String clOrdId, String symbol, Side side, OrderType type, TimeInForce tif, boolean fixDay,
        long expiry, boolean hasPrice, long price, long qty)
    {
    }

    /** An OrderCancelRequest(F) or the identifying part of an OrderCancelReplaceRequest(G). */
    record Target(String clOrdId, String origClOrdId, String orderId)
    {
    }

    /** The new values of an OrderCancelReplaceRequest(G); absent ones keep the order's. */
    record Replace(Target target, boolean hasPrice, long price, boolean hasQty, long qty)
    {
    }

    private final long timeUnitNanos;
    private final Predicate<String> listedSymbol;

    /**
     * @param timeUnitNanos the engine's time unit, for ExpireTime(126) and the end of a Day order
     * @param listedSymbol whether a symbol is listed (the depth read model)
     */
    OrderDecoder(final long timeUnitNanos, final Predicate<String> listedSymbol)
    {
        this.timeUnitNanos = timeUnitNanos;
        this.listedSymbol = listedSymbol;
    }

    NewOrder newOrder(final Message m, final LocalDateTime now) throws FixReject
    {
        final String clOrdId = required(m, ClOrdID.FIELD);
        final String symbol = symbol(m);
        final Side side = side(m);
        final char ordType = requiredChar(m, OrdType.FIELD);
        if (ordType != OrdType.LIMIT && ordType != OrdType.MARKET)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, OrdType.FIELD, "OrdType must be 1 (market) or 2 (limit)");
        }
        final OrderType type = ordType == OrdType.MARKET ? OrderType.MARKET : OrderType.LIMIT;
        final boolean hasPrice = m.isSetField(Price.FIELD);
        if (type == OrderType.LIMIT && !hasPrice)
        {
            throw FixReject.session(FixReject.TAG_MISSING, Price.FIELD, "a limit order needs Price(44)");
        }
        final long price = hasPrice ? positiveWhole(m, Price.FIELD, "price", "off the tick") : 0;
        final long qty = positiveWhole(m, OrderQty.FIELD, "quantity", "not a whole number of lots");
        final boolean postOnly = postOnly(m);
        final char fixTif = m.isSetField(quickfix.field.TimeInForce.FIELD) ?
            requiredChar(m, quickfix.field.TimeInForce.FIELD) :
            type == OrderType.MARKET ? quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL : quickfix.field.TimeInForce.DAY;
        if (postOnly && fixTif != quickfix.field.TimeInForce.GOOD_TILL_CANCEL)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, quickfix.field.TimeInForce.FIELD,
                "post-only (ExecInst 6) orders must be TimeInForce 1 (GTC)");
        }
        return switch (fixTif)
        {
            case quickfix.field.TimeInForce.GOOD_TILL_CANCEL -> new NewOrder(clOrdId, symbol, side, type,
                postOnly ? TimeInForce.POST_ONLY : TimeInForce.GTC, false, 0, hasPrice, price, qty);
            case quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL ->
                new NewOrder(clOrdId, symbol, side, type, TimeInForce.IOC, false, 0, hasPrice, price, qty);
            case quickfix.field.TimeInForce.FILL_OR_KILL ->
                new NewOrder(clOrdId, symbol, side, type, TimeInForce.FOK, false, 0, hasPrice, price, qty);
            case quickfix.field.TimeInForce.DAY -> new NewOrder(clOrdId, symbol, side, type, TimeInForce.GTD, true,
                endOfDay(now), hasPrice, price, qty);
            case quickfix.field.TimeInForce.GOOD_TILL_DATE -> new NewOrder(clOrdId, symbol, side, type, TimeInForce.GTD,
                false, expireTime(m), hasPrice, price, qty);
            default -> throw FixReject.session(FixReject.VALUE_INCORRECT, quickfix.field.TimeInForce.FIELD,
                "TimeInForce must be 0 (Day), 1 (GTC), 3 (IOC), 4 (FOK) or 6 (GTD)");
        };
    }

    Target target(final Message m) throws FixReject
    {
        final String clOrdId = required(m, ClOrdID.FIELD);
        final String origClOrdId = required(m, OrigClOrdID.FIELD);
        final String orderId = m.isSetField(OrderID.FIELD) ? required(m, OrderID.FIELD) : null;
        return new Target(clOrdId, origClOrdId, orderId);
    }

    Replace replace(final Message m) throws FixReject
    {
        final Target target = target(m);
        final boolean hasPrice = m.isSetField(Price.FIELD);
        final long price = hasPrice ? positiveWhole(m, Price.FIELD, "price", "off the tick") : 0;
        final boolean hasQty = m.isSetField(OrderQty.FIELD);
        final long qty = hasQty ? positiveWhole(m, OrderQty.FIELD, "quantity", "not a whole number of lots") : 0;
        return new Replace(target, hasPrice, price, hasQty, qty);
    }

    /** The engine order id OrderID(37) names, or -1 when it is not a number. */
    static long engineId(final String orderId)
    {
        try
        {
            return Long.parseLong(orderId);
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    private String symbol(final Message m) throws FixReject
    {
        final String symbol = required(m, Symbol.FIELD);
        if (!AsciiName.isValid(symbol) || !listedSymbol.test(symbol))
        {
            throw FixReject.business(FixReject.UNKNOWN_SECURITY, Symbol.FIELD, "unknown symbol '" + symbol + "'");
        }
        return symbol;
    }

    private static Side side(final Message m) throws FixReject
    {
        final char side = requiredChar(m, quickfix.field.Side.FIELD);
        if (side == quickfix.field.Side.BUY)
        {
            return Side.BUY;
        }
        if (side == quickfix.field.Side.SELL)
        {
            return Side.SELL;
        }
        throw FixReject.session(FixReject.VALUE_INCORRECT, quickfix.field.Side.FIELD, "Side must be 1 (buy) or 2 (sell)");
    }

    private static boolean postOnly(final Message m) throws FixReject
    {
        if (!m.isSetField(ExecInst.FIELD))
        {
            return false;
        }
        final String instructions = required(m, ExecInst.FIELD);
        for (final String instruction : instructions.split(" "))
        {
            if (!instruction.equals(String.valueOf(ExecInst.PARTICIPATE_DONT_INITIATE)))
            {
                throw FixReject.session(FixReject.VALUE_INCORRECT, ExecInst.FIELD,
                    "only ExecInst 6 (participate don't initiate: post-only) is supported");
            }
        }
        return true;
    }

    private long expireTime(final Message m) throws FixReject
    {
        if (!m.isSetField(ExpireTime.FIELD))
        {
            throw FixReject.session(FixReject.TAG_MISSING, ExpireTime.FIELD, "TimeInForce 6 (GTD) needs ExpireTime(126)");
        }
        try
        {
            return engineTime(m.getUtcTimeStamp(ExpireTime.FIELD));
        }
        catch (final FieldNotFound | quickfix.FieldException | IllegalArgumentException e)
        {
            throw FixReject.session(FixReject.BAD_FORMAT, ExpireTime.FIELD, "ExpireTime must be a UTC timestamp");
        }
    }

    /** A Day order ends at the next midnight UTC (the venue trades around the clock). */
    private long endOfDay(final LocalDateTime now)
    {
        return engineTime(LocalDate.from(now).plusDays(1).atStartOfDay());
    }

    private long engineTime(final LocalDateTime utc)
    {
        final java.time.Instant instant = utc.toInstant(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano()) /
            timeUnitNanos;
    }

    private static long positiveWhole(final Message m, final int tag, final String what, final String fractional)
        throws FixReject
    {
        final BigDecimal value;
        try
        {
            value = m.getDecimal(tag);
        }
        catch (final FieldNotFound e)
        {
            throw FixReject.session(FixReject.TAG_MISSING, tag, "missing " + what);
        }
        catch (final quickfix.FieldException | NumberFormatException e)
        {
            throw FixReject.session(FixReject.BAD_FORMAT, tag, what + " must be a number");
        }
        if (value.signum() <= 0)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, tag, what + " must be positive, was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 0)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, tag, what + " " + value.toPlainString() + " is " +
                fractional + " (prices are in ticks, quantities in lots)");
        }
        try
        {
            return value.longValueExact();
        }
        catch (final ArithmeticException e)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, tag, what + " is out of range");
        }
    }

    private static String required(final Message m, final int tag) throws FixReject
    {
        try
        {
            return m.getString(tag);
        }
        catch (final FieldNotFound e)
        {
            throw FixReject.session(FixReject.TAG_MISSING, tag, "required tag " + tag + " missing");
        }
    }

    private static char requiredChar(final Message m, final int tag) throws FixReject
    {
        final String value = required(m, tag);
        if (value.length() != 1)
        {
            throw FixReject.session(FixReject.BAD_FORMAT, tag, "tag " + tag + " must be one character");
        }
        return value.charAt(0);
    }
}
