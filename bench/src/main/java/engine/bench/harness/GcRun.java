package engine.bench.harness;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * GC activity of a long pipeline run: the file's set-up and the first {@code warm} flow commands
 * warm the engine; then the rest of the flow runs while collections are counted and the bytes each
 * engine thread allocates are read from the JVM (HotSpot's per-thread allocation counter).
 */
final class GcRun
{
    private GcRun()
    {
    }

    static void run(final Workload workload, final Pipeline.Settings settings, final int expectedOrders,
        final int warm, final PrintStream out) throws Exception
    {
        ProducerThread.run(() ->
        {
            PinSpec.pinProducer(settings.pin());
            try (Pipeline pipeline = new Pipeline(settings, expectedOrders, Throughput.maxAccount(workload.setup())))
            {
                final int n = workload.flow().length;
                final int warmCount = Math.min(warm, n);
                final long[] gc0 = gcCounts();
                pipeline.submitAll(workload.setup(), 0, workload.setup().length);
                pipeline.submitAll(workload.flow(), 0, warmCount);
                pipeline.engine.awaitIdle();
                final long[] gc1 = gcCounts();
                final List<Thread> threads = engineThreads();
                final long[] alloc0 = allocated(threads);
                final long started = System.nanoTime();
                pipeline.submitAll(workload.flow(), warmCount, n);
                pipeline.engine.awaitIdle();
                final long nanos = System.nanoTime() - started;
                final long[] alloc1 = allocated(threads);
                final long[] gc2 = gcCounts();
                out.printf("warm-up:  %,d set-up + %,d flow commands: %d collections, %d ms%n",
                    workload.setup().length, warmCount, gc1[0] - gc0[0], gc1[1] - gc0[1]);
                out.printf("measured: %,d commands in %.2f s (%,.0f commands/s): %d collections, %d ms in GC%n",
                    n - warmCount, nanos / 1e9, (n - warmCount) * 1e9 / nanos, gc2[0] - gc1[0], gc2[1] - gc1[1]);
                for (int i = 0; i < threads.size(); i++)
                {
                    out.printf("  allocated by %-18s %,14d bytes (%.3f bytes/command)%n", threads.get(i).getName(),
                        alloc1[i] - alloc0[i], (double)(alloc1[i] - alloc0[i]) / (n - warmCount));
                }
            }
        });
    }

    private static long[] gcCounts()
    {
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static List<Thread> engineThreads()
    {
        final List<Thread> threads = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("engine-") || t.getName().equals("bench-producer"))
            {
                threads.add(t);
            }
        }
        threads.sort((a, b) -> a.getName().compareTo(b.getName()));
        return threads;
    }

    private static long[] allocated(final List<Thread> threads)
    {
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] bytes = new long[threads.size()];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = mx.getThreadAllocatedBytes(threads.get(i).getId());
        }
        return bytes;
    }
}
