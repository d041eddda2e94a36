package engine.readmodel;

import engine.core.EventBatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

/**
 * Tails an event store into read models, one duty cycle per {@link #doWork()}: reads up to a
 * batch of stored commands, hands each to {@code apply}, and every {@code snapshotEvery} applied
 * commands captures a read-model snapshot. Shaped as an Agrona {@link Agent} so the thread, its
 * name and its idle strategy are chosen by whoever runs it (an {@code AgentRunner} in
 * {@code project}), not written into the loop.
 *
 * <p>The snapshot copy is taken between commands on the feeding thread; the file is written on a
 * thread of its own, so neither the feed nor the queries wait for the disk. A snapshot is skipped
 * (tried again at the next command) while the previous one is still being written. A store that
 * cannot be read ends the agent ({@link AgentTerminationException}).
 */
public final class Projector implements Agent
{
    /** The most commands one duty cycle applies, so a long backlog still lets the runner check for close. */
    private static final int MAX_BATCH = 4096;

    private final EventStoreReader reader;
    private final Consumer<EventBatch> apply;
    private final ReadModels models;
    private final ReadModelSnapshots snapshots;
    private final long snapshotEvery;
    private final Consumer<String> log;
    private final ExecutorService writer;
    private long sinceSnapshot;
    private Future<?> writing;

    /**
     * @param apply what each stored command goes to (the read models, and anything learning from the feed)
     * @param models the read models {@code apply} feeds, for snapshots
     * @param snapshotEvery applied commands between snapshots; 0 for none
     */
    public Projector(final EventStoreReader reader, final Consumer<EventBatch> apply, final ReadModels models,
        final ReadModelSnapshots snapshots, final long snapshotEvery, final Consumer<String> log)
    {
        this.reader = reader;
        this.apply = apply;
        this.models = models;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.log = log;
        this.writer = snapshotEvery > 0 ? Executors.newSingleThreadExecutor(r ->
        {
            final Thread thread = new Thread(r, "readmodel-snapshot-writer");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    @Override
    public int doWork()
    {
        final int max = snapshotEvery > 0 ? (int)Math.max(1, Math.min(MAX_BATCH, snapshotEvery - sinceSnapshot)) : MAX_BATCH;
        final int read;
        try
        {
            read = reader.poll(apply, max);
        }
        catch (final RuntimeException e)
        {
            // A store that cannot be read (or a model that cannot take it) does not heal by
            // retrying: stop the projection rather than repeat the error every duty cycle.
            throw new AgentTerminationException(e);
        }
        sinceSnapshot += read;
        if (snapshotEvery > 0 && sinceSnapshot >= snapshotEvery && (writing == null || writing.isDone()))
        {
            sinceSnapshot = 0;
            final ReadModelSnapshots.Snapshot snapshot = ReadModelSnapshots.capture(models);
            writing = writer.submit(() -> write(snapshot));
        }
        return read;
    }

    @Override
    public void onClose()
    {
        if (writer == null)
        {
            return;
        }
        writer.shutdown();
        try
        {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS))
            {
                log.accept("read-model snapshot writer still busy after 10 s; leaving it");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String roleName()
    {
        return "readmodels";
    }

    private void write(final ReadModelSnapshots.Snapshot snapshot)
    {
        try
        {
            snapshots.write(snapshot);
        }
        catch (final Exception e)
        {
            log.accept("writing read-model snapshot at seq " + snapshot.seq() + " failed: " + e);
        }
    }
}
