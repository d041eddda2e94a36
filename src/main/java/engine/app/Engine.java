package engine.app;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import engine.api.Command;
import engine.api.CommandResult;
import engine.core.CommandSlot;
import engine.core.Doorbell;
import engine.core.EventBatch;
import engine.core.PhasedWaitStrategy;
import engine.core.ResultListener;
import engine.core.Results;
import engine.core.Sequencer;
import engine.logic.BusinessLogic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

/**
 * The running pipeline:
 * <pre>
 *                               ┌─ engine-io: stamp time, journal ───────────┐ (journaled)
 * producers ─▶ ingress ring ────┤                                            ▼
 *                               └─▶ engine-blp: business logic ─▶ output ring ─▶ engine-io: results to
 *                                   (as soon as a command is stamped)           clients, inline handlers
 * </pre>
 * Two engine threads, whatever the number of stages: the business logic ({@code engine-blp}) and
 * the I/O thread ({@code engine-io}, see {@link IoStage}); output handlers registered with
 * {@link Builder#outputHandler} get a thread each ({@code engine-output-N}). Any number of threads
 * may submit. Each command gets its sequence number at ingress and its events through its
 * {@link ResultListener} or future, released only after the journal stages have written it.
 * How the threads wait, and where they run, is configuration ({@link EngineConfig}, docs/THREADS.md).
 */
public final class Engine implements AutoCloseable
{
    /** The most commands {@link #submitBatch} takes at once. */
    public static final int MAX_BATCH = 1024;
    /** Thread names, by role: what {@code top -H}, thread dumps and {@link EngineConfig#affinity()} see. */
    public static final String BLP_THREAD = "engine-blp";
    public static final String IO_THREAD = "engine-io";
    public static final String OUTPUT_THREAD = "engine-output";
    private static final ResultListener[] NO_LISTENERS = new ResultListener[MAX_BATCH];
    private final EngineConfig config;
    private final BusinessLogic logic;
    private final Doorbell doorbell = new Doorbell();
    private final RingBuffer<CommandSlot> ingressRing;
    private final RingBuffer<EventBatch> outputRing;
    private final BatchEventProcessor<CommandSlot> blp;
    private final IoStage io;
    private final List<BatchEventProcessor<EventBatch>> outputProcessors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final long seqOffset;
    private final EventTranslatorTwoArg<CommandSlot, Command, ResultListener> translator;
    private final DueTime dueTime = new DueTime();
    private final EpochNanoClock clock;
    private EngineTimer timer;
    private volatile boolean closed;

    private Engine(final Builder builder)
    {
        config = builder.config;
        logic = builder.logic != null ? builder.logic :
            new BusinessLogic(config.selfTradePrevention(), config.expectedOrders(), config.expectedAccounts());
        seqOffset = config.firstSeq();
        final long offset = seqOffset;
        translator = (slot, sequence, command, listener) ->
        {
            slot.copyFrom(command);
            slot.seq(sequence + offset);
            if (listener != null)
            {
                slot.listener(listener);
            }
        };
        final FaultLog faults = builder.faults;
        final ExceptionHandler<Object> onFault = new StageFaultHandler(faults);
        final PhasedWaitStrategy ingressWait = config.waitStrategy().create(doorbell);
        final PhasedWaitStrategy outputWait = config.outputWaitStrategy().create(doorbell);
        outputRing = RingBuffer.createSingleProducer(EventBatch::new, config.outputRingSize(), outputWait);
        ingressRing = RingBuffer.create(config.producerType(), CommandSlot::new, config.ingressRingSize(), ingressWait);

        final Sequencer sequencer = config.timeSource() == EngineConfig.TimeSource.SEQUENCER ?
            new Sequencer(builder.clock, config.timeUnitNanos(), logic.lastTimestamp()) : null;
        @SuppressWarnings("unchecked")
        final EventHandler<CommandSlot>[] journals = builder.journalStages.toArray(new EventHandler[0]);
        @SuppressWarnings("unchecked")
        final EventHandler<EventBatch>[] inline = builder.resultThreadHandlers.toArray(new EventHandler[0]);
        io = new IoStage(ingressRing, sequencer, journals, outputRing, new ResultHandler(faults, inline), seqOffset,
            ingressWait, doorbell, faults);

        clock = builder.clock;
        dueTime.publish(logic.nextDueTime());
        final BusinessLogicStage stage = new BusinessLogicStage(logic, outputRing, faults, dueTime);
        blp = new BatchEventProcessorBuilder().build(ingressRing,
            io.handlesIngress() ? ingressRing.newBarrier(io.stamped()) : ingressRing.newBarrier(), stage);
        blp.setExceptionHandler(onFault);
        ingressRing.addGatingSequences(blp.getSequence());
        for (final EventHandler<EventBatch> handler : builder.outputHandlers)
        {
            final BatchEventProcessor<EventBatch> processor =
                new BatchEventProcessorBuilder().build(outputRing, outputRing.newBarrier(), handler);
            processor.setExceptionHandler(onFault);
            outputRing.addGatingSequences(processor.getSequence());
            outputProcessors.add(processor);
        }

        for (int i = 0; i < outputProcessors.size(); i++)
        {
            start(outputProcessors.get(i), OUTPUT_THREAD + "-" + (i + 1));
        }
        start(io, IO_THREAD);
        start(blp, BLP_THREAD);
    }

