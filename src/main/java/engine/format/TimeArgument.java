package engine.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A time given by a user (an HTTP query parameter, a command-line option) as an engine
 * timestamp: either an integer, taken as a timestamp as it is (milliseconds since the epoch in
 * live mode), or an ISO-8601 instant with its offset ({@code 2026-12-02T12:00:00Z},
 * {@code 2026-12-02T13:00:00.250+01:00}) or a date ({@code 2026-12-02}, its start in UTC),
 * converted to the engine's time unit (rounded down).
 */
public final class TimeArgument
{
    /** What a time may look like, for error messages. */
    public static final String ACCEPTED = "an integer timestamp (epoch milliseconds) or an ISO-8601 time such as " +
        "2026-12-02T12:00:00Z, 2026-12-02T13:00:00+01:00 or 2026-12-02";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TimeArgument()
    {
    }

    /**
     * @param unitNanos the engine's time unit in nanoseconds (1,000,000: milliseconds)
     * @throws IllegalArgumentException saying what is accepted
     */
    public static long parse(final String text, final long unitNanos)
    {
        final String t = text.trim();
        if (t.isEmpty())
        {
            throw new IllegalArgumentException("is empty; expected " + ACCEPTED);
        }
        if (isInteger(t))
        {
            try
            {
                return Long.parseLong(t);
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("'" + t + "' is out of the 64-bit range");
            }
        }
        final Instant instant = instant(t);
        try
        {
            final long nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
            return Math.floorDiv(nanos, unitNanos);
        }
        catch (final ArithmeticException e)
        {
            throw new IllegalArgumentException("'" + t + "' is out of the range of engine timestamps");
        }
    }

    private static Instant instant(final String t)
    {
        try
        {
            if (t.indexOf('T') < 0 && t.indexOf('t') < 0)
            {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        }
        catch (final DateTimeException e)
        {
            throw new IllegalArgumentException("'" + t + "' is not a time: expected " + ACCEPTED +
                " (a date and time needs Z or an offset)");
        }
    }

    private static boolean isInteger(final String t)
    {
        final int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length())
        {
            return false;
        }
        for (int i = start; i < t.length(); i++)
        {
            if (t.charAt(i) < '0' || t.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
