package engine.bench.harness;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The engine's side of {@code scripts/bench vs-exchange-core}. exchange-core's side (its own JVM,
 * {@code bench/exchange-core}) has already run the same file and left its trades, throughput rounds,
 * latency percentiles and histogram files ({@code .hlog}, {@code .hgrm}) in one directory. This checks that both engines made
 * the same trades ({@link TradeCheck}) and refuses to go on if they did not; then measures the
 * engine with the existing harness ({@link Throughput}, {@link Latency}) with the journal off and
 * async, on OS placement and pinned, at the same offered rates; and prints one table of both, with
 * the ratio ours/theirs, plus one percentile plot at the highest common rate.
 */
final class VsExchangeCore
{
    /** Thrown when the engines' trades differ: no comparison is printed. */
    static final class Disagreement extends Exception
    {
        Disagreement(final String message)
        {
            super(message);
        }
    }

    private record Config(String name, Pipeline.Settings settings)
    {
    }

    /**
     * The command line's settings.
     *
     * @param ec       exchange-core's output folder; null for {@code <results>/vs-ec-<stamp>}
     * @param pinned   the pinned placement of our configurations
     * @param journals our journal modes
     */
    record Params(Path ec, Pipeline.Settings settings, int expectedOrders, String pinned, List<String> journals, int warmup,
        int runs, double seconds, double skip)
    {
    }

    private VsExchangeCore()
    {
    }

