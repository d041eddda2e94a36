package engine.app;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import engine.core.CommandSlot;
import engine.core.Doorbell;
import engine.core.EventBatch;
import engine.core.PhasedWaitStrategy;
import engine.core.Sequencer;
import java.util.function.BooleanSupplier;

/**
 * The engine's I/O thread: everything around the business logic that is not matching. On the
 * ingress ring it stamps each command's time ({@link Sequencer}, live mode) and appends it to the
 * journal stages; on the output ring it releases each command's events to its client and to the
 * inline handlers (event store, read models) once the journal has the command.
 *
 * <p>One thread polls both rings, so the engine needs two busy threads (this one and the
 * business logic) instead of one per stage: on a machine with few cores every extra runnable
 * thread is a thread that waits for a core. The business logic sees a command as soon as it is
 * stamped ({@link #stamped()}, released command by command), so matching runs in parallel with
 * the journal's write and flush, as in the LMAX design.
 *
 * <p>Group commit: the ingress is taken in polls of up to {@link #MAX_INGRESS_BATCH} commands;
 * the last command of a poll is the journal stages' end of batch (their publish and, in sync
 * mode, flush), after which {@link #journaled()} moves and those commands' results may leave.
 */
final class IoStage implements Runnable
{
    /** Commands per journal batch at most: bounds how long the first result of a burst waits. */
    static final int MAX_INGRESS_BATCH = 256;
    /** Results released per poll at most, so ingress is never starved by a long output backlog. */
    static final int MAX_OUTPUT_BATCH = 256;
    private final RingBuffer<CommandSlot> ingress;
    private final EventPoller<CommandSlot> ingressPoller;
    private final Sequencer sequencer;
    private final EventHandler<CommandSlot>[] journals;
    private final Sequence stamped = new Sequence(-1);
    private final Sequence journaled;
    private final RingBuffer<EventBatch> output;
    private final Sequence released = new Sequence(-1);
    private final ResultHandler results;
    private final long seqOffset;
    private final PhasedWaitStrategy wait;
    private final Doorbell doorbell;
    private final FaultLog faults;
    private final EventPoller.Handler<CommandSlot> onCommand = this::onCommand;
    private final BooleanSupplier hasWork = this::hasWork;
    private volatile boolean running = true;
    private int inBatch;
    private long lastPolled = -1;

    /**
     * @param sequencer stamps live commands' time; null when commands come with their time
     * @param journals stages every command passes before its result leaves; may be empty
     */
    IoStage(final RingBuffer<CommandSlot> ingress, final Sequencer sequencer, final EventHandler<CommandSlot>[] journals,
        final RingBuffer<EventBatch> output, final ResultHandler results, final long seqOffset,
        final PhasedWaitStrategy wait, final Doorbell doorbell, final FaultLog faults)
    {
        this.ingress = ingress;
        this.sequencer = sequencer;
        this.journals = journals;
        this.output = output;
        this.results = results;
        this.seqOffset = seqOffset;
        this.wait = wait;
        this.doorbell = doorbell;
        this.faults = faults;
        final boolean ingressWork = sequencer != null || journals.length > 0;
        ingressPoller = ingressWork ? ingress.newPoller() : null;
        journaled = journals.length > 0 ? new Sequence(-1) : null;
        if (ingressPoller != null)
        {
            ingress.addGatingSequences(ingressPoller.getSequence());
        }
        output.addGatingSequences(released);
    }

    /** Whether the business logic must wait for this stage (it stamps or journals commands). */
    boolean handlesIngress()
    {
        return ingressPoller != null;
    }

    /** The last ingress sequence stamped: the business logic may take it. */
    Sequence stamped()
    {
        return stamped;
    }

    /** The last ingress sequence every journal stage has completed; null without journal stages. */
    Sequence journaled()
    {
        return journaled;
    }

    /** The ingress sequence this stage has passed (for idleness checks); null when it does not read ingress. */
    Sequence ingressProgress()
    {
        return ingressPoller == null ? null : ingressPoller.getSequence();
    }

    /** The last output sequence released to clients and inline handlers. */
    Sequence released()
    {
        return released;
    }

    void stop()
    {
        running = false;
        doorbell.ring();
    }

    @Override
    public void run()
    {
        for (final EventHandler<CommandSlot> journal : journals)
        {
            journal.onStart();
        }
        results.onStart();
        try
        {
            int step = 0;
            while (running)
            {
                final int work = pollIngress() + pollOutput();
                if (work > 0)
                {
                    step = 0;
                }
                else if (wait.parksAt(step))
                {
                    wait.pause(hasWork);
                }
                else
                {
                    step = wait.backoff(step);
                }
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            results.onShutdown();
            for (final EventHandler<CommandSlot> journal : journals)
            {
                journal.onShutdown();
            }
        }
    }

    private int pollIngress()
    {
        if (ingressPoller == null)
        {
            return 0;
        }
        inBatch = 0;
        try
        {
            ingressPoller.poll(onCommand);
        }
        catch (final Exception e)
        {
            faults.report("io stage", lastPolled, e);
        }
        if (inBatch > 0)
        {
            if (journaled != null)
            {
                journaled.set(lastPolled);
            }
            // The business logic may be parked waiting for what this poll stamped.
            doorbell.ring();
        }
        return inBatch;
    }

    private boolean onCommand(final CommandSlot command, final long sequence, final boolean endOfBatch)
    {
        inBatch++;
        lastPolled = sequence;
        final boolean lastOfBatch = endOfBatch || inBatch == MAX_INGRESS_BATCH;
        try
        {
            if (sequencer != null)
            {
                sequencer.onEvent(command, sequence, lastOfBatch);
            }
            // Stamped: the business logic may take the command now, while the journal encodes and
            // flushes it. Both only read the slot, and the ring cannot reuse it before this poll
            // ends: the poller's own sequence, which gates producers, moves only then.
            stamped.set(sequence);
            for (final EventHandler<CommandSlot> journal : journals)
            {
                journal.onEvent(command, sequence, lastOfBatch);
            }
        }
        catch (final Exception e)
        {
            faults.report(command, e);
        }
        return inBatch < MAX_INGRESS_BATCH;
    }

    private int pollOutput()
    {
        final long first = released.get() + 1;
        final long last = Math.min(output.getCursor(), first + MAX_OUTPUT_BATCH - 1);
        final long journaledUpTo = journaled == null ? Long.MAX_VALUE : journaled.get();
        long done = first - 1;
        for (long s = first; s <= last; s++)
        {
            final EventBatch batch = output.get(s);
            if (batch.seq() - seqOffset > journaledUpTo)
            {
                break;
            }
            try
            {
                results.onEvent(batch, s, s == last);
            }
            catch (final Exception e)
            {
                faults.report("result handler", s, e);
            }
            done = s;
        }
        if (done >= first)
        {
            released.set(done);
        }
        return (int)(done - first + 1);
    }

    private boolean hasWork()
    {
        return !running || output.getCursor() > released.get() ||
            ingressPoller != null && ingress.getCursor() > ingressPoller.getSequence().get();
    }
}