    private void start(final Runnable body, final String name)
    {
        final Integer cpu = config.affinity().get(name.startsWith(OUTPUT_THREAD) ? OUTPUT_THREAD : name);
        final Runnable pinned = cpu == null ? body : () ->
        {
            CpuAffinity.pinCurrentThread(cpu);
            body.run();
        };
        final Thread thread = new Thread(pinned, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    public static Builder builder(final EngineConfig config)
    {
        return new Builder(config);
    }

    public static Engine start(final EngineConfig config)
    {
        return builder(config).start();
    }

    public EngineConfig config()
    {
        return config;
    }

    /** Submits a command; waits while the ring is full. The future completes with its events. */
    public CompletableFuture<CommandResult> submit(final Command command)
    {
        final CompletableFuture<CommandResult> future = new CompletableFuture<>();
        submit(command, result -> future.complete(Results.copy(result)));
        return future;
    }

    /** Submits a command; waits while the ring is full. {@code listener} may be null. */
    public void submit(final Command command, final ResultListener listener)
    {
        ensureOpen();
        ingressRing.publishEvent(translator, command, listener);
    }

    /**
     * Submits a command unless the ring is full.
     *
     * @return false, with nothing submitted, when the engine is busy; try again later.
     */
    public boolean trySubmit(final Command command, final ResultListener listener)
    {
        ensureOpen();
        return ingressRing.tryPublishEvent(translator, command, listener);
    }

    /**
     * Submits a command unless the ring is full, and tells its sequence number at once (for
     * clients that do not wait for the result).
     *
     * @return the command's sequence number, or -1, with nothing submitted, when the engine is busy.
     */
    public long trySubmitForSeq(final Command command, final ResultListener listener)
    {
        ensureOpen();
        final long sequence;
        try
        {
            sequence = ingressRing.tryNext();
        }
        catch (final InsufficientCapacityException busy)
        {
            // Disruptor's preallocated signal for "no free slot", not an error.
            return -1;
        }
        try
        {
            translator.translateTo(ingressRing.get(sequence), sequence, command, listener);
        }
        finally
        {
            ingressRing.publish(sequence);
        }
        return sequence + seqOffset;
    }

    /**
     * Submits {@code commands[0..count)} in one claim, without listeners; waits while the ring is
     * full. {@code count} is at most {@link #MAX_BATCH}.
     */
    public void submitBatch(final Command[] commands, final int count)
    {
        ensureOpen();
        if (count > 0)
        {
            ingressRing.publishEvents(translator, 0, count, commands, NO_LISTENERS);
        }
    }

    private void ensureOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("engine is closed");
        }
    }

    /** The sequence number the next submitted command will get. */
    public long nextSeq()
    {
        return ingressRing.getCursor() + 1 + seqOffset;
    }

    /**
     * The earliest time at which the business logic has something due without new commands (GTD
     * expiry, withdrawal deadline) as of the last batch it applied; {@link Long#MAX_VALUE} for none.
     */
    public long nextDueTime()
    {
        return dueTime.get();
    }

    /** The sequence number of the last command the business logic applied. */
    public long processedSeq()
    {
        return blp.getSequence().get() + seqOffset;
    }

