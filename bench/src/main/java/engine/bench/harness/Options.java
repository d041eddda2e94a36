package engine.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs from the command line, with typed getters and defaults. */
final class Options
{
    private final Map<String, String> values = new LinkedHashMap<>();

    Options(final String[] args, final int from)
    {
        for (int i = from; i < args.length; i++)
        {
            final String arg = args[i];
            if (!arg.startsWith("--"))
            {
                throw new IllegalArgumentException("expected --option, got '" + arg + "'");
            }
            final int eq = arg.indexOf('=');
            if (eq > 0)
            {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            else if (i + 1 < args.length && !args[i + 1].startsWith("--"))
            {
                values.put(arg.substring(2), args[++i]);
            }
            else
            {
                values.put(arg.substring(2), "true");
            }
        }
    }

    String get(final String name, final String fallback)
    {
        return values.getOrDefault(name, fallback);
    }

    long getLong(final String name, final long fallback)
    {
        final String v = values.get(name);
        return v == null ? fallback : parseCount(v);
    }

    int getInt(final String name, final int fallback)
    {
        return Math.toIntExact(getLong(name, fallback));
    }

    List<String> getList(final String name, final String fallback)
    {
        final List<String> list = new ArrayList<>();
        for (final String part : get(name, fallback).split(","))
        {
            if (!part.isBlank())
            {
                list.add(part.trim());
            }
        }
        return list;
    }

    /** Accepts {@code 1000000}, {@code 1_000_000}, {@code 1000K}, {@code 1M}, {@code 2.5M}. */
    static long parseCount(final String text)
    {
        final String t = text.trim().replace("_", "").toUpperCase(java.util.Locale.ROOT);
        final char last = t.charAt(t.length() - 1);
        final double scale = last == 'K' ? 1e3 : last == 'M' ? 1e6 : last == 'G' ? 1e9 : 1;
        final String digits = scale == 1 ? t : t.substring(0, t.length() - 1);
        return Math.round(Double.parseDouble(digits) * scale);
    }

    /** Everything given, for the report header. */
    String echo()
    {
        final StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append("--").append(k).append(' ').append(v));
        return s.toString();
    }
}
