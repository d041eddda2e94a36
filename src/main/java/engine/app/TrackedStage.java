package engine.app;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * Wraps a stage to hold on to the sequence its processor publishes after each batch, so
 * others can wait for it without a map lookup (the result handler waits for the journal).
 */
final class TrackedStage<T> implements EventHandler<T>
{
    private final EventHandler<T> stage;
    private Sequence progress = new Sequence(-1);

    TrackedStage(final EventHandler<T> stage)
    {
        this.stage = stage;
    }

    Sequence progress()
    {
        return progress;
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        progress = sequence;
        stage.setSequenceCallback(sequence);
    }

    @Override
    public void onEvent(final T event, final long sequence, final boolean endOfBatch) throws Exception
    {
        stage.onEvent(event, sequence, endOfBatch);
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        stage.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onStart()
    {
        stage.onStart();
    }

    @Override
    public void onShutdown()
    {
        stage.onShutdown();
    }
}
