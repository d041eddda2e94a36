package engine.bench.harness;

import engine.api.Command;
import engine.api.CommandType;
import engine.format.CommandFileParser;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command file parsed ahead of time, so that parsing is never measured. {@code setup} is everything
 * before the generator's {@code # ... order flow} marker (symbols, deposits, the pre-filled book) and
 * is applied untimed; {@code flow} is what the benchmarks time. A file without the marker is split
 * after its leading SYMBOL and DEPOSIT commands.
 */
public record Workload(Path file, Command[] setup, Command[] flow)
{
    /** The prepared file for a profile, seed and size, generated once under {@code dir} and then reused. */
    public static Path prepare(final Path dir, final WorkloadProfile profile, final long seed, final long commands)
        throws IOException
    {
        Files.createDirectories(dir);
        final Path file = dir.resolve(profile.cliName() + "-seed" + seed + "-" + commands + ".txt");
        if (!Files.exists(file))
        {
            final Path partial = dir.resolve(file.getFileName() + ".partial");
            final long started = System.nanoTime();
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.US_ASCII), 1 << 16))
            {
                new WorkloadGenerator(profile, seed).write(commands, out);
            }
            Files.move(partial, file);
            System.err.printf("bench: generated %s in %.1f s%n", file, (System.nanoTime() - started) / 1e9);
        }
        return file;
    }

    public static Workload load(final Path file) throws IOException
    {
        final long started = System.nanoTime();
        final List<Command> setup = new ArrayList<>();
        final List<Command> flow = new ArrayList<>(1 << 20);
        final CommandFileParser parser = new CommandFileParser();
        boolean marker = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null)
            {
                lineNumber++;
                if (line.startsWith("#") && line.endsWith("order flow"))
                {
                    marker = true;
                    continue;
                }
                final Command command = new Command();
                final CommandFileParser.Outcome outcome = parser.parse(line, command);
                if (outcome == CommandFileParser.Outcome.MALFORMED)
                {
                    throw new IOException(file + ":" + lineNumber + ": " + parser.error());
                }
                if (outcome == CommandFileParser.Outcome.COMMAND)
                {
                    (marker ? flow : setup).add(command);
                }
            }
        }
        if (!marker)
        {
            int split = 0;
            while (split < setup.size() && (setup.get(split).type() == CommandType.SYMBOL ||
                setup.get(split).type() == CommandType.DEPOSIT))
            {
                split++;
            }
            flow.addAll(setup.subList(split, setup.size()));
            setup.subList(split, setup.size()).clear();
        }
        final Workload w = new Workload(file, setup.toArray(new Command[0]), flow.toArray(new Command[0]));
        System.err.printf("bench: loaded %s: %,d setup + %,d timed commands in %.1f s%n", file.getFileName(),
            w.setup.length, w.flow.length, (System.nanoTime() - started) / 1e9);
        return w;
    }

    /** Counts of the timed commands by type, for the report. */
    public String mix()
    {
        final long[] counts = new long[CommandType.values().length];
        for (final Command c : flow)
        {
            counts[c.type().ordinal()]++;
        }
        final StringBuilder s = new StringBuilder();
        for (final CommandType t : CommandType.values())
        {
            if (counts[t.ordinal()] > 0)
            {
                s.append(s.length() == 0 ? "" : ", ").append(t).append(' ')
                    .append(String.format("%.1f%%", 100.0 * counts[t.ordinal()] / flow.length));
            }
        }
        return s.toString();
    }
}
