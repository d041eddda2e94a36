package engine.bench.ec;

import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.config.ExchangeConfiguration;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Open-loop latency through exchange-core at one offered rate, measured as the engine's harness
 * measures its own ({@code engine.bench.harness.Latency}): command {@code i} of the flow is due at
 * {@code start + i / rate}; the producer submits every command that is due (all at once when it has
 * fallen behind, and blocked only by a full ring) and never waits for results; the command's
 * {@code timestamp} carries its due time through exchange-core, and latency is results-consumer
 * time minus due time (exchange-core's own {@code LatencyTestsModule} does the same), so a stall is
 * charged to every command it delayed. The first {@code skip} commands are left out (warm-up).
 */
final class EcLatency
{
    /** Latencies above this are recorded as this (one minute), as in the engine's harness. */
    static final long HIGHEST = 60_000_000_000L;

    /** One rate's outcome. */
    record Outcome(double achievedRate, Histogram histogram, Histogram service)
    {
    }

    /** Records each flow result's latency on exchange-core's results thread; allocation-free. */
    private static final class Recorder extends FlowCounter
    {
        final Histogram histogram = new Histogram(HIGHEST, 3);
        final Histogram service = new Histogram(HIGHEST, 3);
        final long[] sent;
        /** Set once the set-up is done; until then (the pre-filled book's orders) nothing is recorded. */
        volatile long first;
        volatile long skip = Long.MAX_VALUE;
        long lastCompletion;

        Recorder(final int commands)
        {
            sent = new long[commands];
        }

        @Override
        void onFlowResult(final OrderCommand cmd, final long index)
        {
            final long now = System.nanoTime();
            final long i = index - first;
            if (i >= skip && i < sent.length)
            {
                histogram.recordValue(Math.min(HIGHEST, Math.max(0, now - cmd.timestamp)));
                service.recordValue(Math.min(HIGHEST, Math.max(0, now - sent[(int)i])));
            }
            lastCompletion = now;
        }
    }

    private final EcCommands commands;
    private final ExchangeConfiguration config;

    EcLatency(final EcCommands commands, final ExchangeConfiguration config)
    {
        this.commands = commands;
        this.config = config;
    }

    /**
     * @param count how many flow commands to offer (at most the file's)
     * @param skip  how many of them to leave out as warm-up
     * @param hgrm  where to write the percentile distribution (microseconds); null for none
     */
    Outcome run(final long rate, final int count, final int skip, final Path hgrm) throws IOException
    {
        final Recorder recorder = new Recorder(count);
        final long startMillis = System.currentTimeMillis();
        final long start;
        try (EcExchange exchange = new EcExchange(config, recorder))
        {
            exchange.load(commands);
            recorder.first = recorder.done();
            recorder.skip = skip;
            final long target = recorder.first + count;
            start = System.nanoTime() + 1_000_000;
            offer(exchange, recorder, rate, count, start);
            recorder.awaitDone(target);
        }
        if (recorder.histogram.getTotalCount() != count - skip)
        {
            throw new IllegalStateException("recorded " + recorder.histogram.getTotalCount() + " latencies, expected " +
                (count - skip) + ": results and commands are out of step");
        }
        if (hgrm != null)
        {
            write(recorder.histogram, hgrm);
            write(recorder.service, hgrm.resolveSibling(hgrm.getFileName().toString().replace(".hgrm", "-service.hgrm")));
            writeLog(recorder.histogram, recorder.service, startMillis, hgrm.resolveSibling(hgrm.getFileName().toString()
                .replace(".hgrm", ".hlog")));
        }
        return new Outcome(count * 1e9 / (recorder.lastCompletion - start), recorder.histogram, recorder.service);
    }

    private void offer(final EcExchange exchange, final Recorder recorder, final long rate, final int count,
        final long start)
    {
        final ApiCommand[] flow = commands.flow;
        final double nanosPerCommand = 1e9 / rate;
        int next = 0;
        while (next < count)
        {
            final long now = System.nanoTime();
            if (start + (long)(next * nanosPerCommand) > now)
            {
                // Caught up: give the core away briefly, as the engine's harness does (2 cores).
                Thread.yield();
                continue;
            }
            while (next < count && start + (long)(next * nanosPerCommand) <= now)
            {
                final ApiCommand c = flow[next];
                c.timestamp = start + (long)(next * nanosPerCommand);
                recorder.sent[next] = System.nanoTime();
                exchange.api.submitCommand(c);
                next++;
            }
        }
    }

    /** The histogram log the engine's harness plots from: the latency untagged, the service time tagged "service". */
    private static void writeLog(final Histogram latency, final Histogram service, final long startMillis, final Path file)
        throws IOException
    {
        final Histogram tagged = service.copy();
        tagged.setTag("service");
        try (PrintStream out = new PrintStream(new FileOutputStream(file.toFile())))
        {
            final HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.outputBaseTime(startMillis);
            log.outputLegend();
            final double seconds = (System.currentTimeMillis() - startMillis) / 1000.0;
            log.outputIntervalHistogram(0, seconds, latency);
            log.outputIntervalHistogram(0, seconds, tagged);
        }
    }

    private static void write(final Histogram h, final Path file) throws IOException
    {
        try (PrintStream out = new PrintStream(new FileOutputStream(file.toFile())))
        {
            h.outputPercentileDistribution(out, 1000.0);
        }
    }
}
