package engine.cli;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.api.EventType;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.app.PacedSender;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.core.WaitStrategyType;
import engine.format.CommandFileParser;
import engine.format.LineReader;
import engine.readmodel.DepthView;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Option;

/**
 * {@code engine demo}: the main job on a built-in workload. Generates about a million realistic
 * commands and sends them through the full pipeline twice over: first back to back for
 * throughput, then a further slice at a steady rate for latency, timed from each command's
 * intended send time to its result. Prints throughput, trades, latency and the top of every
 * book, read from the depth read model (queries never touch the business logic's state).
 */
@picocli.CommandLine.Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs a built-in workload (about 1M commands, 10 symbols, 1,000 accounts) through the full "
        + "pipeline and prints a short summary. Progress goes to stderr.")
final class DemoCommand implements Callable<Integer>
{
    private static final int SYMBOLS = 10;

    @Option(names = "--commands", defaultValue = "1000000",
        description = "commands sent back to back for throughput (default ${DEFAULT-VALUE})")
    private int commands;

    @Option(names = "--paced", defaultValue = "100000",
        description = "further commands sent at --rate for latency (default ${DEFAULT-VALUE})")
    private int paced;

    @Option(names = "--rate", defaultValue = "50000", description = "commands/s of the paced part (default ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--seed", defaultValue = "42", description = "workload seed (default ${DEFAULT-VALUE})")
    private long seed;

    // Parking consumers give the best latency when pipeline threads outnumber cores, as on a laptop or a small VM.
    @Option(names = "--wait", defaultValue = "BACKOFF",
        description = "ring wait strategy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private WaitStrategyType wait;

    @Override
    public Integer call() throws Exception
    {
        final Path file = Files.createTempFile("engine-demo", ".cmd");
        try
        {
            System.err.printf("demo: generating %,d commands (%d symbols, 1,000 accounts)...%n", commands + paced, SYMBOLS);
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
            {
                new WorkloadGenerator(WorkloadProfile.REALISTIC, seed, SYMBOLS, 1_000).write(commands + paced, writer);
            }
            return run(file);
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }

    private int run(final Path file) throws Exception
    {
        final EventCounter counter = new EventCounter();
        final DepthView depth = new DepthView();
        final EngineConfig config = EngineConfig.builder().timeSource(EngineConfig.TimeSource.COMMAND)
            .waitStrategy(wait).build();
        final Engine engine = Engine.builder(config).onResultThread(counter).onResultThread(depth).start();
        final PacedLatency latency = new PacedLatency(paced, rate);
        final long nanos;
        try (InputStream in = Files.newInputStream(file))
        {
            final CommandSource source = new CommandSource(in);
            System.err.printf("demo: %,d commands back to back...%n", commands);
            final long started = System.nanoTime();
            final int sent = sendBackToBack(engine, source, commands);
            engine.awaitIdle();
            nanos = System.nanoTime() - started;
            System.err.printf("demo: %,d more at %,d commands/s for latency...%n", paced, rate);
            latency.send(engine, source, engine.nextSeq());
            engine.awaitIdle();
            report(sent, nanos, counter, latency, depth, engine.config().waitStrategy());
        }
        finally
        {
            engine.close();
        }
        return 0;
    }

    private static int sendBackToBack(final Engine engine, final CommandSource source, final int count) throws Exception
    {
        final Command[] batch = new Command[256];
        for (int i = 0; i < batch.length; i++)
        {
            batch[i] = new Command();
        }
        int sent = 0;
        int pending = 0;
        while (sent + pending < count && source.next(batch[pending]))
        {
            if (++pending == batch.length)
            {
                engine.submitBatch(batch, pending);
                sent += pending;
                pending = 0;
            }
        }
        engine.submitBatch(batch, pending);
        return sent + pending;
    }

    private void report(final int sent, final long nanos, final EventCounter counter, final PacedLatency latency,
        final DepthView depth, final WaitStrategyType waitStrategy)
    {
        final Histogram h = latency.histogram;
        final StringBuilder out = new StringBuilder();
        out.append(String.format("%nThroughput: %,d commands in %.2f s = %,.0f commands/s, parsing included (%d cores, %s wait)%n",
            sent, nanos / 1e9, sent * 1e9 / nanos, Runtime.getRuntime().availableProcessors(), waitStrategy));
        out.append(String.format("Events: %,d in all: %,d trades, %,d rejections, %,d cancels%n", counter.events,
            counter.trades, counter.rejections, counter.cancels));
        out.append(String.format("Latency at %,d commands/s, intended send to result (us): p50 %.1f  p90 %.1f  p99 %.1f  "
                + "p99.9 %.1f  max %.1f  (%,d commands)%n", rate, h.getValueAtPercentile(50) / 1e3,
            h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
            h.getMaxValue() / 1e3, h.getTotalCount()));
        out.append("Top of book from the depth read model (qty @ price):\n");
        for (int i = 0; i < SYMBOLS && depth.hasSymbol("SYM" + i); i++)
        {
            final DepthView.Depth top = depth.depth("SYM" + i, 1).value();
            out.append(String.format("  %-6s bid %-18s ask %s%n", top.symbol(), level(top.bids()), level(top.asks())));
        }
        System.out.print(out);
    }

    private static String level(final List<DepthView.Level> levels)
    {
        return levels.isEmpty() ? "-" : levels.get(0).qty() + " @ " + levels.get(0).price();
    }

    /** Parses the workload file command by command. */
    private static final class CommandSource
    {
        private final LineReader lines;
        private final CommandFileParser parser = new CommandFileParser();

        CommandSource(final InputStream in)
        {
            lines = new LineReader(in);
        }

        boolean next(final Command into) throws java.io.IOException
        {
            while (lines.next())
            {
                if (parser.parse(lines.bytes(), lines.start(), lines.end(), into) == CommandFileParser.Outcome.COMMAND)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Records, on the result thread, the time from each paced command's intended send time to its
     * result, so a stall counts against every command it delayed (no coordinated omission).
     */
    private static final class PacedLatency implements ResultListener
    {
        final Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        private final PacedSender sender;
        private final int count;
        private long firstSeq;

        PacedLatency(final int count, final int rate)
        {
            this.sender = new PacedSender(Math.max(1, rate), count);
            this.count = count;
        }

        void send(final Engine engine, final CommandSource source, final long firstSeq) throws Exception
        {
            this.firstSeq = firstSeq;
            final Command command = new Command();
            sender.send(() -> source.next(command) ? command : null, count, System.nanoTime(), engine::submit, this);
        }

        @Override
        public void onResult(final EventBatch result)
        {
            histogram.recordValue(Math.max(0, System.nanoTime() - sender.due(result.seq() - firstSeq)));
        }
    }

    /** Counts every command's events, on the result thread. */
    private static final class EventCounter implements EventHandler<EventBatch>
    {
        long events;
        long trades;
        long rejections;
        long cancels;

        @Override
        public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
        {
            events += batch.count();
            for (int i = 0; i < batch.count(); i++)
            {
                final EventType type = batch.type(i);
                if (type == EventType.TRADE)
                {
                    trades++;
                }
                else if (type == EventType.REJECTED)
                {
                    rejections++;
                }
                else if (type == EventType.CANCELED)
                {
                    cancels++;
                }
            }
        }
    }
}
