package engine.bench.harness;

import engine.app.CpuAffinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pins pipeline threads to CPUs. Spec: {@code blp=1,io=0,producer=0}; each value is one CPU.
 * The engine pins its own threads ({@code engine.app.CpuAffinity}: roles {@code blp}, {@code io},
 * {@code output}; {@code journal} and {@code result} are accepted as older names of {@code io},
 * whose thread now does both); {@code producer} is the harness thread that submits, pinned by
 * itself with {@code taskset}.
 */
final class Pinning
{
    private Pinning()
    {
    }

    static Map<String, String> parse(final String spec)
    {
        final Map<String, String> roles = new LinkedHashMap<>();
        for (final String part : spec.split(","))
        {
            if (part.isBlank())
            {
                continue;
            }
            final String[] kv = part.split("=", 2);
            final String role = kv.length != 2 ? "" : kv[0].trim();
            if (!List.of("blp", "io", "journal", "result", "output", "producer").contains(role))
            {
                throw new IllegalArgumentException("bad --pin entry '" + part + "' (roles: blp, io, output, producer)");
            }
            roles.put(role.equals("journal") || role.equals("result") ? "io" : role, kv[1].trim());
        }
        return roles;
    }

    /** The engine's share of the spec, in the form {@code EngineConfig.affinity} takes. */
    static Map<String, Integer> engineAffinity(final String spec)
    {
        final StringBuilder engine = new StringBuilder();
        parse(spec).forEach((role, cpu) ->
        {
            if (!role.equals("producer"))
            {
                engine.append(engine.length() == 0 ? "" : ",").append(role).append('=').append(cpu);
            }
        });
        return CpuAffinity.parse(engine.toString());
    }

    /** Pins the calling thread if the spec names the {@code producer} role. */
    static void pinProducer(final String spec)
    {
        final String cpus = parse(spec).get("producer");
        if (cpus == null)
        {
            return;
        }
        try
        {
            final String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            pin(cpus, Long.parseLong(self.substring(self.lastIndexOf('/') + 1)), "producer");
        }
        catch (final IOException | RuntimeException e)
        {
            System.err.println("bench: cannot pin producer: " + e);
        }
    }

    private static void pin(final String cpus, final long tid, final String role)
    {
        if (cpus == null)
        {
            return;
        }
        if (tid < 0)
        {
            System.err.println("bench: no thread for role " + role + ", not pinned");
            return;
        }
        try
        {
            final Process p = new ProcessBuilder("taskset", "-p", "-c", cpus, Long.toString(tid))
                .redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0)
            {
                System.err.println("bench: taskset failed for " + role + ": " + out);
            }
        }
        catch (final IOException e)
        {
            System.err.println("bench: cannot run taskset: " + e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