    static void run(final Params o, final Workload w, final Path results, final String stamp, final PrintStream out)
        throws Exception
    {
        final Path ec = o.ec() != null ? o.ec() : results.resolve("vs-ec-" + stamp);
        final Properties theirs = new Properties();
        try (InputStream in = Files.newInputStream(ec.resolve("ec-summary.properties")))
        {
            theirs.load(in);
        }
        out.printf("# workload: %s, %,d set-up + %,d timed commands (%s)%n", w.file().getFileName(), w.setup().length,
            w.flow().length, w.mix());
        out.println("# exchange-core 0.5.3 JVM: " + theirs.getProperty("jvm") + "; " + theirs.getProperty("jvmargs"));
        out.println("# exchange-core load average: " + theirs.getProperty("load.start") + " (start), " +
            theirs.getProperty("load.end") + " (end)");
        out.println("# exchange-core throughput config: " + theirs.getProperty("config.throughput"));
        out.println("# exchange-core latency config:    " + theirs.getProperty("config.latency"));
        out.println("# exchange-core check pass: " + theirs.getProperty("check"));

        out.println("# our check pass: " + new Throughput(w, o.settings(), o.expectedOrders())
            .check());
        final TradeCheck.Outcome check = TradeCheck.compare(w, ec.resolve("ec-trades.txt"));
        out.println("# trades: " + check.describe());
        if (!check.agree())
        {
            throw new Disagreement("the engines disagree on the trades of " + w.file().getFileName() +
                ", so there is no comparison: " + check.firstDifference());
        }

        final Pipeline.Settings base = o.settings().withPin("");
        final String pinned = o.pinned();
        final List<String> journals = o.journals();
        final List<Config> configs = new ArrayList<>();
        for (final String placement : new String[] {"", pinned})
        {
            for (final String journal : journals)
            {
                configs.add(new Config("ours, journal " + journal + ", " + (placement.isEmpty() ? "OS placement" :
                    "pinned"), base.withPin(placement).withJournal(journal)));
            }
        }
        for (final Config c : configs)
        {
            out.println("# " + c.name() + ": " + c.settings().describe());
        }

        final int warmup = o.warmup();
        final int runs = o.runs();
        final double[] ourThroughput = new double[configs.size()];
        for (int placement = 0; placement < 2; placement++)
        {
            final Pipeline.Settings s = configs.get(placement * journals.size()).settings();
            out.println("# throughput, ours, " + (placement == 0 ? "OS placement" : "pinned " + pinned) + ":");
            final List<double[]> rounds = new Throughput(w, s, o.expectedOrders())
                .run(journals, warmup, runs, out);
            for (int j = 0; j < journals.size(); j++)
            {
                ourThroughput[placement * journals.size() + j] = Stats.of(rounds.get(j)).median();
            }
        }

        final List<String> rates = List.of(theirs.getProperty("latency.rates").split(","));
        final double seconds = o.seconds();
        final double skip = o.skip();
        final Path dir = results.resolve("vs-ec-" + stamp);
        Files.createDirectories(dir);
        final List<VsTable.Row> rows = new ArrayList<>();
        final List<Path> plotFiles = new ArrayList<>();
        final List<String> plotNames = new ArrayList<>();
        final String plotRate = rates.get(rates.size() - 1);
        rows.add(theirRow(theirs, rates));
        plotFiles.add(Path.of(theirs.getProperty("latency." + plotRate + ".hlog")));
        plotNames.add("exchange-core 0.5.3");
        boolean jitWarm = false;
        for (int i = 0; i < configs.size(); i++)
        {
            final Config c = configs.get(i);
            final Latency latency = new Latency(w, c.settings(), o.expectedOrders());
            if (!jitWarm)
            {
                final int jit = Math.min(w.flow().length, 500_000);
                latency.run(200_000, jit, jit, dir.resolve("ours-jit-warmup.hlog"));
                jitWarm = true;
            }
            final List<Double> achieved = new ArrayList<>();
            final List<double[]> percentiles = new ArrayList<>();
            for (final String r : rates)
            {
                final long rate = Count.parse(r);
                final int commands = (int)Math.min(w.flow().length, Math.round(rate * seconds));
                final Path hlog = dir.resolve("ours-" + c.settings().journal() + "-" +
                    (c.settings().pin().isEmpty() ? "os" : "pinned") + "-" + r + ".hlog");
                final Latency.Outcome outcome = latency.run(rate, commands, (int)(commands * skip), hlog);
                out.printf("%s offered %5s/s achieved %,11.0f/s  %s%n", c.name(), r, outcome.achievedRate(),
                    Latency.percentiles(outcome.histogram()));
                out.flush();
                achieved.add(outcome.achievedRate());
                percentiles.add(VsTable.percentiles(outcome.histogram()));
                if (r.equals(plotRate))
                {
                    plotFiles.add(hlog);
                    plotNames.add(c.name().replace("ours, ", ""));
                }
            }
            rows.add(new VsTable.Row(c.name(), ourThroughput[i], achieved, percentiles));
        }

        VsTable.print(rows.get(0), rows.subList(1, rows.size()), rates, out);
        final Path svg = results.resolve("vs-ec-" + stamp + ".svg");
        PercentilePlot.write(plotFiles, plotNames, "Open-loop latency at " + plotRate + "/s offered, " +
            w.file().getFileName() + ": exchange-core 0.5.3 vs this engine", svg);
        out.println("# histogram files (.hlog, .hgrm): " + dir + (ec.equals(dir) ? "" : " and " + ec));
        out.println("# plot: " + svg);
    }

    private static VsTable.Row theirRow(final Properties p, final List<String> rates)
    {
        final String[] rounds = p.getProperty("throughput.rounds", "").split(",");
        final double[] values = new double[rounds.length];
        for (int i = 0; i < rounds.length; i++)
        {
            values[i] = rounds[i].isEmpty() ? Double.NaN : Double.parseDouble(rounds[i]);
        }
        final List<Double> achieved = new ArrayList<>();
        final List<double[]> percentiles = new ArrayList<>();
        for (final String r : rates)
        {
            final String key = "latency." + r + ".";
            achieved.add(Double.parseDouble(p.getProperty(key + "achieved")));
            final double[] v = new double[VsTable.PERCENTILES.length + 1];
            for (int i = 0; i < VsTable.PERCENTILES.length; i++)
            {
                v[i] = Double.parseDouble(p.getProperty(key + "p" + VsTable.PERCENTILES[i]));
            }
            v[v.length - 1] = Double.parseDouble(p.getProperty(key + "max"));
            percentiles.add(v);
        }
        return new VsTable.Row("exchange-core 0.5.3", Stats.of(values).median(), achieved, percentiles);
    }
}
