package engine.server;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.journal.Durability;
import engine.journal.JournalDirectory;
import engine.journal.JournalRepair;
import engine.journal.JournalWriter;
import engine.journal.Recovery;
import engine.journal.SnapshotStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A recovered, journaling engine over one data directory: the wiring every live front end
 * (TCP lines, HTTP) shares. Start-up loads the newest valid snapshot, replays the journal after
 * it with output suppressed, repairs a torn tail, and starts the engine with sequence numbers
 * carrying on. Snapshots are taken every N commands, on demand and at shutdown.
 *
 * <p>Submit through {@link #submit}: it holds a shared gate that a snapshot closes for the time
 * it takes to copy the state, so snapshots see the engine idle between two commands. A submitter
 * that bypasses the gate (calling {@link #engine()} directly) is safe, only it may make a
 * snapshot attempt give up and retry.
 */
public final class LiveEngine implements AutoCloseable
{
    private final JournalDirectory directory;
    private final Recovery.Recovered recovered;
    private final JournalWriter journal;
    private final Engine engine;
    private final SnapshotStore snapshots;
    private final PrintStream log;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Thread snapshotter;
    private volatile long lastSnapshotSeq;
    private volatile boolean closed;

    private LiveEngine(final Builder builder)
    {
        directory = JournalDirectory.of(builder.data);
        log = builder.log;
        directory.settle(builder.stp);
        recovered = recover(builder);
        snapshots = new SnapshotStore(directory);
        lastSnapshotSeq = recovered.snapshotSeq();
        journal = new JournalWriter(directory, builder.durability, builder.onJournalFailure);
        final EngineConfig config = builder.config.toBuilder().selfTradePrevention(builder.stp)
            .timeSource(EngineConfig.TimeSource.SEQUENCER).firstSeq(recovered.lastSeq() + 1).build();
        final Engine.Builder engineBuilder = Engine.builder(config).logic(recovered.logic()).journalStage(journal);
        builder.outputHandlers.forEach(engineBuilder::outputHandler);
        builder.journaledHandlers.forEach(engineBuilder::onResultThread);
        engine = engineBuilder.start();
        snapshotter = builder.snapshotEvery > 0 ? startSnapshotter(builder.snapshotEvery) : null;
    }

    private Recovery.Recovered recover(final Builder builder)
    {
        final Recovery.Options options = Recovery.Options.defaults(log).salvage(builder.salvage)
            .sizes(builder.config.expectedOrders(), builder.config.expectedAccounts());
        Recovery.Recovered result = Recovery.recover(directory, options);
        if (result.corruption() != null)
        {
            // Only reached with the explicit salvage flag: new entries must not follow corrupt ones.
            JournalRepair.cutAtLastGood(directory, result.lastSeq(), log);
            result = Recovery.recover(directory, options.salvage(false));
        }
        else if (result.tornIndex() >= 0)
        {
            JournalRepair.voidTornEntry(directory, result.tornIndex(), result.lastSeq(), log);
        }
        log.printf("recovery: seq %d, state hash %016x: snapshot %s + %d journal entries in %.3f s%n", result.lastSeq(),
            result.logic().stateHash(), result.snapshot() == null ? "none" : result.snapshot().getFileName(),
            result.replayed(), result.nanos() / 1e9);
        return result;
    }

    private Thread startSnapshotter(final long every)
    {
        final Thread thread = new Thread(() ->
        {
            while (!closed)
            {
                try
                {
                    Thread.sleep(20);
                    if (engine.nextSeq() - 1 - lastSnapshotSeq >= every && journal.failure() == null)
                    {
                        snapshot();
                    }
                }
                catch (final InterruptedException e)
                {
                    return;
                }
                catch (final RuntimeException e)
                {
                    log.println("snapshot: failed: " + e.getMessage());
                }
            }
        }, "engine-snapshotter");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    public static Builder builder(final Path data)
    {
        return new Builder(data);
    }

    /** The running engine, for front ends that need more than {@link #submit}. */
    public Engine engine()
    {
        return engine;
    }

    public Recovery.Recovered recovered()
    {
        return recovered;
    }

    public JournalDirectory directory()
    {
        return directory;
    }

    public JournalWriter journal()
    {
        return journal;
    }

    /** Submits a command; the listener hears its events once the command is journaled. */
    public void submit(final Command command, final ResultListener listener)
    {
        gate.readLock().lock();
        try
        {
            engine.submit(command, listener);
        }
        finally
        {
            gate.readLock().unlock();
        }
    }

    /**
     * Submits a command unless the ring is full or a snapshot is copying the state right now.
     *
     * @return false, with nothing submitted, when busy; try again later
     */
    public boolean trySubmit(final Command command, final ResultListener listener)
    {
        if (!gate.readLock().tryLock())
        {
            return false;
        }
        try
        {
            return engine.trySubmit(command, listener);
        }
        finally
        {
            gate.readLock().unlock();
        }
    }

    /**
     * Takes a snapshot now: pauses submissions while the state is copied, then writes the copy
     * with the engine running again.
     *
     * @return the file, or null when nothing changed since the last one or the engine never went idle
     */
    public synchronized Path snapshot()
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            final SnapshotStore.Image image;
            gate.writeLock().lock();
            try
            {
                image = captureWhenIdle();
            }
            finally
            {
                gate.writeLock().unlock();
            }
            if (image != null)
            {
                if (image.seq() == 0 || image.seq() == lastSnapshotSeq)
                {
                    return null;
                }
                final Path file = snapshots.write(image);
                lastSnapshotSeq = image.seq();
                return file;
            }
        }
        log.println("snapshot: skipped: commands kept arriving around the gate");
        return null;
    }

    /** Copies the state if the engine was idle throughout the copy; null if a command slipped in. */
    private SnapshotStore.Image captureWhenIdle()
    {
        final long next = engine.nextSeq();
        engine.awaitIdle();
        final long seq = engine.logicWhenIdle().lastSeq();
        if (seq != journal.lastSeq() && seq != recovered.lastSeq())
        {
            return null;
        }
        final SnapshotStore.Image image = SnapshotStore.capture(engine.logicWhenIdle(), journalIndexOf(seq));
        return engine.nextSeq() == next ? image : null;
    }

    /** Drains, stops the engine, takes a last snapshot and closes the journal. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (snapshotter != null)
        {
            snapshotter.interrupt();
        }
        if (journal.failure() != null)
        {
            // The journal stage never finishes a failed batch, so draining would wait forever.
            return;
        }
        engine.close();
        final long seq = engine.logicWhenIdle().lastSeq();
        // Stopped right after recovery the journal writer has written nothing (its lastSeq is 0),
        // but the recovered state is still worth a snapshot: the next start replays nothing.
        if (seq > lastSnapshotSeq && (seq == journal.lastSeq() || seq == recovered.lastSeq()))
        {
            snapshots.write(SnapshotStore.capture(engine.logicWhenIdle(), journalIndexOf(seq)));
        }
        journal.close();
    }

    /** The queue index of the entry holding {@code seq}, the last applied command: this run's or recovery's. */
    private long journalIndexOf(final long seq)
    {
        return seq == recovered.lastSeq() && journal.lastIndex() < 0 ? recovered.lastIndex() : journal.lastIndex();
    }

    /** Settings for {@link LiveEngine}; {@link #start()} recovers and starts. */
    public static final class Builder
    {
        private final Path data;
        private Durability durability = Durability.ASYNC;
        private SelfTradePrevention stp = SelfTradePrevention.NONE;
        private long snapshotEvery = 1_000_000;
        private boolean salvage;
        private EngineConfig config = EngineConfig.live();
        private PrintStream log = System.err;
        private final List<EventHandler<EventBatch>> outputHandlers = new ArrayList<>();
        private final List<EventHandler<EventBatch>> journaledHandlers = new ArrayList<>();
        private Consumer<Throwable> onJournalFailure;

        private Builder(final Path data)
        {
            this.data = data;
            this.onJournalFailure = failure ->
            {
                log.println("FATAL: " + failure.getMessage() + "; no further results will be released; stopping");
                Runtime.getRuntime().halt(3);
            };
        }

        public Builder durability(final Durability value)
        {
            durability = value;
            return this;
        }

        public Builder selfTradePrevention(final SelfTradePrevention value)
        {
            stp = value;
            return this;
        }

        /** A snapshot every {@code value} commands; 0 for only on demand and at shutdown. */
        public Builder snapshotEvery(final long value)
        {
            snapshotEvery = value;
            return this;
        }

        /** Recover up to the last good entry (or older snapshot) instead of refusing bad data. */
        public Builder recoverToLastGood(final boolean value)
        {
            salvage = value;
            return this;
        }

        /** Rings, wait strategy and sizes; time source, first seq and self-trade prevention are set here. */
        public Builder config(final EngineConfig value)
        {
            config = value;
            return this;
        }

        public Builder log(final PrintStream value)
        {
            log = value;
            return this;
        }

        /** An extra consumer of every command's events (read models, market data). */
        public Builder outputHandler(final EventHandler<EventBatch> handler)
        {
            outputHandlers.add(handler);
            return this;
        }

        /**
         * A consumer that must see a command only once it is journaled (the event store): it runs
         * on the result thread, which waits for the journal.
         */
        public Builder journaledHandler(final EventHandler<EventBatch> handler)
        {
            journaledHandlers.add(handler);
            return this;
        }

        /** Called once, on the journal thread, when a write fails; the default halts the process. */
        public Builder onJournalFailure(final Consumer<Throwable> value)
        {
            onJournalFailure = value;
            return this;
        }

        public LiveEngine start()
        {
            return new LiveEngine(this);
        }
    }
}
