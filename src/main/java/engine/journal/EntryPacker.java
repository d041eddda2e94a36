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
 * <p>Nothing is visible to readers until {@link #publish()}: Chronicle writes the document's
 * header last. One instance per appender (and thread); no allocation per entry.
 */
final class EntryPacker
{
    /** Entries per document at most, so that a document stays small. */
    static final int MAX_ENTRIES = 256;
    /** The longest document this layout can produce; readers refuse longer ones. */
    static final int MAX_DOCUMENT = MAX_ENTRIES * (1 + JournalCodec.MAX_LENGTH);
    private final ExcerptAppender appender;
    private DocumentContext document;
    private Bytes<?> bytes;
    private int entries;

    EntryPacker(final ExcerptAppender appender)
    {
        this.appender = appender;
    }

    /** Appends {@code entry[0, length)} to the open document, opening one if none is. */
    void add(final byte[] entry, final int length)
    {
        if (document == null)
        {
            document = appender.writingDocument();
            bytes = document.wire().bytes();
        }
        bytes.writeUnsignedByte(length);
        bytes.write(entry, 0, length);
        entries++;
    }

    /** True when the open document holds {@link #MAX_ENTRIES} entries and must be published. */
    boolean full()
    {
        return entries == MAX_ENTRIES;
    }

    /** Closes the open document, making its entries visible; does nothing when none is open. */
    void publish()
    {
        if (document != null)
        {
            final DocumentContext closing = document;
            document = null;
            bytes = null;
            entries = 0;
            closing.close();
        }
    }
}
