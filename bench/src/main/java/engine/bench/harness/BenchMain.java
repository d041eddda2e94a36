package engine.bench.harness;

import engine.workload.WorkloadProfile;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The end-to-end benchmark harness behind {@code scripts/bench}; see {@link #USAGE}. Every report
 * starts with the machine and the options, goes to standard output and to
 * {@code bench/results/<command>-<stamp>.txt}, next to the raw files ({@code .hlog}, {@code .hgrm}, SVG).
 * The command line is picocli's: an option a command does not know is an error, not ignored.
 */
@Command(name = "scripts/bench")
public final class BenchMain
{
    static final String USAGE = """
        scripts/bench throughput [--profile peer-mix] [--seed 1] [--commands 3M] [--modes blp,off,async]
                                 [--warmup 2] [--runs 5] [common]
        scripts/bench latency    [--profile peer-mix] [--rates 100K,500K,1M,2M] [--seconds 2] [--skip 0.25]
                                 [--journal off|async|sync] [common]
        scripts/bench gc         [--profile peer-mix] [--commands 10M] [--warm 1M] [--journal off] [common]
        scripts/bench memory     [--orders 1M] [--accounts 10K] [--symbols 10] [--presize true]
        scripts/bench plot       --out FILE.svg [--title TEXT] FILE.hlog...
        scripts/bench vs-exchange-core [--commands 3M] [--seed 1] [--rates 100K,500K,1M] [--seconds 2]
                                 [--warmup 2] [--runs 5] [--journals off,async] [--pinned blp=1,io=0]
                                 [--ec-wait default|BUSY_SPIN|YIELDING|BLOCKING] [--ec-affinity true|false] [common]
        common: --wait BLOCKING|SLEEPING|BACKOFF|YIELDING|BUSY_SPIN (YIELDING)  --output-wait (same as --wait)  --pin blp=1,io=0,producer=0
                --ring 65536  --file FILE (instead of generating)  --workloads DIR (bench/workloads)
                --journal-dir DIR (temp)  --expected-orders N (65536)
        Workload files are generated once per profile/seed/size and reused, so every run sees the same commands.
        """;

    /** A report body, given the report stream. */
    @FunctionalInterface
    private interface ReportBody
    {
        void run(PrintStream out) throws Exception;
    }

    @Spec
    private CommandSpec spec;

    private BenchMain()
    {
    }

    public static void main(final String[] args)
    {
        if (args.length == 0 || args[0].equals("help"))
        {
            System.out.print(USAGE);
            return;
        }
        System.exit(commandLine().execute(args));
    }

    /** The harness's command line: picocli, which refuses options a command does not take. */
    static CommandLine commandLine()
    {
        return new CommandLine(new BenchMain());
    }

    @Command(name = "vs-ec-workload", description = "scripts/bench vs-exchange-core, step 1: the one file both engines run")
    void vsEcWorkload(
        @Option(names = "--workloads", defaultValue = "bench/workloads") final Path workloads,
        @Option(names = "--seed", defaultValue = "1", converter = Count.class) final long seed,
        @Option(names = "--commands", defaultValue = "3M", converter = Count.class) final long commands) throws Exception
    {
        // Its path on stdout, for the script.
        System.out.println(Workload.prepare(workloads, WorkloadProfile.EC_MIX, seed, commands).toAbsolutePath());
    }

    @Command(name = "throughput", description = "commands/s: the business logic alone and the full pipeline")
    void throughput(@Mixin final ReportOptions report, @Mixin final WorkloadOptions workload,
        @Mixin final PipelineOptions pipeline,
        @Option(names = "--modes", defaultValue = "blp,off,async", split = ",") final List<String> modes,
        @Option(names = "--warmup", defaultValue = "2") final int warmup,
        @Option(names = "--runs", defaultValue = "5") final int runs) throws Exception
    {
        report(report, "throughput", out ->
        {
            final Workload w = workload.load("3M");
            final Pipeline.Settings settings = pipeline.settings();
            describe(w, settings, out);
            final Throughput throughput = new Throughput(w, settings, pipeline.expectedOrders());
            out.println("# check: " + throughput.check());
            final List<double[]> results = throughput.run(modes, warmup, runs, out);
            out.printf("%n%-8s %14s %14s %14s   (commands/s over %d measured runs; %d warm-up runs excluded)%n",
                "mode", "min", "median", "max", runs, warmup);
            for (int m = 0; m < modes.size(); m++)
            {
                final Stats s = Stats.of(results.get(m));
                out.printf("%-8s %,14.0f %,14.0f %,14.0f%n", modes.get(m), s.min(), s.median(), s.max());
            }
        });
    }

    @Command(name = "latency", description = "open-loop latency at fixed offered rates")
    void latency(@Mixin final ReportOptions report, @Mixin final WorkloadOptions workload,
        @Mixin final PipelineOptions pipeline,
        @Option(names = "--rates", defaultValue = "100K,500K,1M,2M", split = ",") final List<String> rates,
        @Option(names = "--seconds", defaultValue = "2") final double seconds,
        @Option(names = "--skip", defaultValue = "0.25") final double skip) throws Exception
    {
        report(report, "latency", out ->
        {
            final Workload w = workload.load("5M");
            final Pipeline.Settings settings = pipeline.settings();
            final Path results = report.results;
            final String stamp = report.stamp;
            describe(w, settings, out);
            out.printf("# open loop: each rate offers min(rate x %.1f s, file) commands on a fresh engine; the first " +
                "%.0f%% are warm-up and not recorded; latency = result at the result handler - intended send time%n",
                seconds, skip * 100);
            final Latency latency = new Latency(w, settings, pipeline.expectedOrders());
            final int jit = Math.min(w.flow().length, 500_000);
            latency.run(200_000, jit, jit, results.resolve("latency-" + stamp + "-jit-warmup.hlog"));
            out.printf("# JIT warm-up: %,d commands at 200K/s on a throw-away engine%n", jit);
            final List<Path> files = new ArrayList<>();
            final List<String> names = new ArrayList<>();
            for (final String r : rates)
            {
                final long rate = Count.parse(r);
                final int commands = (int)Math.min(w.flow().length, Math.round(rate * seconds));
                final Path hlog = results.resolve("latency-" + stamp + "-" + settings.journal() + "-" + r + ".hlog");
                final Latency.Outcome outcome = latency.run(rate, commands, (int)(commands * skip), hlog);
                out.printf("offered %5s/s achieved %,11.0f/s  n=%,9d  %s%n", r, outcome.achievedRate(),
                    outcome.histogram().getTotalCount(), Latency.percentiles(outcome.histogram()));
                out.printf("      service time (from actual publish):      %s%n", Latency.percentiles(outcome.service()));
                out.flush();
                files.add(hlog);
                names.add(r + "/s offered (" + settings.journal() + ")");
            }
            final Path svg = results.resolve("latency-" + stamp + ".svg");
            PercentilePlot.write(files, names, "Open-loop latency, " + w.file().getFileName() + ", " + settings.describe(),
                svg);
            out.println("# histogram files (.hlog, and .hgrm beside them): " + files);
            out.println("# plot: " + svg);
        });
    }

    @Command(name = "gc", description = "GC count and per-thread allocation during a long pipeline run")
    void gc(@Mixin final ReportOptions report, @Mixin final WorkloadOptions workload,
        @Mixin final PipelineOptions pipeline,
        @Option(names = "--warm", defaultValue = "1M", converter = Count.class) final long warm) throws Exception
    {
        report(report, "gc", out ->
        {
            final Workload w = workload.load("10M");
            final Pipeline.Settings settings = pipeline.settings();
            describe(w, settings, out);
            Footprint.usedAfterGc();
            GcRun.run(w, settings, pipeline.expectedOrders(), Math.toIntExact(warm), out);
        });
    }

    @Command(name = "memory", description = "resident heap with N resting orders")
    void memory(@Mixin final ReportOptions report,
        @Option(names = "--orders", defaultValue = "1M", converter = Count.class) final long orders,
        @Option(names = "--accounts", defaultValue = "10K", converter = Count.class) final long accounts,
        @Option(names = "--symbols", defaultValue = "10", converter = Count.class) final long symbols,
        @Option(names = "--presize", defaultValue = "true", arity = "1") final boolean presize) throws Exception
    {
        report(report, "memory", out -> Footprint.run(Math.toIntExact(orders), Math.toIntExact(accounts),
            Math.toIntExact(symbols), presize, out));
    }

    @Command(name = "vs-exchange-core", description = "this engine's side of scripts/bench vs-exchange-core")
    void vsExchangeCore(@Mixin final ReportOptions report, @Mixin final PipelineOptions pipeline,
        @Option(names = "--file", required = true, description = "the workload file (scripts/bench passes it)") final Path file,
        @Option(names = "--ec", description = "exchange-core's output folder") final Path ec,
        @Option(names = "--pinned", defaultValue = "blp=1,io=0") final String pinned,
        @Option(names = "--journals", defaultValue = "off,async", split = ",") final List<String> journals,
        @Option(names = "--warmup", defaultValue = "2") final int warmup,
        @Option(names = "--runs", defaultValue = "5") final int runs,
        @Option(names = "--seconds", defaultValue = "2") final double seconds,
        @Option(names = "--skip", defaultValue = "0.25") final double skip,
        // The workload's and exchange-core's settings, passed on by scripts/bench for the report header only:
        // the file is already made and the rates are the ones exchange-core ran.
        @Option(names = "--commands") final String commands,
        @Option(names = "--seed") final String seed,
        @Option(names = "--rates") final String rates) throws Exception
    {
        report(report, "vs-exchange-core", out ->
        {
            try
            {
                VsExchangeCore.run(new VsExchangeCore.Params(ec, pipeline.settings(), pipeline.expectedOrders(), pinned,
                    journals, warmup, runs, seconds, skip), Workload.load(file), report.results, report.stamp, out);
            }
            catch (final VsExchangeCore.Disagreement e)
            {
                out.println("bench: REFUSED: " + e.getMessage());
                out.close();
                System.exit(3);
            }
        });
    }

    @Command(name = "plot", description = "one percentile chart (SVG) of histogram logs")
    void plot(@Mixin final ReportOptions report,
        @Option(names = "--out", required = true) final Path out,
        @Option(names = "--title", defaultValue = "Latency percentiles") final String title,
        @Parameters(arity = "1..*", paramLabel = "FILE.hlog") final List<Path> files) throws Exception
    {
        final List<String> names = new ArrayList<>();
        for (final Path file : files)
        {
            names.add(file.getFileName().toString().replace(".hlog", ""));
        }
        PercentilePlot.write(files, names, title, out);
        System.err.println("bench: plot in " + out);
    }

    private static void describe(final Workload w, final Pipeline.Settings settings, final PrintStream out)
    {
        out.printf("# workload: %s, %,d timed commands (%s)%n", w.file().getFileName(), w.flow().length, w.mix());
        out.println("# pipeline: " + settings.describe());
    }

    /** Runs {@code body} with a report stream that starts with the machine and the command line. */
    private void report(final ReportOptions options, final String command, final ReportBody body) throws Exception
    {
        Files.createDirectories(options.results);
        final Path report = options.results.resolve((command.equals("vs-exchange-core") ? "vs-ec" : command) + "-" +
            options.stamp + ".txt");
        try (PrintStream out = tee(report))
        {
            out.print(Machine.describe());
            out.println("# command: " + command + " " + given());
            body.run(out);
        }
        System.err.println("bench: report in " + report);
    }

    /** The options given to the running command, as typed. */
    private String given()
    {
        final StringBuilder s = new StringBuilder();
        final ParseResult command = spec.commandLine().getParseResult().subcommand();
        for (final OptionSpec option : command.matchedOptions())
        {
            for (final String value : option.originalStringValues())
            {
                s.append(s.length() == 0 ? "" : " ").append(option.longestName()).append(' ').append(value);
            }
        }
        return s.toString();
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
