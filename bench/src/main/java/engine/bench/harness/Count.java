package engine.bench.harness;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** A count option: {@code 1000000}, {@code 1_000_000}, {@code 1000K}, {@code 1M}, {@code 2.5M}. */
final class Count implements ITypeConverter<Long>
{
    @Override
    public Long convert(final String text)
    {
        return parse(text);
    }

    static long parse(final String text)
    {
        final String t = text.trim().replace("_", "").toUpperCase(Locale.ROOT);
        final char last = t.charAt(t.length() - 1);
        final double scale = last == 'K' ? 1e3 : last == 'M' ? 1e6 : last == 'G' ? 1e9 : 1;
        final String digits = scale == 1 ? t : t.substring(0, t.length() - 1);
        return Math.round(Double.parseDouble(digits) * scale);
    }
}
