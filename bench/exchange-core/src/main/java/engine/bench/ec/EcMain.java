package engine.bench.ec;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.HdrHistogram.Histogram;

/**
 * The exchange-core side of {@code scripts/bench vs-exchange-core} (see {@code docs/BENCHMARKS.md}),
 * run in its own JVM on its own classpath. Converts a command file ({@link EcCommands}), writes
 * exchange-core's trades ({@link EcCheck}), measures throughput ({@link EcThroughput}) and open-loop
 * latency at each offered rate ({@link EcLatency}), and leaves everything in {@code --out}:
 * {@code ec-trades.txt}, {@code ec-latency-<rate>.hlog}, {@code .hgrm} (+ {@code -service.hgrm}) and
 * {@code ec-summary.properties}, which the engine's side reads to print the comparison.
 *
 * <pre>
 * EcMain --file F --out DIR [--rates 100K,500K,1M] [--seconds 2] [--skip 0.25] [--warmup 2] [--runs 5]
 *        [--wait default|BUSY_SPIN|YIELDING|BLOCKING] [--affinity true|false]
 * </pre>
 */
public final class EcMain
{
    private EcMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Map<String, String> o = options(args);
        final Path file = Path.of(required(o, "file"));
        final Path out = Path.of(required(o, "out"));
        Files.createDirectories(out);
        final Properties summary = new Properties();
        summary.setProperty("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        summary.setProperty("jvmargs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
            .replaceAll("--add-(exports|opens)=\\S+ ?", ""));
        summary.setProperty("load.start", loadAverage());

        final long loading = System.nanoTime();
        final EcCommands commands = EcCommands.load(file);
        System.out.printf("exchange-core: %s: %,d set-up + %,d timed commands converted in %.1f s (bid reserve price %d)%n",
            file.getFileName(), commands.setup.size(), commands.flow.length, (System.nanoTime() - loading) / 1e9,
            commands.reservePrice());
        final EcSettings settings = new EcSettings(o.getOrDefault("wait", "default"),
            Boolean.parseBoolean(o.getOrDefault("affinity", "true")));
        summary.setProperty("config.throughput", settings.describe(settings.throughput()));
        summary.setProperty("config.latency", settings.describe(settings.latency()));

        final String check = EcCheck.run(commands, settings.latency(), out.resolve("ec-trades.txt"));
        System.out.println("exchange-core check pass: " + check);
        summary.setProperty("check", check);

        final int warmup = Integer.parseInt(o.getOrDefault("warmup", "2"));
        final int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
        if (runs > 0)
        {
            final double[] rates = new EcThroughput(commands, settings.throughput()).run(warmup, runs, System.out);
            summary.setProperty("throughput.rounds", join(rates));
        }

        final List<String> rates = list(o.getOrDefault("rates", "100K,500K,1M"));
        final double seconds = Double.parseDouble(o.getOrDefault("seconds", "2"));
        final double skip = Double.parseDouble(o.getOrDefault("skip", "0.25"));
        final EcLatency latency = new EcLatency(commands, settings.latency());
        if (!rates.isEmpty())
        {
            final int jit = Math.min(commands.flow.length, 500_000);
            latency.run(200_000, jit, jit, null);
            System.out.printf("exchange-core JIT warm-up: %,d commands at 200K/s on a throw-away instance%n", jit);
        }
        summary.setProperty("latency.rates", String.join(",", rates));
        for (final String r : rates)
        {
            final long rate = parseCount(r);
            final int count = (int)Math.min(commands.flow.length, Math.round(rate * seconds));
            final Path hgrm = out.resolve("ec-latency-" + r + ".hgrm");
            final EcLatency.Outcome outcome = latency.run(rate, count, (int)(count * skip), hgrm);
            final Histogram h = outcome.histogram();
            System.out.printf("exchange-core offered %5s/s achieved %,11.0f/s  n=%,9d  p50 %.1f  p99 %.1f  max %.1f (us)%n",
                r, outcome.achievedRate(), h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
            final String key = "latency." + r + ".";
            summary.setProperty(key + "achieved", String.valueOf(outcome.achievedRate()));
            summary.setProperty(key + "count", String.valueOf(h.getTotalCount()));
            for (final double p : new double[] {50, 90, 99, 99.9, 99.99})
            {
                summary.setProperty(key + "p" + p, String.valueOf(h.getValueAtPercentile(p)));
            }
            summary.setProperty(key + "max", String.valueOf(h.getMaxValue()));
            summary.setProperty(key + "hgrm", hgrm.toString());
            summary.setProperty(key + "hlog", hgrm.resolveSibling("ec-latency-" + r + ".hlog").toString());
        }
        summary.setProperty("load.end", loadAverage());
        try (OutputStream s = Files.newOutputStream(out.resolve("ec-summary.properties")))
        {
            summary.store(s, "exchange-core 0.5.3 side of scripts/bench vs-exchange-core, " + file);
        }
        System.out.println("exchange-core: results in " + out);
        System.exit(0); // exchange-core leaves non-daemon threads behind (affinity, loaders)
    }

    private static Map<String, String> options(final String[] args)
    {
        final Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--") || i + 1 == args.length)
            {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String required(final Map<String, String> o, final String name)
    {
        final String v = o.get(name);
        if (v == null)
        {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static List<String> list(final String text)
    {
        final List<String> l = new ArrayList<>();
        for (final String part : text.split(","))
        {
            if (!part.isBlank())
            {
                l.add(part.trim());
            }
        }
        return l;
    }

    /** Accepts {@code 1000000}, {@code 1000K}, {@code 1M}, {@code 2.5M}, as the engine's harness does. */
    static long parseCount(final String text)
    {
        final String t = text.trim().replace("_", "").toUpperCase(Locale.ROOT);
        final char last = t.charAt(t.length() - 1);
        final double scale = last == 'K' ? 1e3 : last == 'M' ? 1e6 : 1;
        return Math.round(Double.parseDouble(scale == 1 ? t : t.substring(0, t.length() - 1)) * scale);
    }

    private static String join(final double[] values)
    {
        final StringBuilder s = new StringBuilder();
        Arrays.stream(values).forEach(v -> s.append(s.length() == 0 ? "" : ",").append(v));
        return s.toString();
    }

    private static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (final IOException e)
        {
            return "n/a";
        }
    }
}
