package engine.server;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.app.EngineTimer;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.journal.DirectoryLock;
import engine.journal.Disk;
import engine.journal.Durability;
import engine.journal.JournalDirectory;
import engine.journal.JournalException;
import engine.journal.JournalMark;
import engine.journal.JournalRepair;
import engine.journal.JournalWriter;
import engine.journal.Recovery;
import engine.journal.SnapshotStore;
import engine.logic.BusinessLogic;
import engine.readmodel.EventStoreWriter;
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
 * <p>The event store ({@code DIR/events}, {@link EventStoreCatchUp}) is always kept: it first
 * catches up with the journal (regenerating what a crash kept from it), then each command's
 * events are appended once the command is journaled. Front ends that rebuild tables from it
 * (read models, request ids, client order ids) read it in {@link Builder#onEventStoreReady},
 * before the engine takes commands.
 *
 * <p>Submit through {@link #submit}: it holds a shared gate that a snapshot closes for the time
 * it takes to copy the state, so snapshots see the engine idle between two commands. A submitter
 * that bypasses the gate (calling {@link #engine()} directly) is safe, only it may make a
 * snapshot attempt give up and retry.
 *
 * <p>The engine owns its directory: an exclusive {@link DirectoryLock} is taken before anything
 * is read and released at {@link #close()}. When the journal cannot be written (disk full),
 * {@link #refusal()} says why and front ends refuse new commands while queries go on; commands
 * already accepted are held, unacknowledged, until the journal writes them (see
 * {@link JournalWriter}). The journal's end is recorded in {@link JournalMark} after recovery,
 * at each snapshot and new cycle file, and at shutdown, so a later start notices lost files.
 */
public final class LiveEngine implements AutoCloseable
{
    private final JournalDirectory directory;
    private final DirectoryLock lock;
    private final JournalMark.Keeper mark;
    private volatile long outageStarted;
    private final Recovery.Recovered recovered;
    private final JournalWriter journal;
    private final Engine engine;
    private final SnapshotStore snapshots;
    private final EventStoreWriter eventStore;
    private final PrintStream log;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Thread snapshotter;
    private final EngineTimer timer;
    private volatile long lastSnapshotSeq;
    private volatile boolean closed;

    private LiveEngine(final Builder builder)
    {
        directory = JournalDirectory.of(builder.data);
        log = builder.log;
        lock = DirectoryLock.acquire(directory.root(), "serve");
        try
        {
            final String full = JournalWriter.checkSpace(directory, builder.disk);
            if (full != null)
            {
                throw new JournalException(full + "; free some space and start again");
            }
            directory.settle(builder.stp);
            recovered = recover(builder);
            builder.onRecovered.forEach(hook -> hook.accept(recovered.logic()));
            final Path events = EventStoreCatchUp.eventsDir(directory);
            EventStoreCatchUp.catchUp(directory, recovered.lastSeq(), recoveryOptions(builder));
            builder.eventStoreReady.forEach(hook -> hook.accept(events));
            snapshots = new SnapshotStore(directory);
            lastSnapshotSeq = recovered.snapshotSeq();
            journal = new JournalWriter(directory, builder.durability,
                builder.onJournalFailure != null ? builder.onJournalFailure : this::journalUnavailable,
                this::journalResumed, builder.disk);
            mark = new JournalMark.Keeper(directory, log);
            mark.advance(recovered.lastSeq(), recovered.lastIndex(), "recovery");
            final EngineConfig config = builder.config.toBuilder().selfTradePrevention(builder.stp)
                .timeSource(EngineConfig.TimeSource.SEQUENCER).firstSeq(recovered.lastSeq() + 1).build();
            final Engine.Builder engineBuilder = Engine.builder(config).logic(recovered.logic()).journalStage(journal);
            builder.outputHandlers.forEach(engineBuilder::outputHandler);
            eventStore = new EventStoreWriter(events);
            engineBuilder.onResultThread(eventStore);
            builder.journaledHandlers.forEach(engineBuilder::onResultThread);
            engine = engineBuilder.start();
            timer = builder.timerResolutionMillis > 0 ?
                engine.startTimer(builder.timerResolutionMillis * 1_000_000L, this::trySubmitForSeq) : null;
            snapshotter = startSnapshotter(builder.snapshotEvery);
        }
        catch (final RuntimeException | Error e)
        {
            lock.close();
            throw e;
        }
    }

    private void journalUnavailable(final Throwable why)
    {
        outageStarted = System.nanoTime();
        log.println("journal: UNAVAILABLE: " + why.getMessage() + "; refusing new commands until it can write again " +
            "(queries are still answered); commands already accepted are held, unacknowledged, and written first");
    }

    private void journalResumed()
    {
        log.printf("journal: available again after %.1f s; held commands written, accepting commands%n",
            (System.nanoTime() - outageStarted) / 1e9);
    }


    private Recovery.Options recoveryOptions(final Builder builder)
    {
        return Recovery.Options.defaults(log).salvage(builder.salvage)
            .sizes(builder.config.expectedOrders(), builder.config.expectedAccounts());
    }

    private Recovery.Recovered recover(final Builder builder)
    {
        final Recovery.Options options = recoveryOptions(builder);
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

    /**
     * Housekeeping off the engine's path: ends a free-space outage once space is back, marks the
     * journal's end when it starts a new cycle file, and takes a snapshot every {@code every}
     * commands (0: never).
     */
    private Thread startSnapshotter(final long every)
    {
        final Thread thread = new Thread(() ->
        {
            while (!closed)
            {
                try
                {
                    Thread.sleep(100); // a check every 100 ms: an idle server wakes rarely, a busy one overshoots N by little
                    if (journal.unavailable() != null)
                    {
                        journal.recheckSpace();
                        continue;
                    }
                    final long index = journal.lastIndex();
                    if (mark.newCycle(index))
                    {
                        mark.advance(journal.lastSeq(), index, "new cycle file");
                    }
                    if (every > 0 && engine.nextSeq() - 1 - lastSnapshotSeq >= every)
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

    /** The engine timer, or null when it is off. */
    public EngineTimer timer()
    {
        return timer;
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

    /**
     * Why commands are refused now ({@code "journal unavailable: disk full: ..."}), or null when
     * they are accepted. Front ends check it before submitting; a command submitted anyway waits,
     * unacknowledged, until the journal can write it.
     */
    public String refusal()
    {
        return journal.unavailable();
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
        if (journal.unavailable() != null || !gate.readLock().tryLock())
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
     * Submits a command unless the ring is full, the journal unavailable or a snapshot copying the
     * state, and tells its sequence number.
     *
     * @return the command's seq, or -1 with nothing submitted when busy
     */
    public long trySubmitForSeq(final Command command)
    {
        if (journal.unavailable() != null || !gate.readLock().tryLock())
        {
            return -1;
        }
        try
        {
            return engine.trySubmitForSeq(command, null);
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
        if (journal.unavailable() != null)
        {
            // Draining would wait for the journal; the state also runs ahead of it now.
            log.println("snapshot: skipped: " + journal.unavailable());
            return null;
        }
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
                mark.advance(image.seq(), journal.lastIndex(), "snapshot");
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
        snapshotter.interrupt();
        try
        {
            if (journal.unavailable() != null)
            {
                // The journal stage is waiting to write, so draining would wait with it.
                log.println("serve: stopping with the journal unavailable: commands after seq " + journal.lastSeq() +
                    " were not journaled and never acknowledged");
                return;
            }
            engine.close();
            eventStore.close();
            final long seq = engine.logicWhenIdle().lastSeq();
            // Stopped right after recovery the journal writer has written nothing (its lastSeq is 0),
            // but the recovered state is still worth a snapshot: the next start replays nothing.
            if (seq > lastSnapshotSeq && (seq == journal.lastSeq() || seq == recovered.lastSeq()))
            {
                snapshots.write(SnapshotStore.capture(engine.logicWhenIdle(), journalIndexOf(seq)));
            }
            mark.advance(journal.lastSeq(), journal.lastIndex(), "shutdown");
            journal.close();
        }
        finally
        {
            lock.close();
        }
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
        private final List<Consumer<Path>> eventStoreReady = new ArrayList<>();
        private final List<Consumer<BusinessLogic>> onRecovered = new ArrayList<>();
        private Consumer<Throwable> onJournalFailure;
        private Disk disk = Disk.REAL;
        private long timerResolutionMillis = 100;

        private Builder(final Path data)
        {
            this.data = data;
        }

        /** Free space and write faults of the journal's disk (tests simulate a full disk). */
        public Builder disk(final Disk value)
        {
            disk = value;
            return this;
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

        /**
         * How often the engine timer looks for due GTD expiries and withdrawal deadlines, in
         * milliseconds (default 100); 0 turns it off, so time passes only with commands.
         */
        public Builder timerResolutionMillis(final long value)
        {
            if (value < 0)
            {
                throw new IllegalArgumentException("timer resolution must not be negative: " + value);
            }
            timerResolutionMillis = value;
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

        /**
         * Called with the recovered state before the engine takes commands, on the starting thread:
         * the place to read it (withdrawals in flight), never to change it.
         */
        public Builder onRecovered(final Consumer<BusinessLogic> hook)
        {
            onRecovered.add(hook);
            return this;
        }

        /**
         * Called with the event store directory once it has caught up with the journal, before
         * the engine takes commands: the place to rebuild tables from it (read models, ids).
         */
        public Builder onEventStoreReady(final Consumer<Path> hook)
        {
            eventStoreReady.add(hook);
            return this;
        }

        /**
         * Called once per outage, on the journal thread, when the journal cannot be written;
         * the default logs it. Commands are refused until it can write again either way.
         */
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
