package engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Writing side of the document layout: packs encoded entries into Chronicle documents, each
 * entry as {@code u8 length} followed by its {@link JournalCodec} bytes, at most
 * {@link #MAX_ENTRIES} to a document. Chronicle's per-document work (write lock, header,
 * index) is what a journal write costs, so paying it once per batch instead of once per
 * command is the point; the cap keeps a document small enough to copy and check cheaply.
 *
 * <p>Entries are staged in memory and the document is written whole by {@link #publish()}
 * (Chronicle writes its header last, so nothing is visible to readers before). A publish that
 * fails (disk full, I/O error) is rolled back and keeps the staged entries, so it can be
 * retried: the retry writes the same bytes at the same place. One instance per appender (and
 * thread); no allocation per entry.
 */
final class EntryPacker
{
    /** Entries per document at most, so that a document stays small. */
    static final int MAX_ENTRIES = 256;
    /** The longest document this layout can produce; readers refuse longer ones. */
    static final int MAX_DOCUMENT = MAX_ENTRIES * (1 + JournalCodec.MAX_LENGTH);
    private final byte[] staged = new byte[MAX_DOCUMENT];
    private ExcerptAppender appender;
    private int length;
    private int entries;

    EntryPacker(final ExcerptAppender appender)
    {
        this.appender = appender;
    }

    /** Writes to {@code value} from the next publish on (after a failed write, a fresh appender). */
    void appender(final ExcerptAppender value)
    {
        appender = value;
    }

    /** Stages {@code entry[0, length)} for the next document. */
    void add(final byte[] entry, final int entryLength)
    {
        staged[length] = (byte)entryLength;
        System.arraycopy(entry, 0, staged, length + 1, entryLength);
        length += 1 + entryLength;
        entries++;
    }

    /** True when {@link #MAX_ENTRIES} entries are staged and must be published. */
    boolean full()
    {
        return entries == MAX_ENTRIES;
    }

    /** Forgets the staged entries: a publish reported as failed had written them all the same. */
    void discard()
    {
        length = 0;
        entries = 0;
    }

    /**
     * Writes the staged entries as one document, making them visible; does nothing when none
     * are staged. When the write fails the document is rolled back (never published) and the
     * entries stay staged for a retry.
     */
    void publish()
    {
        if (entries == 0)
        {
            return;
        }
        final DocumentContext document = appender.writingDocument();
        boolean written = false;
        try
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.write(staged, 0, length);
            written = true;
        }
        finally
        {
            if (!written)
            {
                document.rollbackOnClose();
            }
            document.close();
        }
        length = 0;
        entries = 0;
    }
}
