package engine.api;

/**
 * Multiplication of positive longs that reports overflow as a value instead of wrapping or
 * throwing, so that money arithmetic can turn it into a rejection on the hot path.
 */
public final class CheckedMath
{
    /** Returned by the multiply methods when the exact product does not fit a long. */
    public static final long OVERFLOW = -1;

    private CheckedMath()
    {
    }

    /** @return {@code a * b} for {@code a, b >= 0}, or {@link #OVERFLOW}. */
    public static long multiply(final long a, final long b)
    {
        final long product = a * b;
        return Math.multiplyHigh(a, b) != 0 || product < 0 ? OVERFLOW : product;
    }

    /** @return {@code a * b * c} for non-negative factors, or {@link #OVERFLOW}. */
    public static long multiply(final long a, final long b, final long c)
    {
        final long ab = multiply(a, b);
        return ab == OVERFLOW ? OVERFLOW : multiply(ab, c);
    }

    /** @return {@code a + b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} when it does not fit. */
    public static long saturatingAdd(final long a, final long b)
    {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
