package engine.app;

import engine.api.Command;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Lets time pass in a live engine when no commands arrive: every {@code resolution} it looks at
 * the business logic's next due time ({@link DueTime}) and, only if that time has come, submits
 * one TICK through the ingress ring. The TICK gets its sequence number and time at ingress and is
 * journaled like any command, so a replay of the journal expires the same orders at the same
 * sequence numbers. An idle engine with nothing due costs one volatile read per resolution.
 *
 * <p>At most one TICK is outstanding: the next is considered only once the business logic has
 * applied the previous one, so a due time the engine cannot act on yet (a full ring, a journal
 * outage) does not flood the ring with ticks.
 */
public final class EngineTimer implements AutoCloseable
{
    /** Submits a command unless the engine is busy; returns its seq, or -1 when nothing was submitted. */
    @FunctionalInterface
    public interface TickSink
    {
        long trySubmit(Command tick);
    }

    /** The thread's name, as {@code top -H} shows it. */
    public static final String THREAD = "engine-timer";
    private final Engine engine;
    private final TickSink sink;
    private final EpochNanoClock clock;
    private final long resolutionNanos;
    private final long unitNanos;
    private final Command tick = new Command();
    private final Thread thread;
    private volatile boolean running = true;
    private long outstandingSeq = -1;
    private volatile long ticks;
    private volatile long checks;

    EngineTimer(final Engine engine, final TickSink sink, final EpochNanoClock clock, final long resolutionNanos,
        final long unitNanos)
    {
        if (resolutionNanos <= 0)
        {
            throw new IllegalArgumentException("timer resolution must be positive, was " + resolutionNanos + " ns");
        }
        this.engine = engine;
        this.sink = sink;
        this.clock = clock;
        this.resolutionNanos = resolutionNanos;
        this.unitNanos = unitNanos;
        thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        while (running)
        {
            LockSupport.parkNanos(resolutionNanos);
            if (running)
            {
                checkOnce();
            }
        }
    }

    private void checkOnce()
    {
        checks++;
        if (outstandingSeq >= 0 && engine.processedSeq() < outstandingSeq)
        {
            return;
        }
        outstandingSeq = -1;
        final long due = engine.nextDueTime();
        if (due == Long.MAX_VALUE || clock.nanoTime() / unitNanos < due)
        {
            return;
        }
        try
        {
            // The time is a placeholder: the sequencer stamps its own, never lower than the clock read here.
            final long seq = sink.trySubmit(tick.tick(due));
            if (seq >= 0)
            {
                outstandingSeq = seq;
                ticks++;
            }
        }
        catch (final IllegalStateException closed)
        {
            running = false;
        }
    }

    /** How many TICKs this timer submitted. */
    public long ticks()
    {
        return ticks;
    }

    /** How many times this timer looked at the due time. */
    public long checks()
    {
        return checks;
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
