package engine.cli;

import engine.cluster.ClusterCommand;
import engine.cluster.ClusterDemoCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The {@code engine} command line. */
@Command(name = "engine", mixinStandardHelpOptions = true, version = "engine 0.1.0",
    description = "An LMAX-style trading engine: Disruptor rings, one business-logic thread, in-memory state.",
    subcommands = {RunCommand.class, GenCommand.class, DemoCommand.class, ProjectCommand.class,
        ReplayCommand.class, JournalCommand.class, ServeCommand.class, ClusterCommand.class, ClusterDemoCommand.class,
        CommandLine.HelpCommand.class})
public final class Main
{
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its execution rule: picocli lets {@code --help} win over arguments it
     * could not match, so {@code engine nosuchcommand --help} would print the top-level help and
     * exit 0; here any unmatched argument is an error (exit 2) naming it, help or not.
     */
    static CommandLine commandLine()
    {
        final CommandLine cli = new CommandLine(new Main());
        final CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parseResult ->
        {
            refuseUnmatched(parseResult);
            return run.execute(parseResult);
        });
        return cli;
    }

    private static void refuseUnmatched(final ParseResult top)
    {
        for (ParseResult result = top; result != null; result = result.subcommand())
        {
            final List<String> unmatched = result.unmatched();
            if (unmatched.isEmpty())
            {
                continue;
            }
            final CommandLine cli = result.commandSpec().commandLine();
            final String first = unmatched.get(0);
            if (result == top && !first.startsWith("-"))
            {
                throw new CommandLine.ParameterException(cli, "unknown command '" + first + "' (commands: " +
                    String.join(", ", cli.getSubcommands().keySet()) + ")");
            }
            throw new CommandLine.UnmatchedArgumentException(cli, unmatched);
        }
    }
}
