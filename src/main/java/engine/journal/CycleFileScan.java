package engine.journal;

import engine.api.Command;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the document headers of one Chronicle Queue cycle file with plain reads (no memory
 * mapping, so a file cut short gives a clear answer, not a SIGBUS), to learn what the file
 * really holds before Chronicle reads it: how many data documents, where its data ends, and
 * whether anything readable lies beyond a header Chronicle would stop at.
 *
 * <p>Chronicle's layout: each document is a 4-byte little-endian header (bit 31: not complete,
 * bit 30: metadata, the rest: length) and its bytes, the next header at the following 4-byte
 * boundary; the file is preallocated and zero after the last document, or ends with the
 * end-of-data marker when the queue rolled to the next cycle. Data documents are numbered from
 * 0 in each cycle, which gives their queue index ({@code cycle << 32 | number}).
 *
 * <p>At a header that does not describe a document (zero, not complete, impossible length):
 * if the file is zero from there on, that is its end. If some bytes follow but no valid
 * document among them, and no more than one document's worth, a write was interrupted there
 * (a torn tail). If a valid document follows, or more data than one document, the journal is
 * damaged in the middle: Chronicle would stop there and silently drop what follows.
 */
final class CycleFileScan
{
    static final int NOT_COMPLETE = 0x8000_0000;
    static final int META_DATA = 0x4000_0000;
    static final int LENGTH_MASK = 0x3FFF_FFFF;
    static final int END_OF_DATA = NOT_COMPLETE | META_DATA;
    /** Metadata documents (Chronicle's index arrays) are about 32 KB; much more is not a header. */
    private static final int MAX_METADATA = 1 << 20;
    /** How far past a stopping header to look for a document that should not be there. */
    private static final int LOOK_AHEAD = 128 << 10;
    /** How far past the end to check that the file is zero. */
    private static final int ZERO_CHECK = 4 << 20;

    /**
     * What one file holds.
     *
     * @param documents data documents readable from the start of the file
     * @param end byte offset where the walk stopped (the next header's place)
     * @param firstSeq seq of the file's first command entry, -1 when unknown
     * @param lastSeq seq of the last command entry before {@code end}, -1 when unknown
     * @param tornFrom first byte of an interrupted write at the end, or -1
     * @param tornTo end (exclusive) of its bytes
     * @param damage why the file cannot be read to its end (truncated, or data beyond a bad header), or null
     * @param rolled true when the file ends with Chronicle's end-of-data marker
     */
    record Result(Path file, long cycle, long documents, long end, long firstSeq, long lastSeq, long tornFrom,
        long tornTo, String damage, boolean rolled)
    {
        /** Queue index of the file's document number {@code n}. */
        long index(final long n)
        {
            return cycle << 32 | n;
        }
    }

    private final FileChannel channel;
    private final Path file;
    private final long cycle;
    private final long size;
    private final ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private final JournalCodec codec = new JournalCodec();
    private final Command command = new Command();
    private long firstData = -1;
    private long lastData = -1;
    private int lastDataLength;
    private long firstSeq = -2;

    private CycleFileScan(final FileChannel channel, final Path file, final long cycle) throws IOException
    {
        this.channel = channel;
        this.file = file;
        this.cycle = cycle;
        this.size = channel.size();
    }

