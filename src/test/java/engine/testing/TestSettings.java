package engine.testing;

import java.time.Duration;

/**
 * What a test may not assume about the machine it runs on. Timeouts are generous and scale with
 * {@code -Dtest.timeout.factor=F} (default 1) for slow or loaded machines; random seeds are printed
 * and can be fixed with {@code -Dtest.seed=N} to rerun a failure exactly.
 */
public final class TestSettings
{
    /** The multiplier for every timeout, from {@code -Dtest.timeout.factor} (at least 1). */
    public static final double TIMEOUT_FACTOR = Math.max(1.0, Double.parseDouble(System.getProperty("test.timeout.factor", "1")));

    private TestSettings()
    {
    }

    /** {@code base} times {@link #TIMEOUT_FACTOR}. */
    public static Duration timeout(final Duration base)
    {
        return Duration.ofNanos((long)(base.toNanos() * TIMEOUT_FACTOR));
    }

    /** {@code seconds} times {@link #TIMEOUT_FACTOR}, in milliseconds. */
    public static long timeoutMillis(final long seconds)
    {
        return timeout(Duration.ofSeconds(seconds)).toMillis();
    }

    /**
     * The seed for {@code owner}'s random choices: {@code -Dtest.seed} if given, else a fresh one;
     * printed either way with the option that reproduces it.
     */
    public static long seed(final String owner)
    {
        final String fixed = System.getProperty("test.seed");
        final long seed = fixed == null ? System.nanoTime() : Long.parseLong(fixed);
        System.out.println(owner + " seed " + seed + " (rerun with -Dtest.seed=" + seed + ")");
        return seed;
    }
}
