package engine.testing;

import engine.api.Command;
import engine.format.CommandFileParser;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Commands of a generated workload, parsed and numbered from seq 1: for tests that drive the business logic. */
public final class GeneratedCommands
{
    private GeneratedCommands()
    {
    }

    /** {@code count} commands of {@code profile} with seed 7, its default symbols and at most 2,000 accounts. */
    public static Command[] of(final WorkloadProfile profile, final int count) throws Exception
    {
        return of(new WorkloadGenerator(profile, 7, profile.defaultSymbols(), Math.min(profile.defaultAccounts(), 2_000)), count);
    }

    /** The next {@code count} commands of {@code generator} (as configured: sizes, saga steps). */
    public static Command[] of(final WorkloadGenerator generator, final int count) throws Exception
    {
        final StringWriter text = new StringWriter();
        generator.write(count, text);
        final CommandFileParser parser = new CommandFileParser();
        final List<Command> parsed = new ArrayList<>(count);
        for (final String line : text.toString().split("\n"))
        {
            final Command command = new Command();
            if (parser.parse(line, command) == CommandFileParser.Outcome.COMMAND)
            {
                parsed.add(command.seq(parsed.size() + 1));
            }
        }
        return parsed.toArray(new Command[0]);
    }
}
