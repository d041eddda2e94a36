package engine.readmodel;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An output-ring handler that builds query state from events alone. Each model owns its data
 * and the sequence of the last command it applied.
 *
 * <p>Threading: the handler thread applies one command's events under the model's monitor;
 * queries copy what they return under the same monitor. Both hold it for microseconds, so
 * the handler never waits long and a slow reader can only delay, never corrupt, the model.
 * Applying is idempotent by sequence: a batch at or below {@link #appliedSeq()} is skipped,
 * which lets a model catch up from the event store and then join the live ring.
 */
public abstract class ReadModel implements EventHandler<EventBatch>
{
    private static final long PARK_NANOS = 50_000;
    private volatile long appliedSeq;

    @Override
    public final void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
    {
        accept(batch);
    }

    /** Applies one command's events (from the ring, the event store or a test). */
    public final void accept(final EventBatch batch)
    {
        if (batch.seq() <= appliedSeq)
        {
            return;
        }
        synchronized (this)
        {
            apply(batch);
            appliedSeq = batch.seq();
        }
        afterApply(batch);
    }

    /** Updates the model; called under the model's monitor. */
    protected abstract void apply(EventBatch batch);

    /** Called after the monitor is released, on the handler thread; for change notifications. */
    protected void afterApply(final EventBatch batch)
    {
    }

    /** The sequence number of the last command applied (0 before any). */
    public final long appliedSeq()
    {
        return appliedSeq;
    }

    /** Copies query state together with the sequence it reflects. */
    protected final synchronized <T> AsOf<T> read(final Supplier<T> copy)
    {
        return new AsOf<>(appliedSeq, copy.get());
    }

    /** A model's state as snapshot bytes with the sequence they reflect. */
    record State(long appliedSeq, byte[] bytes)
    {
    }

    /**
     * Copies the full state under the model's monitor (in memory: writing it to disk happens
     * outside the lock, see {@link ReadModelSnapshots}).
     */
    final synchronized State snapshotState()
    {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(buffer))
        {
            writeState(out);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return new State(appliedSeq, buffer.toByteArray());
    }

    /** Replaces an empty model's state with a snapshot's; the model then skips batches up to its seq. */
    final synchronized void restoreState(final long seq, final DataInputStream in) throws IOException
    {
        if (appliedSeq != 0)
        {
            throw new IllegalStateException(getClass().getSimpleName() + " already applied up to " + appliedSeq);
        }
        readState(in);
        appliedSeq = seq;
    }

    /** Writes the full state; called under the model's monitor. */
    void writeState(final DataOutputStream out) throws IOException
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no snapshot format");
    }

    /** Reads what {@link #writeState} wrote into an empty model; called under the model's monitor. */
    void readState(final DataInputStream in) throws IOException
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no snapshot format");
    }

    /**
     * Waits until this model has applied command {@code seq}; for read-your-writes.
     *
     * @throws TimeoutException when {@code timeoutMillis} runs out first.
     */
    public final void awaitApplied(final long seq, final long timeoutMillis) throws TimeoutException
    {
        if (appliedSeq >= seq)
        {
            return;
        }
        final long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (appliedSeq < seq)
        {
            if (System.nanoTime() - deadline >= 0)
            {
                throw new TimeoutException(getClass().getSimpleName() + " has applied up to " + appliedSeq +
                    ", not yet " + seq);
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
    }
}
