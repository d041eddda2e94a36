package engine.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The two ways recovery may change a journal before new entries follow it. Both keep the
 * evidence: a torn entry stays in place with a {@code VOID} marker after it, and a journal cut
 * at a corrupt entry is moved aside whole, never deleted.
 */
public final class JournalRepair
{
    private JournalRepair()
    {
    }

    /** Appends a marker voiding the torn last entry at {@code tornIndex}, so later reads skip it knowingly. */
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
            final int length = codec.encodeVoid(lastSeq, tornIndex);
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(codec.array(), 0, length);
            }
            appender.sync();
        }
        log.println("journal: voided torn entry at index " + JournalReader.describeIndex(tornIndex));
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
            // Every snapshot goes: each names an entry by its index in the old queue, which the copy renumbers.
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
            reader.readAll(lastGoodSeq, true, log, (command, index) ->
            {
                final int length = codec.encode(command);
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(codec.array(), 0, length);
                }
                copied[0]++;
            });
            appender.sync();
        }
        log.println("journal: WARNING: kept " + copied[0] + " good entries (up to seq " + lastGoodSeq +
            "); the original journal is in " + aside);
        return aside;
    }
}
