package engine.cli;

import engine.api.CommandType;
import engine.format.CommandFileWriter;
import engine.journal.DirectoryLock;
import engine.journal.JournalDirectory;
import engine.journal.JournalException;
import engine.journal.JournalReader;
import engine.journal.Recovery;
import engine.journal.SnapshotStore;
import engine.server.EventStoreCatchUp;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code engine journal cat|snapshot|rebuild-events DIR}: audit and maintenance of a journal directory. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Reads and maintains a journal directory.",
    subcommands = {JournalCommand.Cat.class, JournalCommand.Snapshot.class, JournalCommand.RebuildEvents.class})
final class JournalCommand
{
    /** The journaled commands as a command file; {@code run} on it gives the original events. */
    @Command(name = "cat", mixinStandardHelpOptions = true,
        description = "Prints the journaled commands (with their times) as a command file.")
    static final class Cat implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
        private Path dir;

        @Option(names = "--from", paramLabel = "SEQ", description = "first sequence number to print")
        private long from = 1;

        @Option(names = "--to", paramLabel = "SEQ", description = "last sequence number to print")
        private long to = Long.MAX_VALUE;

        @Option(names = "--from-time", paramLabel = "TIME", converter = TimeOption.class, description = {
            "print only commands stamped at or after TIME: epoch milliseconds, or ISO-8601",
            "(2026-12-02T12:00:00Z, 2026-12-02T13:00:00+01:00, 2026-12-02 for its start in UTC)"})
        private long fromTime = Long.MIN_VALUE;

        @Option(names = "--to-time", paramLabel = "TIME", converter = TimeOption.class,
            description = "print only commands stamped at or before TIME (as --from-time)")
        private long toTime = Long.MAX_VALUE;

        @Option(names = "--account", paramLabel = "ID", description = "print only this account's commands")
        private Long account;

        @Option(names = "--recover-to-last-good", description = "on corrupt data, stop at the last good entry")
        private boolean salvage;

        @Override
        public Integer call() throws IOException
        {
            if (toTime < fromTime)
            {
                throw new ParameterException(spec.commandLine(), "--to-time must not be before --from-time");
            }
            ChronicleLogging.quiet();
            final Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.US_ASCII), 1 << 16);
            final CommandFileWriter lines = new CommandFileWriter();
            lines.target(out);
            final JournalReader.Result result;
            try (JournalReader reader = JournalReader.open(JournalDirectory.of(dir)))
            {
                result = reader.readAll(to, salvage, System.err, (command, index) ->
                {
                    if (command.seq() >= from && command.timestamp() >= fromTime && command.timestamp() <= toTime &&
                        ofAccount(command))
                    {
                        try
                        {
                            lines.command(command).end();
                        }
                        catch (final IOException e)
                        {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
            catch (final JournalException e)
            {
                lines.flush();
                out.flush();
                System.err.println("journal cat: " + e.getMessage());
                return 1;
            }
            lines.flush();
            out.flush();
            System.err.println("journal cat: " + result.entries() + " entries read, last seq " + result.lastSeq());
            return result.corruption() != null ? 2 : 0;
        }

        /** Whether {@code --account} lets {@code command} through (SYMBOL and TICK belong to no account). */
        private boolean ofAccount(final engine.api.Command command)
        {
            return account == null || command.type() != CommandType.SYMBOL && command.type() != CommandType.TICK &&
                command.account() == account;
        }
    }

    /** Replays the journal and writes a snapshot of its end: compaction offline, and a measure of snapshot cost. */
    @Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Rebuilds the state at the end of the journal and writes a snapshot of it.")
    static final class Snapshot implements Callable<Integer>
    {
        @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
        private Path dir;

        @Override
        public Integer call()
        {
            ChronicleLogging.quiet();
            final JournalDirectory directory = JournalDirectory.of(dir);
            try (DirectoryLock owner = DirectoryLock.acquire(directory.root(), "journal snapshot"))
            {
                final Recovery.Recovered state = Recovery.recover(directory, Recovery.Options.defaults(System.err)
                    .sizes(1 << 20, 1 << 12));
                final long started = System.nanoTime();
                final SnapshotStore.Image image = SnapshotStore.capture(state.logic(), state.lastIndex());
                final long captured = System.nanoTime();
                final Path file = new SnapshotStore(directory).write(image);
                final long written = System.nanoTime();
                System.err.printf("journal snapshot: seq %d, %,d open orders, %,d bytes: copy %.1f ms, write+fsync %.1f ms -> %s%n",
                    state.lastSeq(), state.logic().openOrderCount(), image.size(), (captured - started) / 1e6,
                    (written - captured) / 1e6, file);
                return 0;
            }
            catch (final JournalException e)
            {
                System.err.println("journal snapshot: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Regenerates the event store from the journal, the source of truth (serve catches it up at every start). */
    @Command(name = "rebuild-events", mixinStandardHelpOptions = true,
        description = {"Regenerates DIR/events from the journal: moves the store aside (DIR/events.old-<millis>) and",
            "replays the whole journal into a new one, or with --catch-up only appends what the store lacks.",
            "Stop the engine first."})
    static final class RebuildEvents implements Callable<Integer>
    {
        @Parameters(index = "0", paramLabel = "DIR", description = "data directory (journal, snapshots, events)")
        private Path dir;

        @Option(names = "--catch-up", description = "keep the store and regenerate only the commands after its end")
        private boolean catchUp;

        @Override
        public Integer call()
        {
            ChronicleLogging.quiet();
            final JournalDirectory directory = JournalDirectory.of(dir);
            try
            {
                final Recovery.Options options = Recovery.Options.defaults(System.err).sizes(1 << 20, 1 << 12);
                final long lastSeq = Recovery.recover(directory, options).lastSeq();
                final EventStoreCatchUp.Result result = catchUp ? EventStoreCatchUp.catchUp(directory, lastSeq, options) :
                    EventStoreCatchUp.rebuild(directory, lastSeq, options);
                System.err.printf("journal rebuild-events: %s now ends at seq %d (%d commands regenerated in %.3f s)%n",
                    EventStoreCatchUp.eventsDir(directory), result.lastSeq(), result.regenerated(), result.nanos() / 1e9);
                return 0;
            }
            catch (final JournalException | IllegalStateException | java.io.UncheckedIOException e)
            {
                System.err.println("journal rebuild-events: " + e.getMessage());
                return 1;
            }
        }
    }
}
