package engine.cli;

import engine.journal.JournalDirectory;
import engine.journal.JournalException;
import engine.journal.Recovery;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine replay --journal DIR [--until SEQ] [--dump]}: the state as of any sequence
 * number, rebuilt from the newest snapshot at or before it plus the journal. Read-only.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Rebuilds the state as of a sequence number from a journal directory (read-only)",
        "and prints its state hash, or with --dump the BOOK and BALANCE lines as run --dump does."})
final class ReplayCommand implements Callable<Integer>
{
    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "journal directory")
    private Path journal;

    @Option(names = "--until", paramLabel = "SEQ", description = "stop after this sequence number (default: the end)")
    private long until = Long.MAX_VALUE;

    @Option(names = "--dump", description = "print the book, balances and state hash")
    private boolean dump;

    @Option(names = "--no-snapshots", description = "replay the whole journal from the start, ignoring snapshots")
    private boolean noSnapshots;

    @Option(names = "--recover-to-last-good", description = "on corrupt data, stop at the last good entry instead of failing")
    private boolean salvage;

    @Override
    public Integer call() throws Exception
    {
        ChronicleLogging.quiet();
        final Recovery.Recovered state;
        final JournalDirectory directory = JournalDirectory.of(journal);
        if (!directory.hasJournal())
        {
            System.err.println("replay: no journal in " + directory.root() + " (expected " + directory.queueDir() + "/*.cq4)");
            return 1;
        }
        try
        {
            state = Recovery.recover(directory, Recovery.Options.defaults(System.err).until(until)
                .snapshots(!noSnapshots).salvage(salvage));
        }
        catch (final JournalException e)
        {
            System.err.println("replay: " + e.getMessage());
            return 1;
        }
        final OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        if (dump)
        {
            DumpWriter.write(state.logic(), out);
        }
        else
        {
            out.write(String.format("STATE_HASH,%016x%n", state.logic().stateHash()).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.flush();
        final double seconds = state.nanos() / 1e9;
        System.err.printf("replay: state as of seq %d: snapshot %s + %,d journal entries in %.3f s (%,.0f commands/s)%n",
            state.lastSeq(), state.snapshot() == null ? "none" : state.snapshot().getFileName(), state.replayed(), seconds,
            state.replayed() / Math.max(seconds, 1e-9));
        if (until != Long.MAX_VALUE && state.lastSeq() < until)
        {
            System.err.println("replay: note: the journal ends at seq " + state.lastSeq() + ", before " + until);
        }
        return state.corruption() != null ? 2 : 0;
    }
}
