package engine.cli;

import engine.api.SelfTradePrevention;
import engine.journal.Durability;
import engine.journal.JournalDirectory;
import engine.journal.JournalException;
import engine.journal.JournalWriter;
import java.nio.file.Path;

/** The journal of {@code run --journal DIR}: a new journal whose seqs are the file's command numbers. */
final class RunJournal
{
    private RunJournal()
    {
    }

    /** @return null when {@code dir} is null (no journal) */
    static JournalWriter open(final Path dir, final String durability, final SelfTradePrevention stp)
    {
        if (dir == null)
        {
            return null;
        }
        ChronicleLogging.quiet();
        final Durability mode = Durability.parse(durability);
        final JournalDirectory directory = JournalDirectory.of(dir);
        if (directory.hasJournal())
        {
            throw new JournalException("journal " + directory.root() + " already holds a journal; a file run starts a " +
                "new one (serve --data continues one)");
        }
        directory.settle(stp);
        return new JournalWriter(directory, mode, failure ->
        {
            // Fail-stop: the run's output would otherwise claim commands that are not in the journal.
            System.err.println("run: " + failure.getMessage() + "; stopping");
            Runtime.getRuntime().halt(1);
        });
    }
}
