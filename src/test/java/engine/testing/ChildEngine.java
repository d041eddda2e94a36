package engine.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs the engine CLI in a child JVM with the flags every launcher
 * passes ({@code scripts/jvm.options}, plus the Unsafe switch on Java 23+) and the test
 * classpath: for tests that kill, restart or run a second process.
 */
public final class ChildEngine
{
    private ChildEngine()
    {
    }

    /** @param jvmOptions extra JVM options, then {@code engine.cli.Main} and {@code cliArgs} */
    public static List<String> command(final List<String> jvmOptions, final String... cliArgs)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Path.of("scripts", "jvm.options").toAbsolutePath());
        if (Runtime.version().feature() >= 23)
        {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("engine.cli.Main");
        command.addAll(List.of(cliArgs));
        return command;
    }
}
