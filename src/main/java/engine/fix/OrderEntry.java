package engine.fix;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.server.LiveEngine;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.ClOrdID;
import quickfix.field.MsgSeqNum;

/**
 * Order-entry messages of one session, on that session's QuickFIX/J thread: decode, check the
 * ClOrdID, allocate the engine order id, submit the command with a {@link FixRequest}. Reports
 * about the engine's answer come later from the {@link ReportRouter}, once journaled; what the
 * gateway refuses itself (duplicate ClOrdID, unknown OrigClOrdID) is answered here at once.
 */
final class OrderEntry
{
    private final LiveEngine engine;
    private final OrderDecoder decoder;
    private final OrderIds ids;
    private final ReportRouter router;
    private final ReportEncoder encoder;

    OrderEntry(final LiveEngine engine, final OrderDecoder decoder, final OrderIds ids, final ReportRouter router,
        final ReportEncoder encoder)
    {
        this.engine = engine;
        this.decoder = decoder;
        this.ids = ids;
        this.router = router;
        this.encoder = encoder;
    }

    void newOrder(final Message m, final FixSession session) throws FixReject
    {
        final OrderDecoder.NewOrder o = decoder.newOrder(m, LocalDateTime.now(ZoneOffset.UTC));
        if (session.clOrdIds.find(o.clOrdId()) != null)
        {
            final FixOrder refused = new FixOrder(0, session, o.clOrdId(), o.symbol(), o.side(), o.type(), o.tif(),
                o.fixDay(), o.hasPrice(), o.price(), o.qty());
            refused.rejected();
            reply(session, new Report.Execution(refused, refused.view(), ExecTypes.REJECTED, gatewayExecId(m, session),
                0, 0, 0, Reason.DUPLICATE_ORDER_ID, "duplicate ClOrdID " + o.clOrdId()));
            return;
        }
        // The id is taken only now, right before its one command (see OrderIds).
        final FixOrder order = new FixOrder(ids.next(), session, o.clOrdId(), o.symbol(), o.side(), o.type(), o.tif(),
            o.fixDay(), o.hasPrice(), o.price(), o.qty());
        session.clOrdIds.claim(o.clOrdId(), order);
        router.track(order);
        final Command command = new Command().place(0, session.account, order.engineId, AsciiName.hi(o.symbol()),
            AsciiName.lo(o.symbol()), o.side(), o.type(), o.tif(), o.expiry(), o.hasPrice(), o.price(), o.qty());
        engine.submit(command, new FixRequest(FixRequest.Kind.NEW, session, order, o.clOrdId(), null, order.engineId));
    }

    void cancel(final Message m, final FixSession session) throws FixReject
    {
        final OrderDecoder.Target t = decoder.target(m);
        final FixOrder order = resolve(t, session, '1');
        if (order != null || fallbackId(t, session) >= 0)
        {
            final long engineId = order != null ? order.engineId : fallbackId(t, session);
            engine.submit(new Command().cancel(0, session.account, engineId),
                new FixRequest(FixRequest.Kind.CANCEL, session, order, t.clOrdId(), t.origClOrdId(), engineId));
        }
    }

    void replace(final Message m, final FixSession session) throws FixReject
    {
        final OrderDecoder.Replace r = decoder.replace(m);
        final OrderDecoder.Target t = r.target();
        final FixOrder order = resolve(t, session, '2');
        if (order != null || fallbackId(t, session) >= 0)
        {
            final long engineId = order != null ? order.engineId : fallbackId(t, session);
            engine.submit(new Command().amend(0, session.account, engineId, r.hasPrice(), r.price(), r.hasQty(), r.qty()),
                new FixRequest(FixRequest.Kind.REPLACE, session, order, t.clOrdId(), t.origClOrdId(), engineId));
        }
    }

