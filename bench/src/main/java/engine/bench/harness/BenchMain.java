package engine.bench.harness;

import engine.workload.WorkloadProfile;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end benchmark harness behind {@code scripts/bench}; see {@link #USAGE}. Every report
 * starts with the machine and the options, goes to standard output and to
 * {@code bench/results/<command>-<stamp>.txt}, next to the raw files ({@code .hgrm}, SVG).
 */
public final class BenchMain
{
    static final String USAGE = """
        scripts/bench throughput [--profile peer-mix] [--seed 1] [--commands 3M] [--modes blp,off,async]
                                 [--warmup 2] [--runs 5] [common]
        scripts/bench latency    [--profile peer-mix] [--rates 100K,500K,1M,2M] [--seconds 2] [--skip 0.25]
                                 [--journal off|async|sync] [common]
        scripts/bench gc         [--profile peer-mix] [--commands 10M] [--warm 1M] [--journal off] [common]
        scripts/bench memory     [--orders 1M] [--accounts 10K] [--symbols 10] [--presize true]
        scripts/bench plot       --out FILE.svg [--title TEXT] FILE.hgrm...
        common: --wait BLOCKING|SLEEPING|BACKOFF|YIELDING|BUSY_SPIN (YIELDING)  --output-wait (same as --wait)  --pin blp=1,io=0,producer=0
                --ring 65536  --file FILE (instead of generating)  --workloads DIR (bench/workloads)
                --journal-dir DIR (temp)  --expected-orders N (65536)
        Workload files are generated once per profile/seed/size and reused, so every run sees the same commands.
        """;

    private BenchMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String command = args.length == 0 ? "help" : args[0];
        if (command.equals("help"))
        {
            System.out.print(USAGE);
            return;
        }
        if (command.equals("plot"))
        {
            plot(args);
            return;
        }
        final Options o = new Options(args, 1);
        final Path results = Path.of(o.get("results", "bench/results"));
        final String stamp = o.get("stamp", String.valueOf(System.currentTimeMillis()));
        Files.createDirectories(results);
        final Path report = results.resolve(command + "-" + stamp + ".txt");
        try (PrintStream out = tee(report))
        {
            out.print(Machine.describe());
            out.println("# command: " + command + " " + o.echo());
            switch (command)
            {
                case "throughput" -> throughput(o, out);
                case "latency" -> latency(o, results, stamp, out);
                case "gc" -> gc(o, out);
                case "memory" -> Footprint.run(o.getInt("orders", 1_000_000), o.getInt("accounts", 10_000),
                    o.getInt("symbols", 10), Boolean.parseBoolean(o.get("presize", "true")), out);
                default -> throw new IllegalArgumentException("unknown command '" + command + "'\n" + USAGE);
            }
        }
        System.err.println("bench: report in " + report);
    }

    private static Workload workload(final Options o, final String defaultCommands) throws Exception
    {
        final String file = o.get("file", null);
        if (file != null)
        {
            return Workload.load(Path.of(file));
        }
        final WorkloadProfile profile = WorkloadProfile.parse(o.get("profile", "peer-mix"));
        return Workload.load(Workload.prepare(Path.of(o.get("workloads", "bench/workloads")), profile,
            o.getLong("seed", 1), o.getLong("commands", Options.parseCount(defaultCommands))));
    }

    private static void throughput(final Options o, final PrintStream out) throws Exception
    {
        final Workload w = workload(o, "3M");
        final Pipeline.Settings settings = Pipeline.Settings.from(o);
        final List<String> modes = o.getList("modes", "blp,off,async");
        out.printf("# workload: %s, %,d timed commands (%s)%n", w.file().getFileName(), w.flow().length, w.mix());
        out.println("# pipeline: " + settings.describe());
        final int warmup = o.getInt("warmup", 2);
        final int runs = o.getInt("runs", 5);
        final Throughput throughput = new Throughput(w, settings, o.getInt("expected-orders", 1 << 16));
        out.println("# check: " + throughput.check());
        final List<double[]> results = throughput.run(modes, warmup, runs, out);
        out.printf("%n%-8s %14s %14s %14s   (commands/s over %d measured runs; %d warm-up runs excluded)%n",
            "mode", "min", "median", "max", runs, warmup);
        for (int m = 0; m < modes.size(); m++)
        {
            final Stats s = Stats.of(results.get(m));
            out.printf("%-8s %,14.0f %,14.0f %,14.0f%n", modes.get(m), s.min(), s.median(), s.max());
        }
    }

    private static void latency(final Options o, final Path results, final String stamp, final PrintStream out)
        throws Exception
    {
        final Workload w = workload(o, "5M");
        final Pipeline.Settings settings = Pipeline.Settings.from(o);
        final List<String> rates = o.getList("rates", "100K,500K,1M,2M");
        final double seconds = Double.parseDouble(o.get("seconds", "2"));
        final double skip = Double.parseDouble(o.get("skip", "0.25"));
        out.printf("# workload: %s, %,d timed commands (%s)%n", w.file().getFileName(), w.flow().length, w.mix());
        out.println("# pipeline: " + settings.describe());
        out.printf("# open loop: each rate offers min(rate x %.1f s, file) commands on a fresh engine; the first " +
            "%.0f%% are warm-up and not recorded; latency = result at the result handler - intended send time%n",
            seconds, skip * 100);
        final Latency latency = new Latency(w, settings, o.getInt("expected-orders", 1 << 16));
        final int jit = Math.min(w.flow().length, 500_000);
        latency.run(200_000, jit, jit, results.resolve("latency-" + stamp + "-jit-warmup.hgrm"));
        out.printf("# JIT warm-up: %,d commands at 200K/s on a throw-away engine%n", jit);
        final List<Path> files = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final String r : rates)
        {
            final long rate = Options.parseCount(r);
            final int commands = (int)Math.min(w.flow().length, Math.round(rate * seconds));
            final Path hgrm = results.resolve("latency-" + stamp + "-" + settings.journal() + "-" + r + ".hgrm");
            final Latency.Outcome outcome = latency.run(rate, commands, (int)(commands * skip), hgrm);
            out.printf("offered %5s/s achieved %,11.0f/s  n=%,9d  %s%n", r, outcome.achievedRate(),
                outcome.histogram().getTotalCount(), Latency.percentiles(outcome.histogram()));
            out.printf("      service time (from actual publish):      %s%n", Latency.percentiles(outcome.service()));
            out.flush();
            files.add(hgrm);
            names.add(r + "/s offered (" + settings.journal() + ")");
        }
        final Path svg = results.resolve("latency-" + stamp + ".svg");
        PercentilePlot.write(files, names, "Open-loop latency, " + w.file().getFileName() + ", " + settings.describe(),
            svg);
        out.println("# hgrm files: " + files);
        out.println("# plot: " + svg);
    }

    private static void gc(final Options o, final PrintStream out) throws Exception
    {
        final Workload w = workload(o, "10M");
        final Pipeline.Settings settings = Pipeline.Settings.from(o);
        out.printf("# workload: %s, %,d timed commands (%s)%n", w.file().getFileName(), w.flow().length, w.mix());
        out.println("# pipeline: " + settings.describe());
        Footprint.usedAfterGc();
        GcRun.run(w, settings, o.getInt("expected-orders", 1 << 16), o.getInt("warm", 1_000_000), out);
    }

    private static void plot(final String[] args) throws Exception
    {
        Path out = null;
        String title = "Latency percentiles";
        final List<Path> files = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++)
        {
            if (args[i].equals("--out"))
            {
                out = Path.of(args[++i]);
            }
            else if (args[i].equals("--title"))
            {
                title = args[++i];
            }
            else if (args[i].startsWith("--"))
            {
                i++; // --results and --stamp from scripts/bench
            }
            else
            {
                files.add(Path.of(args[i]));
                names.add(Path.of(args[i]).getFileName().toString().replace(".hgrm", ""));
            }
        }
        if (out == null || files.isEmpty())
        {
            throw new IllegalArgumentException("usage: scripts/bench plot --out FILE.svg FILE.hgrm...");
        }
        PercentilePlot.write(files, names, title, out);
        System.err.println("bench: plot in " + out);
    }

    /** Standard output plus a report file. */
    private static PrintStream tee(final Path file) throws Exception
    {
        final OutputStream fileOut = new FileOutputStream(file.toFile());
        final PrintStream console = System.out;
        return new PrintStream(new OutputStream()
        {
            @Override
            public void write(final int b) throws java.io.IOException
            {
                console.write(b);
                fileOut.write(b);
            }

            @Override
            public void write(final byte[] b, final int off, final int len) throws java.io.IOException
            {
                console.write(b, off, len);
                fileOut.write(b, off, len);
            }

            @Override
            public void flush() throws java.io.IOException
            {
                console.flush();
                fileOut.flush();
            }

            @Override
            public void close() throws java.io.IOException
            {
                flush();
                fileOut.close();
            }
        }, true);
    }
}
