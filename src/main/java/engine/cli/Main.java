package engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code engine} command line. */
@Command(name = "engine", mixinStandardHelpOptions = true, version = "engine 0.1.0",
    description = "An LMAX-style trading engine: Disruptor rings, one business-logic thread, in-memory state.",
    subcommands = {RunCommand.class, GenCommand.class, DemoCommand.class, ProjectCommand.class,
        ReplayCommand.class, JournalCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main
{
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
