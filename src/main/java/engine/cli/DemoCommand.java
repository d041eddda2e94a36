package engine.cli;

import engine.api.Command;
import engine.api.EventType;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.core.WaitStrategyType;
import engine.readmodel.DepthView;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Option;

/**
 * {@code engine demo}: the main job on a built-in workload. Generates about a million
 * realistic commands, sends them through the full pipeline from a live-mode producer, and
 * prints throughput, trades, submit-to-result latency and the top of every book, read from
 * the depth read model (queries never touch the business logic's state).
 */
@picocli.CommandLine.Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs a built-in workload (about 1M commands, 10 symbols, 1,000 accounts) through the full "
        + "pipeline and prints a short summary. Progress goes to stderr.")
final class DemoCommand implements Callable<Integer>
{
    @Option(names = "--commands", defaultValue = "1000000", description = "commands to run (default ${DEFAULT-VALUE})")
    private int commands;

    @Option(names = "--seed", defaultValue = "42", description = "workload seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--wait", defaultValue = "SLEEPING",
        description = "ring wait strategy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private WaitStrategyType wait;

    @Override
    public Integer call() throws Exception
    {
        final Path file = Files.createTempFile("engine-demo", ".cmd");
        try
        {
            System.err.printf("demo: generating %,d commands (10 symbols, 1,000 accounts)...%n", commands);
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
            {
                new WorkloadGenerator(WorkloadProfile.REALISTIC, seed, 10, 1_000).write(commands, writer);
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
        final Tally tally = new Tally(commands);
        final EngineConfig config = EngineConfig.builder().timeSource(EngineConfig.TimeSource.COMMAND)
            .waitStrategy(wait).build();
        final DepthView depth = new DepthView();
        final Engine engine = Engine.builder(config).onResultThread(depth).start();
        final CommandLineParser parser = new CommandLineParser();
        final Command command = new Command();
        final long started = System.nanoTime();
        long submitted = 0;
        try (InputStream in = Files.newInputStream(file))
        {
            final LineReader lines = new LineReader(in);
            while (lines.next())
            {
                if (parser.parse(lines.bytes(), lines.start(), lines.end(), command) != CommandLineParser.Outcome.COMMAND)
                {
                    continue;
                }
                tally.submittedAt[(int)submitted] = System.nanoTime();
                engine.submit(command, tally);
                if (++submitted % 200_000 == 0)
                {
                    System.err.printf("demo: %,d commands submitted%n", submitted);
                }
            }
        }
        engine.close();
        final long nanos = System.nanoTime() - started;
        report(engine, tally, depth, submitted, nanos);
        return 0;
    }

    private static void report(final Engine engine, final Tally tally, final DepthView depth, final long submitted,
        final long nanos)
    {
        final Histogram latency = tally.latency;
        final StringBuilder out = new StringBuilder();
        out.append(String.format("%nProcessed %,d commands in %.2f s: %,.0f commands/s (%d cores, %s wait)%n",
            submitted, nanos / 1e9, submitted * 1e9 / nanos, Runtime.getRuntime().availableProcessors(),
            engine.config().waitStrategy()));
        out.append(String.format("Events %,d: %,d trades, %,d rejections, %,d cancels%n", tally.events, tally.trades,
            tally.rejections, tally.cancels));
        out.append(String.format("Submit-to-result latency at full load, queueing included (us): p50 %.1f  p90 %.1f  "
                + "p99 %.1f  p99.9 %.1f  max %.1f%n", latency.getValueAtPercentile(50) / 1e3,
            latency.getValueAtPercentile(90) / 1e3, latency.getValueAtPercentile(99) / 1e3,
            latency.getValueAtPercentile(99.9) / 1e3, latency.getMaxValue() / 1e3));
        out.append("Top of book from the depth read model (qty @ price):\n");
        for (int i = 0; depth.hasSymbol("SYM" + i); i++)
        {
            final DepthView.Depth top = depth.depth("SYM" + i, 1).value();
            out.append(String.format("  %-6s bid %-18s ask %s%n", top.symbol(), level(top.bids()), level(top.asks())));
        }
        System.out.print(out);
    }

    private static String level(final java.util.List<DepthView.Level> levels)
    {
        return levels.isEmpty() ? "-" : levels.get(0).qty() + " @ " + levels.get(0).price();
    }

    /** Counts events and records latency on the result thread; one instance for every command. */
    private static final class Tally implements ResultListener
    {
        final long[] submittedAt;
        final Histogram latency = new Histogram(3_600_000_000_000L, 3);
        long events;
        long trades;
        long rejections;
        long cancels;

        Tally(final int commands)
        {
            submittedAt = new long[commands + 1];
        }

        @Override
        public void onResult(final EventBatch result)
        {
            final long now = System.nanoTime();
            latency.recordValue(Math.max(0, now - submittedAt[(int)(result.seq() - 1)]));
            events += result.count();
            for (int i = 0; i < result.count(); i++)
            {
                final EventType type = result.type(i);
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
