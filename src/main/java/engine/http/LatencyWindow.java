package engine.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies of the most recent commands, for the engine panel: a fixed ring of samples
 * written by the thread that completes results (never the business logic thread) and copied
 * and sorted only when someone asks. Recording is two atomic operations and allocates nothing.
 */
final class LatencyWindow
{
    private final AtomicLongArray samples;
    private final AtomicLong count = new AtomicLong();
    private final int mask;

    /** @param capacity how many recent samples to keep, a power of two */
    LatencyWindow(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        samples = new AtomicLongArray(capacity);
        mask = capacity - 1;
    }

    void record(final long nanos)
    {
        final long index = count.getAndIncrement();
        samples.lazySet((int)(index & mask), nanos);
    }

    /**
     * Percentiles in microseconds of the kept samples: {@code samples}, {@code p50}, {@code p90},
     * {@code p99}, {@code max}; null percentiles while there are none.
     */
    Map<String, Object> percentilesMicros()
    {
        final int n = (int)Math.min(count.get(), samples.length());
        final long[] sorted = new long[n];
        for (int i = 0; i < n; i++)
        {
            sorted[i] = samples.get(i);
        }
        Arrays.sort(sorted);
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", n);
        out.put("p50", micros(sorted, 0.50));
        out.put("p90", micros(sorted, 0.90));
        out.put("p99", micros(sorted, 0.99));
        out.put("max", n == 0 ? null : sorted[n - 1] / 1_000);
        return out;
    }

    private static Long micros(final long[] sorted, final double quantile)
    {
        if (sorted.length == 0)
        {
            return null;
        }
        final int rank = (int)Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1_000;
    }
}
