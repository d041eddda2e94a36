package engine.app;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import engine.core.ResultListener;

/**
 * Completes each client's request with its command's events, then hands them to the inline
 * handlers (event store, read models). Runs on the I/O thread, which calls it only for
 * commands the journal already has: nothing leaves the engine before it is journaled.
 */
final class ResultHandler implements EventHandler<EventBatch>
{
    private final FaultLog faults;
    private final EventHandler<EventBatch>[] inline;

    /** @param inline handlers run after the listener on the same thread, sparing a thread each */
    ResultHandler(final FaultLog faults, final EventHandler<EventBatch>[] inline)
    {
        this.faults = faults;
        this.inline = inline;
    }

    @Override
    public void onStart()
    {
        for (final EventHandler<EventBatch> handler : inline)
        {
            handler.onStart();
        }
    }

    @Override
    public void onShutdown()
    {
        for (final EventHandler<EventBatch> handler : inline)
        {
            handler.onShutdown();
        }
    }

    @Override
    public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch) throws Exception
    {
        final ResultListener listener = batch.listener();
        if (listener != null)
        {
            try
            {
                listener.onResult(batch);
            }
            catch (final RuntimeException e)
            {
                faults.report("result listener", sequence, e);
            }
        }
        for (final EventHandler<EventBatch> handler : inline)
        {
            try
            {
                handler.onEvent(batch, sequence, endOfBatch);
            }
            catch (final RuntimeException e)
            {
                faults.report(handler.getClass().getSimpleName(), sequence, e);
            }
        }
    }
}
