package engine.core;

import com.lmax.disruptor.Sequence;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Wakes the engine threads that ran out of work and parked. A publisher rings after making work
 * visible; while no thread sleeps, ringing costs one volatile read, so busy publishers pay
 * nothing for the idle case (the scheme of Disruptor's {@code LiteBlockingWaitStrategy}).
 *
 * <p>Lost wake-ups cannot happen: a sleeper raises the flag before it looks for work for the
 * last time, and a publisher makes its work visible before it reads the flag. Both are volatile
 * accesses, so at least one of them sees the other's write. A timed wait bounds the damage of
 * any mistake to {@link #SAFETY_NANOS}.
 */
public final class Doorbell
{
    /** The longest a sleeper waits without being rung: long enough to cost nothing while idle. */
    static final long SAFETY_NANOS = 200_000_000L;
    private final AtomicBoolean someoneSleeps = new AtomicBoolean();
    private final Object mutex = new Object();

    /** Wakes every parked sleeper; cheap when none is parked. */
    public void ring()
    {
        if (someoneSleeps.get() && someoneSleeps.getAndSet(false))
        {
            synchronized (mutex)
            {
                mutex.notifyAll();
            }
        }
    }

    /** Parks the caller until the bell rings, unless {@code sequence} has already reached {@code target}. */
    public void sleepUntil(final Sequence sequence, final long target) throws InterruptedException
    {
        synchronized (mutex)
        {
            someoneSleeps.set(true);
            if (sequence.get() < target)
            {
                mutex.wait(SAFETY_NANOS / 1_000_000L);
            }
        }
    }

    /**
     * Parks the caller until the bell rings, unless {@code hasWork} already says there is work.
     * May return early (spuriously); callers look for work again and sleep again if there is none.
     */
    public void sleepUnless(final BooleanSupplier hasWork) throws InterruptedException
    {
        synchronized (mutex)
        {
            someoneSleeps.set(true);
            if (!hasWork.getAsBoolean())
            {
                mutex.wait(SAFETY_NANOS / 1_000_000L);
            }
        }
    }
}
