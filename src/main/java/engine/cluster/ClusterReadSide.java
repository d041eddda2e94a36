package engine.cluster;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import engine.api.Command;
import engine.api.EventSink;
import engine.core.EventBatch;
import engine.core.WaitStrategyType;
import engine.http.Identities;
import engine.readmodel.EventStoreReader;
import engine.readmodel.EventStoreWriter;
import engine.readmodel.ReadModels;
import engine.server.EventStoreCatchUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A member's read side, fed from its committed log as {@code serve}'s is from its output ring:
 * the service thread copies each applied command's events into a ring slot ({@link EventBatch},
 * as the business logic writes them in {@code serve}) and publishes it; one thread of its own
 * ({@value #THREAD}) appends the slot to the member's event store ({@code DIR/events}, the same
 * {@link EventStoreWriter} and format as {@code serve}'s) and then applies it to the
 * {@link ReadModels} and the HTTP {@link Identities}. So every member, leader or follower, answers
 * queries from its own models, a little behind its own log, and the service never waits for a query,
 * a disk write or a model: only a full ring ({@value #RING_SIZE} commands behind) makes it wait,
 * as a full output ring makes {@code serve}'s business logic wait.
 *
 * <p>Restart: {@link #open} first replays the member's own event store into the models and the
 * identities. The cluster then loads its snapshot and replays the log after it; the entries the
 * store already holds are skipped (the writer and the models ignore a seq they have), the rest are
 * stored and applied as new. That works because the store is never behind the cluster snapshot:
 * before the service writes a snapshot at seq s, {@link #beforeSnapshot} waits until the store
 * holds s. A store that is behind anyway (deleted, or lost with its disk) shows as a gap, logged.
 */
public final class ClusterReadSide implements AppliedCommands, AutoCloseable
{
    static final String THREAD = "cluster-read-side";
    static final int RING_SIZE = 1 << 14;
    /** How long a snapshot waits for the store before it goes ahead (and a restart from it would leave a gap). */
    private static final long SNAPSHOT_WAIT_NS = TimeUnit.SECONDS.toNanos(30);

    private final RingBuffer<EventBatch> ring = RingBuffer.createSingleProducer(EventBatch::new, RING_SIZE,
        WaitStrategyType.BACKOFF.create());
    private final EventStoreWriter store;
    private final ReadModels models;
    private final Identities ids;
    private final Consumer<String> log;
    private final BatchEventProcessor<EventBatch> processor;
    private final Thread thread;
    /** Where a command's events go once the read side has failed: nowhere, so the service never waits for it. */
    private final EventBatch discarded = new EventBatch();
    private long claimed = -1;
    /** The seq of the last command stored and applied, written by the read side's thread. */
    private volatile long appliedSeq;
    private volatile Throwable failure;

    private ClusterReadSide(final Path memberDir, final ReadModels models, final Identities ids, final Consumer<String> log)
    {
        this.store = new EventStoreWriter(memberDir.resolve(EventStoreCatchUp.EVENTS_DIR));
        this.models = models;
        this.ids = ids;
        this.log = log;
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), new Handler());
        processor.setExceptionHandler(new Failures());
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, THREAD);
        thread.setDaemon(true);
    }

    /**
     * Replays the member's event store ({@code memberDir/events}) into {@code models} and {@code ids},
     * then starts the read side's thread; call before the member's service starts.
     */
    public static ClusterReadSide open(final Path memberDir, final ReadModels models, final Identities ids,
        final Consumer<String> log)
    {
        final Path events = memberDir.resolve(EventStoreCatchUp.EVENTS_DIR);
        if (Files.isDirectory(events))
        {
            EventStoreReader.readAll(events, batch ->
            {
                ids.learn(batch);
                models.accept(batch);
            });
        }
        final ClusterReadSide side = new ClusterReadSide(memberDir, models, ids, log);
        side.appliedSeq = models.appliedSeq();
        log.accept("read side: event store replayed to seq " + side.appliedSeq);
        side.thread.start();
        return side;
    }

    @Override
    public EventSink begin(final Command command)
    {
        if (failure != null)
        {
            claimed = -1;
            discarded.begin(command, null);
            return discarded;
        }
        claimed = ring.next();
        final EventBatch slot = ring.get(claimed);
        slot.begin(command, null);
        return slot;
    }

    @Override
    public void end()
    {
        if (claimed >= 0)
        {
            ring.publish(claimed);
        }
    }

    @Override
    public void beforeSnapshot(final long seq)
    {
        final long deadline = System.nanoTime() + SNAPSHOT_WAIT_NS;
        while (appliedSeq < seq && failure == null && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(100_000);
        }
        if (appliedSeq < seq)
        {
            log.accept("read side: WARNING: snapshot at seq " + seq + " while the event store holds only " + appliedSeq +
                "; a restart from it would leave the read models a gap" + (failure == null ? "" : " (" + failure + ")"));
        }
    }

    /** The seq of the last command the event store and the read models have. */
    public long appliedSeq()
    {
        return appliedSeq;
    }

    public ReadModels models()
    {
        return models;
    }

    public Identities identities()
    {
        return ids;
    }

    @Override
    public void close() throws InterruptedException
    {
        processor.halt();
        thread.join(10_000);
        store.close();
    }

    /** Runs on the read side's thread: store first (what the models show is always stored), then models and ids. */
    private final class Handler implements EventHandler<EventBatch>
    {
        @Override
        public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
        {
            final long seq = batch.seq();
            if (seq <= appliedSeq)
            {
                // Replayed after a restart from a snapshot: already stored and applied.
                return;
            }
            if (seq != appliedSeq + 1)
            {
                log.accept("read side: WARNING: gap in the event store, seq " + (appliedSeq + 1) + " to " + (seq - 1) +
                    " missing (the store is behind the cluster snapshot this member started from)");
            }
            store.onEvent(batch, sequence, endOfBatch);
            ids.learn(batch);
            models.accept(batch);
            appliedSeq = seq;
        }
    }

    /** A read side that cannot store or apply stops (queries go stale, minSeq waits time out); the service is unaffected. */
    private final class Failures implements ExceptionHandler<EventBatch>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final EventBatch event)
        {
            failure = ex;
            log.accept("read side: FAILED at seq " + event.seq() + ": " + ex);
            throw new IllegalStateException("read side stopped", ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            failure = ex;
            log.accept("read side: could not start: " + ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            log.accept("read side: " + ex);
        }
    }
}
