package engine.app;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import engine.api.Command;
import engine.api.CommandResult;
import engine.core.CommandSlot;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.core.Results;
import engine.core.Sequencer;
import engine.logic.BusinessLogic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * The running pipeline:
 * <pre>
 * producers ─▶ ingress ring ─▶ [sequencer] ─┬▶ business logic ─▶ output ring ─┬▶ results to clients
 *                                           └▶ journal stages (optional)      └▶ output handlers
 * </pre>
 * Any number of threads may submit. Each command gets its sequence number at ingress and its
 * events through its {@link ResultListener} or future, released only after journal stages
 * have written it.
 */
public final class Engine implements AutoCloseable
{
    /** The most commands {@link #submitBatch} takes at once. */
    public static final int MAX_BATCH = 1024;
    private static final ResultListener[] NO_LISTENERS = new ResultListener[MAX_BATCH];
    private final EngineConfig config;
    private final BusinessLogic logic;
    private final Disruptor<CommandSlot> ingress;
    private final Disruptor<EventBatch> output;
    private final RingBuffer<CommandSlot> ingressRing;
    private final List<EventHandler<CommandSlot>> ingressHandlers = new ArrayList<>();
    private final List<EventHandler<EventBatch>> outputHandlers = new ArrayList<>();
    private final long seqOffset;
    private final EventTranslatorTwoArg<CommandSlot, Command, ResultListener> translator;
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

        output = new Disruptor<>(EventBatch::new, config.outputRingSize(), threads("engine-output"),
            com.lmax.disruptor.dsl.ProducerType.SINGLE, config.outputWaitStrategy().create());
        output.setDefaultExceptionHandler(onFault);
        ingress = new Disruptor<>(CommandSlot::new, config.ingressRingSize(), threads("engine-ingress"),
            config.producerType(), config.waitStrategy().create());
        ingress.setDefaultExceptionHandler(onFault);
        ingressRing = ingress.getRingBuffer();

        final BusinessLogicStage blp = new BusinessLogicStage(logic, output.getRingBuffer(), faults);
        ingressHandlers.add(blp);
        final List<TrackedStage<CommandSlot>> journals = new ArrayList<>();
        for (final EventHandler<CommandSlot> stage : builder.journalStages)
        {
            final TrackedStage<CommandSlot> tracked = new TrackedStage<>(stage);
            journals.add(tracked);
            ingressHandlers.add(tracked);
        }
        @SuppressWarnings("unchecked")
        final EventHandler<CommandSlot>[] parallel = ingressHandlers.toArray(new EventHandler[0]);
        if (config.timeSource() == EngineConfig.TimeSource.SEQUENCER)
        {
            final Sequencer sequencer = new Sequencer(builder.clock, config.timeUnitNanos(), logic.lastTimestamp());
            ingressHandlers.add(sequencer);
            ingress.handleEventsWith(sequencer).then(parallel);
        }
        else
        {
            ingress.handleEventsWith(parallel);
        }

        final Sequence[] journaled = new Sequence[journals.size()];
        for (int i = 0; i < journaled.length; i++)
        {
            journaled[i] = journals.get(i).progress();
        }
        @SuppressWarnings("unchecked")
        final EventHandler<EventBatch>[] inline = builder.resultThreadHandlers.toArray(new EventHandler[0]);
        outputHandlers.add(new ResultHandler(journaled, seqOffset, faults, inline));
        outputHandlers.addAll(builder.outputHandlers);
        @SuppressWarnings("unchecked")
        final EventHandler<EventBatch>[] consumers = outputHandlers.toArray(new EventHandler[0]);
        output.handleEventsWith(consumers);
        output.start();
        ingress.start();
    }

    private static ThreadFactory threads(final String prefix)
    {
        final AtomicInteger count = new AtomicInteger();
        return runnable ->
        {
            final Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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

    /** Waits until every stage has processed every command submitted so far. */
    public void awaitIdle()
    {
        final long target = ingressRing.getCursor();
        for (final EventHandler<CommandSlot> handler : ingressHandlers)
        {
            awaitSequence(ingress, handler, target);
        }
        final long outTarget = output.getRingBuffer().getCursor();
        for (final EventHandler<EventBatch> handler : outputHandlers)
        {
            awaitSequence(output, handler, outTarget);
        }
    }

    private static <T> void awaitSequence(final Disruptor<T> disruptor, final EventHandler<T> handler, final long target)
    {
        while (disruptor.getSequenceValueFor(handler) < target)
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
        awaitIdle();
        ingress.halt();
        output.halt();
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
        private EpochNanoClock clock = new SystemEpochNanoClock();
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

        /** A consumer of every command's events (writers, read models), on its own thread. */
        public Builder outputHandler(final EventHandler<EventBatch> handler)
        {
            outputHandlers.add(handler);
            return this;
        }

        /**
         * A consumer of every command's events that runs on the result thread, after the client's
         * listener, instead of a thread of its own: for cheap handlers on machines with few cores,
         * and for handlers that must only see journaled commands (the event store).
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
