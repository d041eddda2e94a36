package engine.fix;

import engine.api.Reason;
import quickfix.Message;

/**
 * A message owed to one FIX session, as plain values: the router (result thread) makes these
 * and the session's sender thread turns them into FIX, so encoding costs the engine nothing.
 */
sealed interface Report
{
    /**
     * An ExecutionReport(8) about {@code order} as it stood after the event.
     *
     * @param execType ExecType(150): '0' new, 'F' trade, '4' canceled, '5' replaced, 'C' expired,
     *                 '8' rejected, 'I' order status
     * @param timestamp the engine time of the command (its unit: {@link ReportEncoder})
     * @param lastQty the fill's quantity for 'F', else 0
     * @param reason why it was rejected or canceled, {@link Reason#NONE} otherwise
     * @param text Text(58): the reason's name, or the gateway's own explanation; may be null
     */
    record Execution(FixOrder order, FixOrder.View view, char execType, String execId, long timestamp, long lastPx,
        long lastQty, Reason reason, String text) implements Report
    {
    }

    /**
     * An OrderCancelReject(9).
     *
     * @param orderId OrderID(37): the engine order id, or "NONE" when no order was found
     * @param ordStatus OrdStatus(39) of the order, '8' (rejected) when there is none
     * @param responseTo CxlRejResponseTo(434): '1' cancel request, '2' cancel/replace request
     * @param cxlRejReason CxlRejReason(102): 1 unknown order, 6 duplicate ClOrdID, 99 other
     */
    record CancelReject(String clOrdId, String origClOrdId, String orderId, char ordStatus, char responseTo,
        int cxlRejReason, String text) implements Report
    {
    }

    /** A message built elsewhere (market data), sent as it is. */
    record Prebuilt(Message message) implements Report
    {
    }
}
