package engine.app;

import java.util.HashMap;
import java.util.Map;
import net.openhft.affinity.Affinity;

/**
 * Pins engine threads to CPUs, for tuned deployments (isolated cores, spinning wait
 * strategies). Uses OpenHFT's affinity library, which Chronicle Queue already brings.
 */
public final class CpuAffinity
{
    private CpuAffinity()
    {
    }

    /** Pins the calling thread to {@code cpu}; a CPU the process may not use is reported, not fatal. */
    public static void pinCurrentThread(final int cpu)
    {
        try
        {
            Affinity.setAffinity(cpu);
        }
        catch (final RuntimeException e)
        {
            System.err.println("engine: could not pin " + Thread.currentThread().getName() + " to CPU " + cpu + ": " + e);
        }
    }

    /**
     * Parses {@code role=cpu,...}, roles {@code blp}, {@code io}, {@code output} (the threads of
     * {@code Engine.Builder.outputHandler}), into a map keyed by thread name.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Map<String, Integer> parse(final String spec)
    {
        final Map<String, Integer> byThread = new HashMap<>();
        if (spec == null || spec.isBlank())
        {
            return Map.of();
        }
        for (final String part : spec.split(","))
        {
            final String[] kv = part.trim().split("=", 2);
            final String thread = kv.length != 2 ? null : switch (kv[0].trim())
            {
                case "blp" -> Engine.BLP_THREAD;
                case "io" -> Engine.IO_THREAD;
                case "output" -> Engine.OUTPUT_THREAD;
                default -> null;
            };
            if (thread == null)
            {
                throw new IllegalArgumentException("bad --pin entry '" + part + "': expected role=cpu with role blp, io or output");
            }
            try
            {
                // Not checked against availableProcessors(): that counts the CPUs the calling thread
                // may use, and a pinned caller sees one. A CPU the engine cannot have is reported
                // when its thread starts.
                final int cpu = Integer.parseInt(kv[1].trim());
                if (cpu < 0)
                {
                    throw new IllegalArgumentException("bad --pin entry '" + part + "': CPU must not be negative");
                }
                byThread.put(thread, cpu);
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("bad --pin entry '" + part + "': CPU must be a number");
            }
        }
        return Map.copyOf(byThread);
    }
}
