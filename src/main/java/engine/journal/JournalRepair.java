package engine.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The two ways recovery may change a journal before new entries follow it. Both keep the
 * evidence: a torn document stays in place with a {@code VOID} marker after it, and a journal
 * cut at a corrupt entry is moved aside whole, never deleted. Both write the same document
 * layout as the journal stage ({@link EntryPacker}).
 */
public final class JournalRepair
{
    private JournalRepair()
    {
    }

    /**
     * Appends a marker (in a document of its own) voiding the rest of the torn last document at
     * {@code tornIndex}, from the entry after {@code lastSeq} on, so later reads skip it knowingly.
     */
    public static void voidTornEntry(final JournalDirectory directory, final long tornIndex, final long lastSeq,
        final PrintStream log)
    {
        final JournalCodec codec = new JournalCodec();
        try (SingleChronicleQueue queue = directory.openForWriting(Durability.SYNC))
        {
            if (queue.lastIndex() < tornIndex)
            {
                // The write never published its header: nothing to void, but its bytes must go (below).
                queue.close();
                clearInterruptedWrite(directory, log);
                return;
            }
            try (ExcerptAppender appender = queue.createAppender())
            {
                final EntryPacker packer = new EntryPacker(appender);
                packer.add(codec.array(), codec.encodeVoid(lastSeq, tornIndex));
                packer.publish();
                appender.sync();
            }
        }
        log.println("journal: voided torn document at index " + JournalReader.describeIndex(tornIndex) + " after seq " +
            lastSeq);
    }

    /**
     * Copies the bytes an interrupted write left after the newest file's last document to
     * {@code DIR/torn-<cycle>-<offset>-<millis>.bin}, then zeroes them in the file: a shorter
     * document written there later would otherwise leave some of them behind it, where they
     * would read as damage.
     */
    static void clearInterruptedWrite(final JournalDirectory directory, final PrintStream log)
    {
        final CycleFileScan.Result torn = JournalFiles.check(directory).torn();
        if (torn == null)
        {
            return;
        }
        final int length = (int)(torn.tornTo() - torn.tornFrom());
        final Path aside = directory.root().resolve("torn-" + torn.cycle() + "-" + torn.tornFrom() + "-" +
            System.currentTimeMillis() + ".bin");
        try (FileChannel channel = FileChannel.open(torn.file(), StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining() && channel.read(bytes, torn.tornFrom() + bytes.position()) > 0)
            {
                // A positional read may return less than asked.
            }
            Files.write(aside, bytes.array());
            final ByteBuffer zeros = ByteBuffer.allocate(length);
            while (zeros.hasRemaining())
            {
                channel.write(zeros, torn.tornFrom() + zeros.position());
            }
            channel.force(true);
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot clear the interrupted write at byte " + torn.tornFrom() + " of " +
                torn.file() + ": " + e, e);
        }
        log.println("journal: moved the " + length + " bytes of the interrupted write at byte " + torn.tornFrom() + " of " +
            torn.file() + " to " + aside);
    }

    /**
     * Moves the journal and its snapshots to {@code DIR/corrupt-<millis>/}
     * and writes a new journal holding the good entries up to {@code lastGoodSeq}.
     *
     * @return the directory holding the moved-aside originals
     */
    public static Path cutAtLastGood(final JournalDirectory directory, final long lastGoodSeq, final PrintStream log)
    {
        final Path aside = directory.root().resolve("corrupt-" + System.currentTimeMillis());
        final JournalDirectory old = JournalDirectory.of(aside);
        try
        {
            Files.createDirectories(old.snapshotDir());
            Files.move(directory.queueDir(), old.queueDir());
            final Path mark = directory.root().resolve(JournalMark.FILE_NAME);
            if (Files.exists(mark))
            {
                Files.move(mark, aside.resolve(JournalMark.FILE_NAME));
            }
            // Every snapshot goes: each names a document by its index in the old queue, which the copy renumbers.
            for (final SnapshotStore.Entry entry : new SnapshotStore(directory).list())
            {
                Files.move(entry.file(), old.snapshotDir().resolve(entry.file().getFileName()));
            }
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot move the corrupt journal aside to " + aside + ": " + e, e);
        }
        final JournalCodec codec = new JournalCodec();
        final long[] copied = new long[2]; // entries, last seq
        try (JournalReader reader = JournalReader.open(old);
            SingleChronicleQueue queue = directory.openForWriting(Durability.SYNC);
            ExcerptAppender appender = queue.createAppender())
        {
            final EntryPacker packer = new EntryPacker(appender);
            reader.readAll(lastGoodSeq, true, log, (command, index) ->
            {
                packer.add(codec.array(), codec.encode(command));
                if (packer.full())
                {
                    packer.publish();
                }
                copied[0]++;
                copied[1] = command.seq();
            });
            packer.publish();
            appender.sync();
            if (copied[0] > 0)
            {
                // The journal now ends here on purpose: the mark (moved aside with the rest) must say so.
                JournalMark.write(directory, copied[1], appender.lastIndexAppended(), "salvage");
            }
        }
        log.println("journal: WARNING: kept " + copied[0] + " good entries (up to seq " + copied[1] +
            "); the original journal is in " + aside);
        return aside;
    }
}
