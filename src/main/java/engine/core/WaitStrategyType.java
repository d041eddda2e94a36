package engine.core;

/**
 * How an engine thread waits for work: the ring consumers and the I/O thread alike. Spinning
 * strategies give the lowest hand-off latency but each burns a core, even when the engine is
 * idle; on a machine with fewer cores than busy threads they starve the other stages. The
 * default, {@link #BACKOFF}, spins and yields while work is flowing and parks once it stops,
 * so an idle engine costs no CPU. Choose per machine ({@link #DEFAULT}, docs/THREADS.md).
 */
public enum WaitStrategyType
{
    /** Parks at once until a publisher rings: no CPU when idle, slowest hand-off (a thread wake-up). */
    BLOCKING,
    /** The same as {@link #BLOCKING} (publishers only signal when a consumer is parked, as in every strategy here). */
    LITE_BLOCKING,
    /** Spins, yields, then sleeps 100 µs at a time without being rung: bounded, low idle CPU. */
    SLEEPING,
    /** Spins, yields for up to about a millisecond, then parks until rung: the default. */
    BACKOFF,
    /** Spins, then yields forever: good latency when there is a core per engine thread; burns them when idle. */
    YIELDING,
    /** Spins forever: lowest latency, needs a dedicated core per engine thread. */
    BUSY_SPIN;

    private static final int SPINS = 100;
    private static final int BACKOFF_YIELDS = 1_000;

    /** A wait strategy of this kind; every ring and thread of one engine shares {@code doorbell}. */
    public PhasedWaitStrategy create(final Doorbell doorbell)
    {
        return switch (this)
        {
            case BLOCKING, LITE_BLOCKING -> new PhasedWaitStrategy(0, 0, 0, doorbell);
            case SLEEPING -> new PhasedWaitStrategy(SPINS, SPINS, 100_000, doorbell);
            case BACKOFF -> new PhasedWaitStrategy(SPINS, BACKOFF_YIELDS, 0, doorbell);
            case YIELDING -> new PhasedWaitStrategy(SPINS, Integer.MAX_VALUE, 0, doorbell);
            case BUSY_SPIN -> new PhasedWaitStrategy(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, doorbell);
        };
    }

    /** A strategy for a ring of its own (benchmarks, tests). */
    public PhasedWaitStrategy create()
    {
        return create(new Doorbell());
    }

    /**
     * The default on every machine: parking when idle. The engine has two threads that would
     * spin (business logic, I/O), so spinning only pays with cores to spare and isolated; that is
     * a tuning decision (docs/THREADS.md), not a default.
     */
    public static final WaitStrategyType DEFAULT = BACKOFF;
}
