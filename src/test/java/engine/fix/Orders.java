package engine.fix;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecInst;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

/** Order-entry messages as a client builds them, and field access for assertions. */
final class Orders
{
    private Orders()
    {
    }

    static Message limit(final String clOrdId, final String symbol, final char side, final String price,
        final String qty, final char tif)
    {
        final Message m = new quickfix.fix44.NewOrderSingle();
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(Symbol.FIELD, symbol);
        m.setChar(Side.FIELD, side);
        m.setChar(OrdType.FIELD, OrdType.LIMIT);
        m.setString(Price.FIELD, price);
        m.setString(OrderQty.FIELD, qty);
        m.setChar(TimeInForce.FIELD, tif);
        m.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message postOnly(final String clOrdId, final String symbol, final char side, final String price,
        final String qty)
    {
        final Message m = limit(clOrdId, symbol, side, price, qty, TimeInForce.GOOD_TILL_CANCEL);
        m.setString(ExecInst.FIELD, String.valueOf(ExecInst.PARTICIPATE_DONT_INITIATE));
        return m;
    }

    static Message market(final String clOrdId, final String symbol, final char side, final String qty)
    {
        final Message m = new quickfix.fix44.NewOrderSingle();
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(Symbol.FIELD, symbol);
        m.setChar(Side.FIELD, side);
        m.setChar(OrdType.FIELD, OrdType.MARKET);
        m.setString(OrderQty.FIELD, qty);
        m.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message cancel(final String clOrdId, final String origClOrdId, final String symbol, final char side)
    {
        final Message m = new quickfix.fix44.OrderCancelRequest();
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(OrigClOrdID.FIELD, origClOrdId);
        m.setString(Symbol.FIELD, symbol);
        m.setChar(Side.FIELD, side);
        m.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message cancelByOrderId(final String clOrdId, final String origClOrdId, final String orderId,
        final String symbol, final char side)
    {
        final Message m = cancel(clOrdId, origClOrdId, symbol, side);
        m.setString(OrderID.FIELD, orderId);
        return m;
    }

    static Message replace(final String clOrdId, final String origClOrdId, final String symbol, final char side,
        final String price, final String qty)
    {
        final Message m = new quickfix.fix44.OrderCancelReplaceRequest();
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(OrigClOrdID.FIELD, origClOrdId);
        m.setString(Symbol.FIELD, symbol);
        m.setChar(Side.FIELD, side);
        m.setChar(OrdType.FIELD, OrdType.LIMIT);
        if (price != null)
        {
            m.setString(Price.FIELD, price);
        }
        if (qty != null)
        {
            m.setString(OrderQty.FIELD, qty);
        }
        m.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message status(final String clOrdId, final String symbol, final char side)
    {
        final Message m = new quickfix.fix44.OrderStatusRequest();
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(Symbol.FIELD, symbol);
        m.setChar(Side.FIELD, side);
        return m;
    }

    static String get(final quickfix.FieldMap m, final int tag)
    {
        try
        {
            return m.getString(tag);
        }
        catch (final FieldNotFound e)
        {
            return null;
        }
    }

    static boolean is(final Message m, final String msgType)
    {
        return FixClient.type(m).equals(msgType);
    }

    /** An ExecutionReport for {@code clOrdId} with this ExecType. */
    static boolean report(final Message m, final String clOrdId, final char execType)
    {
        return is(m, quickfix.field.MsgType.EXECUTION_REPORT) && clOrdId.equals(get(m, ClOrdID.FIELD)) &&
            String.valueOf(execType).equals(get(m, quickfix.field.ExecType.FIELD));
    }
}
