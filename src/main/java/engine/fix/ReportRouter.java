package engine.fix;

import com.lmax.disruptor.EventHandler;
import engine.api.EventType;
import engine.api.Reason;
import engine.core.EventBatch;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, in every command's events, what FIX sessions must hear, and queues it on their
 * outboxes. It runs on the engine's result thread (a journaled handler), so it sees a command
 * only once the command is journaled, and it never blocks: it only updates the FIX view of the
 * order and offers a {@link Report} to a bounded queue.
 *
 * <p>Events name orders by engine id. A FIX order is found by id in {@link #live}; events about
 * other clients' orders cost one comparison ({@link OrderIds#isFix}). The answer to a FIX
 * request (its ClOrdID, or an OrderCancelReject) comes from the {@link FixRequest} the command
 * carried as its listener; the maker side of a trade and expiries reach their session the same
 * way, by the order's id, whoever sent the command.
 *
 * <p>ExecID(17) is {@code <seq>-<event index>} for the order the event is about (taker of a
 * trade) and {@code <seq>-<event index>M} for the maker: derived from the journal, so it is
 * unique and the same after a restart or a replay.
 */
final class ReportRouter implements EventHandler<EventBatch>
{
    private final Map<Long, FixOrder> live = new ConcurrentHashMap<>();

    /** Makes {@code order} known before its command is submitted. */
    void track(final FixOrder order)
    {
        live.put(order.engineId, order);
    }

    /** The open FIX order with this engine id, or null. */
    FixOrder live(final long engineId)
    {
        return OrderIds.isFix(engineId) ? live.get(engineId) : null;
    }

    @Override
    public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
    {
        final FixRequest request = batch.listener() instanceof FixRequest r ? r : null;
        for (int i = 0; i < batch.count(); i++)
        {
            final EventType type = batch.type(i);
            switch (type)
            {
                case ACCEPTED -> accepted(batch, i);
                case REJECTED -> rejected(batch, i, request);
                case TRADE -> traded(batch, i);
                case CANCELED -> canceled(batch, i, request);
                case AMENDED -> amended(batch, i, request);
                default ->
                {
                    // Deposits, withdrawals, symbols: nothing a FIX order entry session hears of.
                }
            }
        }
    }

    private void accepted(final EventBatch b, final int i)
    {
        final FixOrder order = live(b.orderId(i));
        if (order != null)
        {
            order.accepted();
            send(b, i, order, ExecTypes.NEW, execId(b, i, false), 0, 0, Reason.NONE);
        }
    }

    private void rejected(final EventBatch b, final int i, final FixRequest request)
    {
        if (request == null)
        {
            return;
        }
        final Reason reason = b.reason(i);
        if (request.kind() == FixRequest.Kind.NEW)
        {
            final FixOrder order = request.order();
            order.rejected();
            live.remove(order.engineId);
            final Report.Execution report = new Report.Execution(order, order.view(), ExecTypes.REJECTED,
                execId(b, i, false), b.timestamp(), 0, 0, reason, reason.name());
            order.session.outbox.offer(report);
            return;
        }
        final FixOrder order = request.order();
        final char status = order == null ? FixOrder.Status.REJECTED.code : order.view().status().code;
        request.session().outbox.offer(new Report.CancelReject(request.clOrdId(), request.origClOrdId(),
            Long.toString(request.engineOrderId()), status,
            request.kind() == FixRequest.Kind.CANCEL ? '1' : '2', RejectCodes.cxlRejReason(reason), reason.name()));
    }

    private void traded(final EventBatch b, final int i)
    {
        final FixOrder taker = live(b.orderId(i));
        if (taker != null)
        {
            fill(b, i, taker, false);
        }
        final FixOrder maker = live(b.makerOrderId(i));
        if (maker != null)
        {
            fill(b, i, maker, true);
        }
    }

    private void fill(final EventBatch b, final int i, final FixOrder order, final boolean maker)
    {
        order.filled(b.price(i), b.qty(i));
        if (order.done())
        {
            live.remove(order.engineId);
        }
        send(b, i, order, ExecTypes.TRADE, execId(b, i, maker), b.price(i), b.qty(i), Reason.NONE);
    }

    private void canceled(final EventBatch b, final int i, final FixRequest request)
    {
        final FixOrder order = live(b.orderId(i)) != null ? live(b.orderId(i)) : detached(b, i, request);
        if (order == null)
        {
            return;
        }
        if (answers(request, order))
        {
            order.renamed(request.clOrdId());
        }
        final Reason reason = b.reason(i);
        final boolean expired = reason == Reason.EXPIRED;
        order.canceled(expired);
        live.remove(order.engineId);
        send(b, i, order, expired ? ExecTypes.EXPIRED : ExecTypes.CANCELED, execId(b, i, false), 0, 0, reason);
    }

    private void amended(final EventBatch b, final int i, final FixRequest request)
    {
        final FixOrder order = live(b.orderId(i)) != null ? live(b.orderId(i)) : detached(b, i, request);
        if (order == null)
        {
            return;
        }
        if (answers(request, order))
        {
            order.renamed(request.clOrdId());
        }
        order.replaced(b.price(i), b.qty(i));
        send(b, i, order, ExecTypes.REPLACED, execId(b, i, false), 0, 0, Reason.NONE);
    }

    /**
     * An order the gateway does not track (placed by HTTP or TCP for the same account, or before a
     * restart) that a cancel or replace named by OrderID(37): the request still gets its report,
     * built from the event alone (quantities as the event tells them, no fills known).
     */
    private static FixOrder detached(final EventBatch b, final int i, final FixRequest request)
    {
        if (request == null || request.kind() == FixRequest.Kind.NEW || request.order() != null ||
            request.engineOrderId() != b.orderId(i))
        {
            return null;
        }
        final FixOrder order = new FixOrder(b.orderId(i), request.session(), request.origClOrdId(),
            engine.api.AsciiName.toString(b.nameHi(i), b.nameLo(i)), b.side(i), engine.api.OrderType.LIMIT,
            engine.api.TimeInForce.GTC, false, b.type(i) == EventType.AMENDED, b.price(i), b.qty(i));
        order.accepted();
        return order;
    }

    /** Whether this event is the answer to the cancel or replace request the command came from. */
    private static boolean answers(final FixRequest request, final FixOrder order)
    {
        return request != null && request.kind() != FixRequest.Kind.NEW &&
            (request.order() == order || request.order() == null && request.engineOrderId() == order.engineId);
    }

    private static void send(final EventBatch b, final int i, final FixOrder order, final char execType,
        final String execId, final long lastPx, final long lastQty, final Reason reason)
    {
        order.session.outbox.offer(new Report.Execution(order, order.view(), execType, execId, b.timestamp(), lastPx,
            lastQty, reason, reason == Reason.NONE ? null : reason.name()));
    }

    static String execId(final EventBatch b, final int index, final boolean maker)
    {
        return maker ? b.seq() + "-" + index + "M" : b.seq() + "-" + index;
    }
}
