package engine.fix;

import engine.core.EventBatch;
import engine.core.ResultListener;

/**
 * What a FIX message asked of the engine, travelling with its command as the command's listener,
 * so that the {@link ReportRouter} can tell, among a batch's events, the answer to this request
 * (ClOrdID, OrigClOrdID, which message) from the news about other orders. It does nothing itself.
 *
 * @param order the order the request is about; null for a cancel or replace naming, by OrderID,
 *              an order this session does not know
 * @param origClOrdId the order's ClOrdID when the request was made (cancel and replace)
 */
record FixRequest(Kind kind, FixSession session, FixOrder order, String clOrdId, String origClOrdId,
    long engineOrderId) implements ResultListener
{
    /** Which message the request came from. */
    enum Kind
    {
        NEW, CANCEL, REPLACE
    }

    @Override
    public void onResult(final EventBatch result)
    {
        // The router reads the batch on this same thread, after the listener.
    }
}