    static Result scan(final Path file, final long cycle)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            return new CycleFileScan(channel, file, cycle).walk();
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot read journal file " + file + ": " + e, e);
        }
    }

    private Result walk() throws IOException
    {
        long position = 0;
        long documents = 0;
        while (true)
        {
            if (position + 4 > size)
            {
                return damaged(documents, position, "it ends at byte " + size + ", where the header " +
                    "of the document after " + described(documents) + " should be: the file was cut short " +
                    "(Chronicle files are preallocated and never end right after their data)");
            }
            final int value = readInt(position);
            final int length = value & LENGTH_MASK;
            if (value == END_OF_DATA)
            {
                return new Result(file, cycle, documents, position, firstSeq(), lastSeq(), -1, -1, null, true);
            }
            final boolean plausible = (value & NOT_COMPLETE) == 0 && length > 0 &&
                length <= ((value & META_DATA) != 0 ? MAX_METADATA : EntryPacker.MAX_DOCUMENT);
            if (!plausible)
            {
                return stopped(value, documents, position);
            }
            if (position + 4 + length > size)
            {
                return damaged(documents, position, "it ends at byte " + size + ", inside " +
                    ((value & META_DATA) != 0 ? "a metadata document" : "document " + documents + " (index " +
                    JournalReader.describeIndex(cycle << 32 | documents) + ")") + ", which starts at byte " + position +
                    " and is " + length + " bytes long: the file was cut short");
            }
            if ((value & META_DATA) == 0)
            {
                firstData = firstData < 0 ? position : firstData;
                lastData = position;
                lastDataLength = length;
                documents++;
            }
            position = (position + 4 + length + 3) & ~3L;
        }
    }

    /** The walk met a header that describes no document: the end, a torn tail, or damage. */
    private Result stopped(final int value, final long documents, final long position) throws IOException
    {
        final long firstSeq = firstSeq();
        final long lastSeq = lastSeq();
        final long lastNonZero = lastNonZero(position, Math.min(size, position + ZERO_CHECK));
        if (lastNonZero < 0)
        {
            return new Result(file, cycle, documents, position, firstSeq, lastSeq, -1, -1, null, false);
        }
        final long follower = validDocumentAfter(position);
        final String at = "the header at byte " + position + ", where document " + documents + " (index " +
            JournalReader.describeIndex(cycle << 32 | documents) + ") after " + seqText(lastSeq) + " should start, reads 0x" +
            Integer.toHexString(value);
        if (follower >= 0)
        {
            return damaged(documents, position, at + ", yet a valid document follows at byte " +
                follower + ": the journal is damaged in the middle, not torn at its end");
        }
        if (lastNonZero >= position + 4 + EntryPacker.MAX_DOCUMENT)
        {
            return damaged(documents, position, at + ", yet data follows up to byte " + lastNonZero +
                ", more than one interrupted write could leave: the journal is damaged in the middle");
        }
        return new Result(file, cycle, documents, position, firstSeq, lastSeq, position, lastNonZero + 1, null, false);
    }

    private Result damaged(final long documents, final long position, final String why) throws IOException
    {
        return new Result(file, cycle, documents, position, firstSeq(), lastSeq(), -1, -1, "journal file " + file + ": " +
            why + " (the last readable entry is " + seqText(lastSeq()) + ")", false);
    }

    private String described(final long documents)
    {
        return documents == 0 ? "the file's metadata" : "document " + (documents - 1) + " (index " +
            JournalReader.describeIndex(cycle << 32 | documents - 1) + ")";
    }

    private static String seqText(final long seq)
    {
        return seq < 0 ? "no command of this file" : "seq " + seq;
    }

    /** Seq of the first command of the file's first data document, -1 when none (read once, when asked). */
    private long firstSeq() throws IOException
    {
        if (firstData >= 0 && firstSeq == -2)
        {
            firstSeq = seqs(firstData + 4, readInt(firstData) & LENGTH_MASK)[0];
        }
        return firstData < 0 ? -1 : firstSeq;
    }

    /** Seq of the last command of the last data document walked so far, -1 when none. */
    private long lastSeq() throws IOException
    {
        return lastData < 0 ? -1 : seqs(lastData + 4, lastDataLength)[1];
    }

    /** The first and last command seqs of a data document ({-1, -1} for none, e.g. a void marker). */
    private long[] seqs(final long from, final int length) throws IOException
    {
        final long[] seqs = {-1, -1};
        final ByteBuffer bytes = read(from, length);
        int at = 0;
        while (at < length)
        {
            final int entry = bytes.get(at) & 0xFF;
            if (entry == 0 || entry > JournalCodec.MAX_LENGTH || at + 1 + entry > length)
            {
                break;
            }
            bytes.get(at + 1, codec.array(), 0, entry);
            if (codec.decode(entry, command) == JournalCodec.Outcome.COMMAND)
            {
                seqs[0] = seqs[0] < 0 ? command.seq() : seqs[0];
                seqs[1] = command.seq();
            }
            at += 1 + entry;
        }
        return seqs;
    }

    /**
     * The first 4-byte boundary after {@code position} (within {@link #LOOK_AHEAD}) where a data
     * document starts whose entries all frame and check out, or -1. Entries carry CRC32Cs, so
     * leftover bytes of an interrupted write do not pass for one by chance.
     */
    private long validDocumentAfter(final long position) throws IOException
    {
        final int span = (int)Math.min(LOOK_AHEAD, size - position);
        final ByteBuffer window = read(position, span);
        for (int at = 4; at + 4 < span; at += 4)
        {
            final int value = window.getInt(at);
            if (value > 0 && value <= EntryPacker.MAX_DOCUMENT && at + 4 + value <= span &&
                framesExactly(window, at + 4, value))
            {
                return position + at;
            }
        }
        return -1;
    }

    private boolean framesExactly(final ByteBuffer window, final int from, final int length)
    {
        int at = from;
        final int end = from + length;
        while (at < end)
        {
            final int entry = window.get(at) & 0xFF;
            if (entry == 0 || entry > JournalCodec.MAX_LENGTH || at + 1 + entry > end)
            {
                return false;
            }
            window.get(at + 1, codec.array(), 0, entry);
            if (codec.decode(entry, command) == JournalCodec.Outcome.BAD)
            {
                return false;
            }
            at += 1 + entry;
        }
        return true;
    }

    /** Offset of the last non-zero byte in [from, to), or -1 when all are zero. */
    private long lastNonZero(final long from, final long to) throws IOException
    {
        long last = -1;
        final ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < to; at += chunk.capacity())
        {
            chunk.clear().limit((int)Math.min(chunk.capacity(), to - at));
            channel.read(chunk, at);
            for (int i = chunk.position() - 1; i >= 0; i--)
            {
                if (chunk.get(i) != 0)
                {
                    last = at + i;
                    break;
                }
            }
        }
        return last;
    }

    private int readInt(final long position) throws IOException
    {
        header.clear();
        while (header.hasRemaining() && channel.read(header, position + header.position()) > 0)
        {
            // A positional read may return less than asked.
        }
        return header.getInt(0);
    }

    private ByteBuffer read(final long position, final int length) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) > 0)
        {
            // As above.
        }
        return bytes;
    }
}
