package engine.journal;

import java.io.IOException;
import java.io.PrintStream;
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
        try (SingleChronicleQueue queue = directory.openForWriting(Durability.SYNC);
            ExcerptAppender appender = queue.createAppender())
        {
            if (queue.lastIndex() < tornIndex)
            {
                // The write never published its header: the next append overwrites it, nothing to void.
                return;
            }
            final EntryPacker packer = new EntryPacker(appender);
            packer.add(codec.array(), codec.encodeVoid(lastSeq, tornIndex));
            packer.publish();
            appender.sync();
        }
        log.println("journal: voided torn document at index " + JournalReader.describeIndex(tornIndex) + " after seq " +
            lastSeq);
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
        final long[] copied = new long[1];
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
            });
            packer.publish();
            appender.sync();
        }
        log.println("journal: WARNING: kept " + copied[0] + " good entries (up to seq " + lastGoodSeq +
            "); the original journal is in " + aside);
        return aside;
    }
}
