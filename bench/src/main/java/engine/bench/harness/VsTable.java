package engine.bench.harness;

import java.io.PrintStream;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The one table of {@code scripts/bench vs-exchange-core}: per engine and configuration, the median
 * back-to-back throughput and, per offered rate, the achieved rate and the open-loop latency
 * percentiles; under each of the engine's rows, the ratio ours/theirs (above 1 is better for
 * throughput, below 1 is better for latency).
 */
final class VsTable
{
    /** The percentiles in the table, then the maximum. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private static final String HEADER = "%-38s %14s  %7s %11s %10s %10s %10s %10s %10s%n";
    private static final String LINE = "%-38s %14s  %7s %11s %10s %10s %10s %10s %10s%n";

    /**
     * @param percentiles per rate, {@link #PERCENTILES} then the maximum, in nanoseconds
     */
    record Row(String name, double throughput, List<Double> achieved, List<double[]> percentiles)
    {
    }

    private VsTable()
    {
    }

    /** {@link #PERCENTILES} then the maximum of {@code h}, in nanoseconds. */
    static double[] percentiles(final Histogram h)
    {
        final double[] v = new double[PERCENTILES.length + 1];
        for (int i = 0; i < PERCENTILES.length; i++)
        {
            v[i] = h.getValueAtPercentile(PERCENTILES[i]);
        }
        v[PERCENTILES.length] = h.getMaxValue();
        return v;
    }

    static void print(final Row theirs, final List<Row> ours, final List<String> rates, final PrintStream out)
    {
        out.println();
        out.println("Side by side with exchange-core 0.5.3 (throughput: median commands/s back to back; latency: " +
            "open loop, us from intended send time; ratio = ours / theirs)");
        out.printf(HEADER, "engine, configuration", "throughput", "offered", "achieved", "p50", "p90", "p99", "p99.9",
            "max");
        row(theirs, rates, out);
        for (final Row r : ours)
        {
            row(r, rates, out);
            ratio(r, theirs, rates, out);
        }
    }

    private static void row(final Row r, final List<String> rates, final PrintStream out)
    {
        for (int i = 0; i < rates.size(); i++)
        {
            final double[] p = r.percentiles().get(i);
            out.printf(LINE, i == 0 ? r.name() : "", i == 0 ? String.format("%,.0f", r.throughput()) : "",
                rates.get(i) + "/s", String.format("%,.0f", r.achieved().get(i)), us(p[0]), us(p[1]), us(p[2]), us(p[3]),
                us(p[4]));
        }
    }

    private static void ratio(final Row ours, final Row theirs, final List<String> rates, final PrintStream out)
    {
        for (int i = 0; i < rates.size(); i++)
        {
            final double[] a = ours.percentiles().get(i);
            final double[] b = theirs.percentiles().get(i);
            out.printf(LINE, i == 0 ? "  ratio ours/theirs" : "",
                i == 0 ? times(ours.throughput() / theirs.throughput()) : "", rates.get(i) + "/s",
                times(ours.achieved().get(i) / theirs.achieved().get(i)), times(a[0] / b[0]), times(a[1] / b[1]),
                times(a[2] / b[2]), times(a[3] / b[3]), times(a[4] / b[4]));
        }
    }

    private static String us(final double nanos)
    {
        return String.format(nanos < 10_000 ? "%.1f" : "%,.0f", nanos / 1e3);
    }

    private static String times(final double ratio)
    {
        return Double.isFinite(ratio) ? String.format(ratio < 0.1 ? "%.3fx" : "%.2fx", ratio) : "n/a";
    }
}
