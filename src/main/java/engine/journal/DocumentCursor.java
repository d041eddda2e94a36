package engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reading side of the document layout written by {@link EntryPacker}: copies one document out
 * of the queue and hands out its length-prefixed entries in order. It only frames entries; the
 * caller checks each one with {@link JournalCodec}. A document that cannot be framed (impossible
 * length, an entry running past its end) yields {@link #BAD} and nothing more of it.
 */
final class DocumentCursor
{
    /** {@link #next} result: the document has no more entries. */
    static final int END = -1;
    /** {@link #next} result: the next entry cannot be framed; see {@link #problem()}. */
    static final int BAD = -2;
    private final byte[] document = new byte[EntryPacker.MAX_DOCUMENT];
    private int length;
    private int position;
    private int entry = -1;
    private long index = -1;
    private String problem;

    /** Forgets the current document, before reading from a new position. */
    void reset()
    {
        length = 0;
        position = 0;
        entry = -1;
        index = -1;
    }

    /** Copies the tailer's next document; false at the end of the queue (the current one stays). */
    boolean load(final ExcerptTailer tailer)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            index = dc.index();
            length = (int)Math.min(remaining, Integer.MAX_VALUE);
            position = 0;
            entry = -1;
            if (remaining <= document.length)
            {
                bytes.read(document, 0, length);
            }
            return true;
        }
    }

    /**
     * Copies the next entry of the document into {@code into} (at least {@link JournalCodec#MAX_LENGTH} long).
     *
     * @return the entry's length, {@link #END} or {@link #BAD}
     */
    int next(final byte[] into)
    {
        if (position >= length)
        {
            if (length == 0 && index >= 0 && entry < 0)
            {
                entry = 0;
                return bad("the document is empty");
            }
            return END;
        }
        entry++;
        if (length > document.length)
        {
            return bad("document length " + length + " exceeds " + document.length);
        }
        final int entryLength = document[position] & 0xFF;
        if (entryLength == 0 || entryLength > JournalCodec.MAX_LENGTH)
        {
            return bad("entry length " + entryLength + " is impossible");
        }
        if (position + 1 + entryLength > length)
        {
            return bad("entry length " + entryLength + " runs past the end of the document (" +
                (length - position - 1) + " bytes left)");
        }
        System.arraycopy(document, position + 1, into, 0, entryLength);
        position += 1 + entryLength;
        return entryLength;
    }

    /** Whatever follows a bad entry cannot be framed: the rest of the document is given up. */
    private int bad(final String why)
    {
        problem = why;
        position = length;
        return BAD;
    }

    /** Queue index of the current document, -1 before any. */
    long index()
    {
        return index;
    }

    /** Number (from 0) within its document of the entry last returned by {@link #next}. */
    int entry()
    {
        return entry;
    }

    String problem()
    {
        return problem;
    }
}
