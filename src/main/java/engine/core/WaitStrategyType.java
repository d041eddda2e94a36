package engine.core;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How a ring consumer waits for work. Spinning strategies give the lowest latency but each
 * burns a core; on a machine with fewer cores than pipeline threads they starve the other
 * stages, so choose per machine ({@link #forCores(int)}).
 */
public enum WaitStrategyType
{
    /** Parks on a lock: cheapest on CPU, slowest hand-off. */
    BLOCKING,
    /** Parks like BLOCKING, but a publisher only takes the lock when a consumer is actually parked. */
    LITE_BLOCKING,
    /** Spins, then yields, then sleeps briefly: low CPU when idle, cheap publishing. */
    SLEEPING,
    /** Spins, then yields the core: good latency when there is a core per busy thread. */
    YIELDING,
    /** Spins forever: lowest latency, needs a dedicated core per consumer. */
    BUSY_SPIN;

    public WaitStrategy create()
    {
        return switch (this)
        {
            case BLOCKING -> new BlockingWaitStrategy();
            case LITE_BLOCKING -> new LiteBlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    /** A sensible default for a machine with this many cores. */
    public static WaitStrategyType forCores(final int cores)
    {
        return cores >= 8 ? YIELDING : SLEEPING;
    }
}
