package engine.cli;

import engine.format.TimeArgument;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A time option's value as an engine timestamp in milliseconds (the unit {@code serve} stamps
 * commands with): epoch milliseconds or ISO-8601; picocli names the option when it is neither.
 */
final class TimeOption implements ITypeConverter<Long>
{
    private static final long MILLIS = 1_000_000L;

    @Override
    public Long convert(final String value)
    {
        try
        {
            return TimeArgument.parse(value, MILLIS);
        }
        catch (final IllegalArgumentException e)
        {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
