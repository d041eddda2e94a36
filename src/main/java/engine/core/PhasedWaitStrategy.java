package engine.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits in three phases: spin (a few hundred nanoseconds, for the hand-off that is already on
 * its way), yield (up to about a millisecond, giving the core to whoever has work), then park
 * until a publisher rings the engine's {@link Doorbell} (or, in sleeping mode, for a fixed short
 * sleep). Each {@link WaitStrategyType} is a choice of phase lengths.
 *
 * <p>The same phases drive the ring consumers (as a Disruptor {@link WaitStrategy}) and the
 * engine's I/O thread, which polls two rings and cannot block inside either ({@link #backoff}).
 */
public final class PhasedWaitStrategy implements WaitStrategy
{
    private final int spinTries;
    private final int yieldTries;
    private final long sleepNanos;
    private final Doorbell doorbell;

    /**
     * @param spinTries  steps that spin before the first yield
     * @param yieldTries steps that yield before parking ({@link Integer#MAX_VALUE}: never park)
     * @param sleepNanos 0 to park until rung, otherwise the length of each timed sleep
     */
    PhasedWaitStrategy(final int spinTries, final int yieldTries, final long sleepNanos, final Doorbell doorbell)
    {
        this.spinTries = spinTries;
        this.yieldTries = yieldTries;
        this.sleepNanos = sleepNanos;
        this.doorbell = doorbell;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException
    {
        long available;
        int step = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (parksAt(step))
            {
                pause(dependentSequence, sequence);
            }
            else
            {
                step = backoff(step);
            }
        }
        return available;
    }

    /** Rings the doorbell: publishers call this after every publication. */
    @Override
    public void signalAllWhenBlocking()
    {
        doorbell.ring();
    }

    /** True once {@code step} has spun and yielded as long as this strategy allows. */
    public boolean parksAt(final int step)
    {
        return yieldTries != Integer.MAX_VALUE && step >= spinTries + yieldTries;
    }

    /**
     * Spins or yields once and returns the next step; for a caller that found no work at
     * {@code step} (0 after work was found) and whose step does not {@link #parksAt park} yet.
     */
    public int backoff(final int step)
    {
        if (step < spinTries)
        {
            Thread.onSpinWait();
            return step + 1;
        }
        Thread.yield();
        return step == Integer.MAX_VALUE ? step : step + 1;
    }

    private void pause(final Sequence sequence, final long target) throws InterruptedException
    {
        if (sleepNanos > 0)
        {
            LockSupport.parkNanos(sleepNanos);
        }
        else
        {
            doorbell.sleepUntil(sequence, target);
        }
    }

    /** The parked phase for a poller: sleeps, or parks until rung unless {@code hasWork}. */
    public void pause(final BooleanSupplier hasWork) throws InterruptedException
    {
        if (sleepNanos > 0)
        {
            LockSupport.parkNanos(sleepNanos);
        }
        else
        {
            doorbell.sleepUnless(hasWork);
        }
    }
}
