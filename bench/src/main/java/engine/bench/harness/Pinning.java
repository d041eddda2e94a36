package engine.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pins pipeline threads to CPUs with {@code taskset -p}, found by their Linux thread names
 * ({@code /proc/self/task/TID/comm}, which the JVM sets from the Java name, cut to 15 characters).
 * Spec: {@code blp=1,journal=0,result=0,producer=0}; each value is a taskset CPU list. Roles:
 * {@code blp} (first {@code engine-ingress} thread), {@code journal} (the second), {@code result}
 * ({@code engine-output-1}), {@code producer} (the harness thread that submits, pinned by itself).
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
            if (kv.length != 2 || !List.of("blp", "journal", "result", "producer").contains(kv[0].trim()))
            {
                throw new IllegalArgumentException("bad --pin entry '" + part + "' (roles: blp, journal, result, producer)");
            }
            roles.put(kv[0].trim(), kv[1].trim());
        }
        return roles;
    }

    /** Pins the engine's threads (every role but {@code producer}). */
    static void apply(final String spec, final boolean journal)
    {
        final Map<String, String> roles = parse(spec);
        if (!journal)
        {
            roles.remove("journal");
        }
        final int wanted = roles.containsKey("journal") ? 2 : 1;
        List<Long> ingress = threadsNamed("engine-ingress-");
        List<Long> output = threadsNamed("engine-output-1");
        // A thread takes its Linux name only once it runs; give fresh threads a moment.
        for (int tries = 0; tries < 200 && (ingress.size() < wanted || output.isEmpty()); tries++)
        {
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                break;
            }
            ingress = threadsNamed("engine-ingress-");
            output = threadsNamed("engine-output-1");
        }
        pin(roles.get("blp"), ingress.isEmpty() ? -1 : ingress.get(0), "blp");
        pin(roles.get("journal"), ingress.size() < 2 ? -1 : ingress.get(1), "journal");
        pin(roles.get("result"), output.isEmpty() ? -1 : output.get(0), "result");
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

    /** Thread ids whose name starts with {@code prefix}, oldest (lowest id) first. */
    private static List<Long> threadsNamed(final String prefix)
    {
        final List<Long> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                try
                {
                    if (Files.readString(task.resolve("comm")).trim().startsWith(prefix))
                    {
                        tids.add(Long.parseLong(task.getFileName().toString()));
                    }
                }
                catch (final IOException ignored)
                {
                    // The thread ended while we looked.
                }
            }
        }
        catch (final IOException e)
        {
            System.err.println("bench: cannot list threads: " + e);
        }
        tids.sort(null);
        return tids;
    }
}
