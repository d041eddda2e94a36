package engine.bench.harness;

import engine.app.PacedSender;
import engine.core.EventBatch;
import engine.core.ResultListener;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Open-loop latency at one offered rate. Command {@code i} of the flow is due at
 * {@code start + i / rate}; the producer publishes every command that is due (all of them at once
 * when it has fallen behind) and never waits for results. A command's latency runs from its due
 * time, not from when it was actually published, to the moment its result reaches the result
 * handler, so a stalled pipeline is charged for every command it delayed (no coordinated omission).
 * The first {@code skip} commands of each run are left out (warm-up).
 */
final class Latency
{
    /** Latencies above this are recorded as this (one minute). */
    static final long HIGHEST = 60_000_000_000L;

    /** Records each result's latency; runs on the result-handler thread, allocation-free. */
    static final class Recorder implements ResultListener
    {
        final Histogram histogram = new Histogram(HIGHEST, 3);
        /** From actual publication to result: the engine alone, without the producer's own lateness. */
        final Histogram service = new Histogram(HIGHEST, 3);
        /** Paces the commands and knows when each was due and actually went out. */
        final PacedSender sender;
        private final long firstSeq;
        private final long skip;
        volatile long lastSeq;
        long lastCompletion;

        Recorder(final long firstSeq, final long skip, final long rate, final int commands)
        {
            this.sender = new PacedSender(rate, commands);
            this.firstSeq = firstSeq;
            this.skip = skip;
        }

        @Override
        public void onResult(final EventBatch result)
        {
            final long now = System.nanoTime();
            final long index = result.seq() - firstSeq;
            if (index >= skip)
            {
                histogram.recordValue(Math.min(HIGHEST, Math.max(0, now - sender.due(index))));
                service.recordValue(Math.min(HIGHEST, Math.max(0, now - sender.sentAt((int)index))));
            }
            lastCompletion = now;
            lastSeq = result.seq();
        }
    }

    /** One rate's outcome. */
    record Outcome(long rate, long commands, double achievedRate, Histogram histogram, Histogram service, Path hlog)
    {
    }

    private final Workload workload;
    private final Pipeline.Settings settings;
    private final int expectedOrders;
    private final int expectedAccounts;

    Latency(final Workload workload, final Pipeline.Settings settings, final int expectedOrders)
    {
        this.workload = workload;
        this.settings = settings;
        this.expectedOrders = expectedOrders;
        this.expectedAccounts = Throughput.maxAccount(workload.setup());
    }

    /**
     * @param commands how many flow commands to offer (at most the file's)
     * @param skip     how many of them to leave out as warm-up
     * @param hlog     where to write the histograms ({@link HistogramFiles}: also the {@code .hgrm} tables beside it)
     */
    Outcome run(final long rate, final int commands, final int skip, final Path hlog) throws Exception
    {
        final Outcome[] outcome = new Outcome[1];
        ProducerThread.run(() ->
        {
            PinSpec.pinProducer(settings.pin());
            try (Pipeline pipeline = new Pipeline(settings, expectedOrders, expectedAccounts))
            {
                pipeline.submitAll(workload.setup(), 0, workload.setup().length);
                pipeline.engine.awaitIdle();
                final Recorder recorder = new Recorder(pipeline.engine.nextSeq(), skip, rate, commands);
                final long lastSeq = pipeline.engine.nextSeq() + commands - 1;
                final long startMillis = System.currentTimeMillis();
                // The first command is due in a millisecond, so that the first few are not already late.
                recorder.sender.send(PacedSender.Feed.of(workload.flow()), commands, System.nanoTime() + 1_000_000,
                    pipeline::submit, recorder);
                while (recorder.lastSeq < lastSeq)
                {
                    Thread.yield();
                }
                final double achieved = commands * 1e9 / (recorder.lastCompletion - recorder.sender.start());
                HistogramFiles.write(recorder.histogram, recorder.service, startMillis, hlog);
                outcome[0] = new Outcome(rate, commands, achieved, recorder.histogram, recorder.service, hlog);
            }
        });
        return outcome[0];
    }

    static String percentiles(final Histogram h)
    {
        return String.format("p50 %9.1f  p90 %8.1f  p99 %8.1f  p99.9 %8.1f  p99.99 %9.1f  max %9.1f  (us)",
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
            h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3);
    }
}
