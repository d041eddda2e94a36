package engine.bench.harness;

import java.util.Arrays;

/** Min, median and max of a few run results. */
record Stats(double min, double median, double max, int n)
{
    static Stats of(final double[] values)
    {
        final double[] v = values.clone();
        Arrays.sort(v);
        final int n = v.length;
        final double median = n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(n == 0 ? Double.NaN : v[0], median, n == 0 ? Double.NaN : v[n - 1], n);
    }
}
