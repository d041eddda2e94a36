package engine.fix;

import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

/**
 * Turns {@link Report}s into FIX 4.4 messages. Prices and quantities are the engine's integers
 * (ticks and lots), written without a decimal point; AvgPx is the exact mean, up to 8 decimals.
 */
final class ReportEncoder
{
    private final long timeUnitNanos;

    /** @param timeUnitNanos the engine's time unit, for TransactTime(60) */
    ReportEncoder(final long timeUnitNanos)
    {
        this.timeUnitNanos = timeUnitNanos;
    }

    Message encode(final Report report, final SessionID session)
    {
        if (report instanceof Report.Execution e)
        {
            return execution(e);
        }
        if (report instanceof Report.CancelReject r)
        {
            return cancelReject(r);
        }
        return ((Report.Prebuilt)report).message();
    }

    private Message execution(final Report.Execution e)
    {
        final FixOrder order = e.order();
        final FixOrder.View view = e.view();
        final Message m = new quickfix.fix44.ExecutionReport();
        m.setString(OrderID.FIELD, order.engineId == 0 ? "NONE" : Long.toString(order.engineId));
        m.setString(ClOrdID.FIELD, view.clOrdId());
        if (view.origClOrdId() != null && (e.execType() == ExecType.REPLACED || e.execType() == ExecType.CANCELED))
        {
            m.setString(OrigClOrdID.FIELD, view.origClOrdId());
        }
        m.setString(ExecID.FIELD, e.execId());
        m.setChar(ExecType.FIELD, e.execType());
        m.setChar(OrdStatus.FIELD, view.status().code);
        m.setString(Symbol.FIELD, order.symbol);
        m.setChar(quickfix.field.Side.FIELD, order.side == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL);
        m.setChar(quickfix.field.OrdType.FIELD, order.type == OrderType.MARKET ? quickfix.field.OrdType.MARKET :
            quickfix.field.OrdType.LIMIT);
        m.setChar(quickfix.field.TimeInForce.FIELD, timeInForce(order));
        if (order.tif == TimeInForce.POST_ONLY)
        {
            m.setString(quickfix.field.ExecInst.FIELD, String.valueOf(quickfix.field.ExecInst.PARTICIPATE_DONT_INITIATE));
        }
        if (view.hasPrice())
        {
            m.setString(Price.FIELD, Long.toString(view.price()));
        }
        m.setString(OrderQty.FIELD, Long.toString(view.orderQty()));
        m.setString(CumQty.FIELD, Long.toString(view.cumQty()));
        m.setString(LeavesQty.FIELD, Long.toString(view.leavesQty()));
        m.setDecimal(AvgPx.FIELD, view.avgPx());
        if (e.execType() == ExecType.TRADE)
        {
            m.setString(LastPx.FIELD, Long.toString(e.lastPx()));
            m.setString(LastQty.FIELD, Long.toString(e.lastQty()));
        }
        if (e.execType() == ExecType.REJECTED)
        {
            m.setInt(OrdRejReason.FIELD, RejectCodes.ordRejReason(e.reason()));
        }
        if (e.text() != null)
        {
            m.setString(Text.FIELD, e.text());
        }
        else if (e.reason() != Reason.NONE)
        {
            m.setString(Text.FIELD, e.reason().name());
        }
        m.setUtcTimeStamp(TransactTime.FIELD, time(e.timestamp()), true);
        return m;
    }

    private static char timeInForce(final FixOrder order)
    {
        if (order.fixDay)
        {
            return quickfix.field.TimeInForce.DAY;
        }
        return switch (order.tif)
        {
            case GTC, POST_ONLY -> quickfix.field.TimeInForce.GOOD_TILL_CANCEL;
            case IOC -> quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL;
            case FOK -> quickfix.field.TimeInForce.FILL_OR_KILL;
            case GTD -> quickfix.field.TimeInForce.GOOD_TILL_DATE;
        };
    }

    private static Message cancelReject(final Report.CancelReject r)
    {
        final Message m = new quickfix.fix44.OrderCancelReject();
        m.setString(OrderID.FIELD, r.orderId());
        m.setString(ClOrdID.FIELD, r.clOrdId());
        m.setString(OrigClOrdID.FIELD, r.origClOrdId());
        m.setChar(OrdStatus.FIELD, r.ordStatus());
        m.setChar(CxlRejResponseTo.FIELD, r.responseTo());
        m.setInt(CxlRejReason.FIELD, r.cxlRejReason());
        if (r.text() != null)
        {
            m.setString(Text.FIELD, r.text());
        }
        return m;
    }

    /** Engine time (units since the epoch) as a UTC timestamp. */
    LocalDateTime time(final long engineTime)
    {
        final long nanos = engineTime * timeUnitNanos;
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L),
            ZoneOffset.UTC);
    }
}
