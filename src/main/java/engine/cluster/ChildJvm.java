package engine.cluster;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the engine CLI in another JVM like this one (same java, flags and classpath). */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    static List<String> command(final String heap, final String... cliArgs)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent"))
            {
                command.add(arg);
            }
        }
        command.add(heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("engine.cli.Main");
        command.addAll(List.of(cliArgs));
        return command;
    }
}
