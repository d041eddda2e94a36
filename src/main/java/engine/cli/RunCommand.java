package engine.cli;

import engine.api.SelfTradePrevention;
import engine.core.WaitStrategyType;
import engine.journal.JournalException;
import engine.journal.JournalWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine run FILE}: a command file through the full pipeline, canonical output on stdout. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs a command file (COMMAND-FILE.md) through the engine and prints the canonical events.",
        "Malformed lines are reported on stderr and skipped (exit status 2 at the end)."})
final class RunCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "FILE", description = "the command file, or - for standard input")
    private String file;

    @Option(names = "--dump", description = "after the events, print the book, balances and state hash")
    private boolean dump;

    @Option(names = "--strict", description = "stop at the first malformed line")
    private boolean strict;

    @Option(names = "--stp", paramLabel = "MODE", defaultValue = "NONE",
        description = "self-trade prevention: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private SelfTradePrevention stp;

    @Option(names = "--wait", paramLabel = "STRATEGY", defaultValue = "BACKOFF",
        description = "ring wait strategy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private WaitStrategyType wait;

    @Option(names = "--journal", paramLabel = "DIR", description = "journal every command to DIR, a new journal directory")
    private java.nio.file.Path journal;

    @Option(names = "--durability", paramLabel = "MODE", defaultValue = "async",
        description = "with --journal: async (survives kill -9) or sync (forced to disk per batch; default ${DEFAULT-VALUE})")
    private String durability;

    @Override
    public Integer call() throws Exception
    {
        final CommandFileRunner.Options defaults = CommandFileRunner.Options.defaults(stp);
        final CommandFileRunner.Options options = new CommandFileRunner.Options(
            defaults.config().toBuilder().waitStrategy(wait).build(), dump, strict);
        final OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        final CommandFileRunner.Summary summary;
        try (InputStream in = open(file); JournalWriter writer = RunJournal.open(journal, durability, stp))
        {
            summary = CommandFileRunner.run(in, out, System.err, options, writer);
        }
        catch (final FileNotFoundException e)
        {
            System.err.println("run: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        catch (final JournalException | IllegalArgumentException e)
        {
            System.err.println("run: " + e.getMessage());
            return 1;
        }
        out.flush();
        System.err.println(summaryLine(summary));
        return summary.malformed() > 0 ? 2 : 0;
    }

    /** The run's last stderr line: counts, time, and what happened to malformed lines. */
    static String summaryLine(final CommandFileRunner.Summary summary)
    {
        final String malformed = summary.stoppedEarly() ? ", stopped at the first malformed line (--strict)" :
            summary.malformed() > 0 ? ", " + summary.malformed() + " malformed line(s) skipped" : "";
        return String.format("run: %,d commands, %,d events in %.3f s (%,.0f commands/s)%s", summary.commands(),
            summary.events(), summary.nanos() / 1e9, summary.commandsPerSecond(), malformed);
    }

    private static InputStream open(final String file) throws FileNotFoundException
    {
        return "-".equals(file) ? System.in : new FileInputStream(file);
    }
}
