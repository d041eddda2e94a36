package engine.bench.harness;

import engine.workload.WorkloadProfile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which commands a harness command runs: a generated workload file (made once, then reused) or {@code --file}. */
final class WorkloadOptions
{
    @Option(names = "--profile", defaultValue = "peer-mix", description = "workload profile (default ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--seed", defaultValue = "1", converter = Count.class, description = "workload seed (default 1)")
    long seed;

    @Option(names = "--commands", converter = Count.class, description = "timed commands, e.g. 3M (default per command)")
    Long commands;

    @Option(names = "--file", description = "a command file to run instead of a generated one")
    Path file;

    @Option(names = "--workloads", defaultValue = "bench/workloads",
        description = "where generated workload files are kept (default ${DEFAULT-VALUE})")
    Path workloads;

    /** Loads {@code --file}, or generates (once) and loads the profile's file of {@code --commands} or {@code defaultCommands}. */
    Workload load(final String defaultCommands) throws Exception
    {
        if (file != null)
        {
            return Workload.load(file);
        }
        return Workload.load(Workload.prepare(workloads, WorkloadProfile.parse(profile), seed,
            commands != null ? commands : Count.parse(defaultCommands)));
    }
}