    /**
     * Starts the engine's timer ({@link EngineTimer}): a TICK through {@code sink} whenever
     * something is due. Only for engines whose sequencer stamps the time (live mode); a command file
     * brings its own times and TICKs.
     */
    public synchronized EngineTimer startTimer(final long resolutionNanos, final EngineTimer.TickSink sink)
    {
        if (config.timeSource() != EngineConfig.TimeSource.SEQUENCER)
        {
            throw new IllegalStateException("the timer needs sequencer-stamped time; commands bring their own here");
        }
        if (timer != null)
        {
            throw new IllegalStateException("the timer is already running");
        }
        timer = new EngineTimer(this, sink, clock, resolutionNanos, config.timeUnitNanos());
        return timer;
    }

    /** Starts the timer submitting straight into this engine's ring. */
    public EngineTimer startTimer(final long resolutionNanos)
    {
        return startTimer(resolutionNanos, tick -> trySubmitForSeq(tick, null));
    }

    /** Waits until every stage has processed every command submitted so far. */
    public void awaitIdle()
    {
        final long target = ingressRing.getCursor();
        awaitSequence(blp.getSequence(), target);
        if (io.ingressProgress() != null)
        {
            awaitSequence(io.ingressProgress(), target);
        }
        final long outTarget = outputRing.getCursor();
        awaitSequence(io.released(), outTarget);
        for (final BatchEventProcessor<EventBatch> processor : outputProcessors)
        {
            awaitSequence(processor.getSequence(), outTarget);
        }
    }

    private static void awaitSequence(final Sequence sequence, final long target)
    {
        while (sequence.get() < target)
        {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Stops accepting commands, lets every stage finish what was submitted, and stops the threads. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final EngineTimer running;
        synchronized (this)
        {
            running = timer;
        }
        if (running != null)
        {
            running.close();
        }
        awaitIdle();
        blp.halt();
        io.stop();
        for (final BatchEventProcessor<EventBatch> processor : outputProcessors)
        {
            processor.halt();
        }
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(10_000);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The business logic, for wiring that runs while the engine is idle (snapshots, tests).
     * Queries are answered by read models on the output ring, never from here.
     */
    public BusinessLogic logicWhenIdle()
    {
        return logic;
    }

    /** Assembles an engine: optional recovered logic, journal stages and output handlers. */
    public static final class Builder
    {
        private final EngineConfig config;
        private BusinessLogic logic;
        private final List<EventHandler<CommandSlot>> journalStages = new ArrayList<>();
        private final List<EventHandler<EventBatch>> outputHandlers = new ArrayList<>();
        private final List<EventHandler<EventBatch>> resultThreadHandlers = new ArrayList<>();
        // Epoch time from System.nanoTime plus an offset: no Instant per reading (the system
        // clock allocates one), resampled hourly to follow the wall clock.
        private EpochNanoClock clock = new OffsetEpochNanoClock();
        private FaultLog faults = new FaultLog(System.err);

        private Builder(final EngineConfig config)
        {
            this.config = config;
        }

        /** Starts from this (recovered) state instead of an empty one. */
        public Builder logic(final BusinessLogic logic)
        {
            this.logic = logic;
            return this;
        }

        /** A stage that runs beside the business logic; results wait until it has passed a command. */
        public Builder journalStage(final EventHandler<CommandSlot> stage)
        {
            journalStages.add(stage);
            return this;
        }

        /**
         * A consumer of every command's events on a thread of its own ({@code engine-output-N}),
         * which sees commands before they are journaled; for consumers that are too slow for the
         * I/O thread, on machines with cores to spare. Most belong {@link #onResultThread}.
         */
        public Builder outputHandler(final EventHandler<EventBatch> handler)
        {
            outputHandlers.add(handler);
            return this;
        }

        /**
         * A consumer of every command's events that runs on the I/O thread, after the client's
         * listener, instead of a thread of its own: it sees a command only once it is journaled,
         * like the clients (the event store, read models). It must be quick and never block.
         */
        public Builder onResultThread(final EventHandler<EventBatch> handler)
        {
            resultThreadHandlers.add(handler);
            return this;
        }

        public Builder clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        public Builder faultLog(final FaultLog faults)
        {
            this.faults = faults;
            return this;
        }

        public Engine start()
        {
            return new Engine(this);
        }
    }
}
