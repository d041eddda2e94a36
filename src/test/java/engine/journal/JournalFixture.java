package engine.journal;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.cli.CommandFileRunner;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/** Command files, journaled runs and byte surgery on journal files, for the journal tests. */
final class JournalFixture
{
    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private JournalFixture()
    {
    }

    static String workload(final long commands, final long seed)
    {
        final StringWriter text = new StringWriter();
        try
        {
            new WorkloadGenerator(WorkloadProfile.parse("realistic"), seed).write(commands, text);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The first {@code n} command lines of a command file (comments dropped). */
    static String firstCommands(final String file, final long n)
    {
        final StringBuilder out = new StringBuilder();
        long count = 0;
        for (final String line : file.split("\n"))
        {
            if (count == n)
            {
                break;
            }
            if (!line.isBlank() && !line.startsWith("#"))
            {
                out.append(line).append('\n');
                count++;
            }
        }
        return out.toString();
    }

    /** Runs a command file with {@code --dump}, journaling to {@code journal} unless null; returns stdout. */
    static String run(final String file, final Path journal, final Durability durability)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final JournalDirectory directory = journal == null ? null : JournalDirectory.of(journal);
        if (directory != null)
        {
            directory.settle(SelfTradePrevention.NONE);
        }
        try (JournalWriter writer = directory == null ? null : new JournalWriter(directory, durability,
            failure -> { throw new AssertionError("journal failed", failure); }))
        {
            CommandFileRunner.run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), out, QUIET,
                CommandFileRunner.Options.defaults(SelfTradePrevention.NONE).withDump(true), writer);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static String stateHashLine(final String runOutput)
    {
        final int at = runOutput.lastIndexOf("STATE_HASH,");
        return runOutput.substring(at).trim();
    }

    static String hashLine(final long hash)
    {
        return String.format("STATE_HASH,%016x", hash);
    }

    /**
     * Where each journal entry's codec bytes start in its file (after its length byte), the file,
     * and the index of the document holding it, in order. Whatever cannot be framed at the end
     * of a document counts as one more entry reaching to the document's end.
     */
    record EntryPosition(Path file, long offset, long index, long length)
    {
    }

    static List<EntryPosition> entryPositions(final Path journal)
    {
        final List<EntryPosition> positions = new ArrayList<>();
        try (SingleChronicleQueue queue = JournalDirectory.of(journal).openForReading();
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final Path file = tailer.currentFile().toPath();
                    while (bytes.readRemaining() > 0)
                    {
                        final long start = bytes.readPosition();
                        final int length = bytes.readUnsignedByte(start);
                        final boolean framed = length > 0 && 1 + length <= bytes.readRemaining();
                        positions.add(framed ? new EntryPosition(file, start + 1, dc.index(), length) :
                            new EntryPosition(file, start, dc.index(), bytes.readRemaining()));
                        bytes.readSkip(framed ? 1 + length : bytes.readRemaining());
                    }
                }
            }
        }
        return positions;
    }

    /** Every command of a journal, copied, in order. */
    static List<Command> commands(final JournalDirectory journal)
    {
        final List<Command> commands = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) ->
            {
                final Command copy = new Command();
                copy.copyFrom(command);
                commands.add(copy);
            });
        }
        return commands;
    }

    static void flipByte(final Path file, final long offset)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ 0x5A);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
