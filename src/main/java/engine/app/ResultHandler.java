package engine.app;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import engine.core.EventBatch;
import engine.core.ResultListener;

/**
 * Completes each client's request with its command's events. A result is released only once
 * every journal stage has written the command: the BLP runs ahead of the disk, clients never do.
 */
final class ResultHandler implements EventHandler<EventBatch>
{
    private final Sequence[] journaled;
    private final long seqOffset;
    private final FaultLog faults;
    private final EventHandler<EventBatch>[] inline;

    /**
     * @param journaled the ingress sequences of the journal stages (may be empty)
     * @param seqOffset command seq minus ingress ring sequence
     * @param inline handlers run on this thread after the listener, sparing a thread each; like
     *               clients, they see a command only once it is journaled
     */
    ResultHandler(final Sequence[] journaled, final long seqOffset, final FaultLog faults,
        final EventHandler<EventBatch>[] inline)
    {
        this.journaled = journaled;
        this.seqOffset = seqOffset;
        this.faults = faults;
        this.inline = inline;
    }

    @Override
    public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch) throws Exception
    {
        final ResultListener listener = batch.listener();
        if (listener != null || inline.length > 0)
        {
            // Nothing leaves this thread, to a client or an inline handler such as the event
            // store, before its command is in the journal.
            awaitJournaled(batch.seq() - seqOffset);
        }
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
            handler.onEvent(batch, sequence, endOfBatch);
        }
    }

    private void awaitJournaled(final long ingressSequence)
    {
        for (final Sequence sequence : journaled)
        {
            int spins = 0;
            while (sequence.get() < ingressSequence)
            {
                if (++spins < 100)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    Thread.yield();
                }
            }
        }
    }
}
