package engine.cli;

import java.util.List;

/** Describes where two outputs first differ, with a little context, for readable failures. */
final class OutputDiff
{
    private OutputDiff()
    {
    }

    /** @return null when equal, else a description of the first difference. */
    static String firstDifference(final List<String> expected, final List<String> actual)
    {
        final int n = Math.min(expected.size(), actual.size());
        int at = 0;
        while (at < n && expected.get(at).equals(actual.get(at)))
        {
            at++;
        }
        if (at == n && expected.size() == actual.size())
        {
            return null;
        }
        final StringBuilder sb = new StringBuilder("first difference at line ").append(at + 1).append('\n');
        for (int i = Math.max(0, at - 5); i < at; i++)
        {
            sb.append("   ").append(expected.get(i)).append('\n');
        }
        for (int i = at; i < Math.min(expected.size(), at + 4); i++)
        {
            sb.append(" - ").append(expected.get(i)).append('\n');
        }
        for (int i = at; i < Math.min(actual.size(), at + 4); i++)
        {
            sb.append(" + ").append(actual.get(i)).append('\n');
        }
        return sb.toString();
    }
}