    /** OrderStatusRequest(H): the order as the session's last report left it (ExecType I). */
    void status(final Message m, final FixSession session) throws FixReject
    {
        final String clOrdId;
        try
        {
            clOrdId = m.getString(ClOrdID.FIELD);
        }
        catch (final FieldNotFound e)
        {
            throw FixReject.session(FixReject.TAG_MISSING, ClOrdID.FIELD, "required tag 11 missing");
        }
        FixOrder order = session.clOrdIds.find(clOrdId);
        String text = null;
        if (order == null)
        {
            // A status for an order we do not know: the answer FIX gives is OrdStatus rejected.
            order = new FixOrder(0, session, clOrdId, "UNKNOWN", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, false,
                false, 0, 0);
            order.rejected();
            text = "unknown ClOrdID " + clOrdId;
        }
        reply(session, new Report.Execution(order, order.view(), ExecTypes.ORDER_STATUS, gatewayExecId(m, session), 0,
            0, 0, Reason.NONE, text));
    }

    /**
     * The session's order that OrigClOrdID names, after claiming the request's own ClOrdID; null,
     * with the OrderCancelReject already sent, when the ClOrdID is a duplicate or the order is
     * unknown (unless OrderID names an engine order: then the engine decides, see fallbackId).
     */
    private FixOrder resolve(final OrderDecoder.Target t, final FixSession session, final char responseTo)
    {
        final FixOrder order = session.clOrdIds.find(t.origClOrdId());
        if (session.clOrdIds.find(t.clOrdId()) != null)
        {
            reply(session, new Report.CancelReject(t.clOrdId(), t.origClOrdId(), "NONE",
                order == null ? FixOrder.Status.REJECTED.code : order.view().status().code, responseTo,
                RejectCodes.CXL_REJ_DUPLICATE_CLORDID, "duplicate ClOrdID " + t.clOrdId()));
            return null;
        }
        final FixOrder byOrderId = order != null ? order : ownLiveOrder(t, session);
        if (byOrderId != null)
        {
            session.clOrdIds.claim(t.clOrdId(), byOrderId);
            return byOrderId;
        }
        if (fallbackId(t, session) < 0)
        {
            reply(session, new Report.CancelReject(t.clOrdId(), t.origClOrdId(), "NONE", FixOrder.Status.REJECTED.code,
                responseTo, RejectCodes.CXL_REJ_UNKNOWN_ORDER, "unknown OrigClOrdID " + t.origClOrdId()));
        }
        return null;
    }

    /** This session's open order that OrderID(37) names, when OrigClOrdID did not find it. */
    private FixOrder ownLiveOrder(final OrderDecoder.Target t, final FixSession session)
    {
        if (t.orderId() == null)
        {
            return null;
        }
        final FixOrder order = router.live(OrderDecoder.engineId(t.orderId()));
        return order != null && order.session == session ? order : null;
    }

    /**
     * The engine order id in OrderID(37) of a request whose OrigClOrdID this session does not
     * know, or -1. The engine, not the gateway, then answers: another account's order is
     * UNKNOWN_ORDER there, exactly as for an order that does not exist.
     */
    private long fallbackId(final OrderDecoder.Target t, final FixSession session)
    {
        if (t.orderId() == null || session.clOrdIds.find(t.clOrdId()) != null)
        {
            return -1;
        }
        final long id = OrderDecoder.engineId(t.orderId());
        return id > 0 ? id : -1;
    }

    private void reply(final FixSession session, final Report report)
    {
        Session.lookupSession(session.id).send(encoder.encode(report, session.id));
    }

    /** An ExecID for a report the gateway makes itself: unique, from the request's MsgSeqNum. */
    private static String gatewayExecId(final Message m, final FixSession session)
    {
        String seq;
        try
        {
            seq = m.getHeader().getString(MsgSeqNum.FIELD);
        }
        catch (final FieldNotFound e)
        {
            seq = "0";
        }
        return "G-" + session.clientCompId() + "-" + seq;
    }
}
