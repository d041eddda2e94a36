package engine.workload;

import engine.reference.ReferenceEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * What a generated workload does to an engine, read off the reference engine's canonical events:
 * the generator claims its cancels and amends aim at open orders, its ids are never reused while
 * open, its sellers hold the base asset and its trade count is predicted. Written apart from the
 * generator's own mirror ({@code ShadowBook}), so a shared mistake cannot hide.
 */
final class WorkloadAudit
{
    long unknownTargets;
    long reusedIds;
    long trades;
    long sellsWithoutFunds;
    long invalidAmends;

    /** Runs {@code commandLines} (comments and blanks already removed) through the reference engine. */
    static WorkloadAudit of(final List<String> commandLines)
    {
        final WorkloadAudit audit = new WorkloadAudit();
        // The reference numbers every well-formed line; a generated file has no malformed ones.
        final List<String> commands = new ArrayList<>(commandLines);
        final ReferenceEngine reference = new ReferenceEngine();
        final List<String> events = reference.run(commands);
        if (reference.malformedCount() > 0)
        {
            throw new AssertionError("generated lines the reference refuses: " + reference.malformedReports());
        }
        for (final String event : events)
        {
            final String[] f = event.split(",", -1);
            if (f[1].equals("TRADE"))
            {
                audit.trades++;
            }
            else if (f[1].equals("REJECTED"))
            {
                audit.countReject(commands.get(Integer.parseInt(f[0]) - 1).split(",", -1), f[3]);
            }
        }
        return audit;
    }

    private void countReject(final String[] command, final String reason)
    {
        final String type = command[0];
        switch (reason)
        {
            case "UNKNOWN_ORDER" -> unknownTargets++;
            case "DUPLICATE_ORDER_ID" -> reusedIds++;
            case "INVALID_QTY", "INVALID_PRICE" ->
            {
                if (type.equals("AMEND"))
                {
                    invalidAmends++;
                }
            }
            case "INSUFFICIENT_FUNDS" ->
            {
                if (type.equals("PLACE") && command[5].equals("SELL"))
                {
                    sellsWithoutFunds++;
                }
            }
            default ->
            {
            }
        }
    }
}
