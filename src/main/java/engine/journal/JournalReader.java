package engine.journal;

import engine.api.Command;
import java.io.File;
import java.io.PrintStream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads journal entries back in order and refuses to hand out anything it cannot vouch for:
 * every entry's checksum, length and sequence number (each entry's seq is the previous one's
 * plus one) are checked.
 *
 * <p>A bad entry at the very end is a write torn by a crash (its result was never released):
 * it is reported with its index and dropped. A bad entry with good entries after it is
 * corruption: {@link JournalException} naming file and index, or, when salvaging, a stop at
 * the last good entry with the reason in the result. Nothing is ever skipped silently.
 */
public final class JournalReader implements AutoCloseable
{
    /** Receives each good command entry; the command is reused, copy what you keep. */
    @FunctionalInterface
    public interface EntryHandler
    {
        void onCommand(Command command, long index);
    }

    /**
     * @param lastSeq seq of the last entry handed out (or the start position's seq)
     * @param lastIndex queue index of that entry (-1 when none)
     * @param entries how many entries were handed out
     * @param tornIndex index of a torn last entry that was dropped, or -1
     * @param corruption why reading stopped early when salvaging, or null
     */
    public record Result(long lastSeq, long lastIndex, long entries, long tornIndex, String corruption)
    {
    }

    private final JournalDirectory directory;
    private final SingleChronicleQueue queue;
    private final JournalCodec codec = new JournalCodec();
    private final Command command = new Command();

    private JournalReader(final JournalDirectory directory)
    {
        this.directory = directory;
        this.queue = directory.openForReading();
    }

    public static JournalReader open(final JournalDirectory directory)
    {
        return new JournalReader(directory);
    }

    /** Formats a queue index the way errors show it: hex, plus cycle and entry number. */
    public static String describeIndex(final long index)
    {
        return "0x" + Long.toHexString(index) + " (cycle " + (index >>> 32) + ", entry " + (index & 0xFFFFFFFFL) + ")";
    }

    /** Reads the whole journal from the start. */
    public Result readAll(final long untilSeq, final boolean salvage, final PrintStream log, final EntryHandler handler)
    {
        return read(-1, 0, untilSeq, salvage, log, handler);
    }

    /**
     * Reads the entries after the one at {@code afterIndex}, which must hold {@code afterSeq}
     * (a snapshot's position), up to and including {@code untilSeq}.
     *
     * @param afterIndex -1 to read from the start (then {@code afterSeq} must be 0)
     */
    public Result read(final long afterIndex, final long afterSeq, final long untilSeq, final boolean salvage,
        final PrintStream log, final EntryHandler handler)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (afterIndex >= 0)
            {
                position(tailer, afterIndex, afterSeq);
            }
            return scan(tailer, afterIndex, afterSeq, untilSeq, salvage, log, handler);
        }
    }

    /** True when the entry at {@code index} is a good entry holding {@code seq}. */
    boolean holds(final long index, final long seq)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            position(tailer, index, seq);
            return true;
        }
        catch (final JournalException e)
        {
            return false;
        }
    }

    private void position(final ExcerptTailer tailer, final long index, final long seq)
    {
        if (!tailer.moveToIndex(index))
        {
            throw new JournalException("journal " + directory.queueDir() + " has no entry at index " +
                describeIndex(index) + ", where the snapshot of seq " + seq + " says it ends");
        }
        final int length = next(tailer);
        if (length < 0 || codec.decode(length, command) != JournalCodec.Outcome.COMMAND || command.seq() != seq)
        {
            throw new JournalException("journal " + fileOf(tailer) + ": entry at index " + describeIndex(index) +
                " does not hold seq " + seq + " as the snapshot says (" +
                (length < 0 ? "missing" : "found " + describe(length)) + ")");
        }
    }

    private Result scan(final ExcerptTailer tailer, final long startIndex, final long startSeq, final long untilSeq,
        final boolean salvage, final PrintStream log, final EntryHandler handler)
    {
        long lastSeq = startSeq;
        long lastIndex = startIndex;
        long entries = 0;
        while (lastSeq < untilSeq)
        {
            final int length = next(tailer);
            if (length < 0)
            {
                final long interrupted = interruptedWrite(lastIndex);
                if (interrupted >= 0)
                {
                    log.println("journal: WARNING: " + fileOf(tailer) + ": the write of entry " + describeIndex(interrupted) +
                        " was interrupted by a crash (never completed); dropped: its result was never released");
                    return new Result(lastSeq, lastIndex, entries, interrupted, null);
                }
                break;
            }
            final long index = readIndex;
            final JournalCodec.Outcome outcome = length > JournalCodec.MAX_LENGTH ? JournalCodec.Outcome.BAD :
                codec.decode(length, command);
            if (outcome == JournalCodec.Outcome.BAD)
            {
                final String problem = length > JournalCodec.MAX_LENGTH ? "length " + length + " is impossible" : codec.problem();
                final File file = fileOf(tailer);
                final int following = next(tailer);
                if (following < 0)
                {
                    log.println("journal: WARNING: last entry of " + file + " at index " + describeIndex(index) + " is torn (" +
                        problem + "); dropped: a crash interrupted its write, so its result was never released");
                    return new Result(lastSeq, lastIndex, entries, index, null);
                }
                if (codec.decode(following, command) == JournalCodec.Outcome.VOID && codec.voidedIndex() == index)
                {
                    log.println("journal: note: entry at index " + describeIndex(index) + " was torn by a crash and voided at recovery");
                    continue;
                }
                final String message = "journal " + file + ": entry at index " + describeIndex(index) + " after seq " + lastSeq +
                    " is corrupt (" + problem + ") and is followed by more entries";
                return stop(salvage, log, message, lastSeq, lastIndex, entries);
            }
            if (outcome == JournalCodec.Outcome.VOID)
            {
                continue;
            }
            if (command.seq() != lastSeq + 1)
            {
                final String message = "journal " + fileOf(tailer) + ": entry at index " + describeIndex(index) + " has seq " +
                    command.seq() + " but seq " + (lastSeq + 1) + " was expected";
                return stop(salvage, log, message, lastSeq, lastIndex, entries);
            }
            if (command.seq() > untilSeq)
            {
                break;
            }
            handler.onCommand(command, index);
            lastSeq = command.seq();
            lastIndex = index;
            entries++;
        }
        return new Result(lastSeq, lastIndex, entries, -1, null);
    }

    private static Result stop(final boolean salvage, final PrintStream log, final String message, final long lastSeq,
        final long lastIndex, final long entries)
    {
        if (!salvage)
        {
            throw new JournalException(message + "; refusing to continue (use --recover-to-last-good to stop at seq " +
                lastSeq + ")");
        }
        log.println("journal: WARNING: " + message + "; recovering up to the last good entry, seq " + lastSeq);
        return new Result(lastSeq, lastIndex, entries, -1, message);
    }

    private long readIndex;
    private Bytes<?> lastBytes;
    private long lastEnd = -1;

    /**
     * Chronicle publishes an entry by writing its header last, so a writer killed mid-entry
     * leaves a zero header followed by some of the entry's bytes, invisible to readers. Seeing
     * such bytes after the last entry means a write was cut short: report it, by index.
     *
     * @return the index the interrupted entry would have had, or -1
     */
    private long interruptedWrite(final long lastIndex)
    {
        if (lastBytes == null || lastEnd < 0 || lastIndex < 0)
        {
            return -1;
        }
        try
        {
            final long header = (lastEnd + 3) & ~3L;
            return lastBytes.readVolatileInt(header) == 0 && lastBytes.readLong(header + 4) != 0 ? lastIndex + 1 : -1;
        }
        catch (final RuntimeException e)
        {
            return -1; // past the mapped end of the file: nothing was written there
        }
    }

    /** Copies the next data entry into the codec's array; returns its length, or -1 at the end. */
    private int next(final ExcerptTailer tailer)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return -1;
            }
            readIndex = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            lastBytes = bytes;
            lastEnd = bytes.readLimit();
            final long length = bytes.readRemaining();
            if (length > JournalCodec.MAX_LENGTH)
            {
                return (int)Math.min(length, Integer.MAX_VALUE);
            }
            bytes.read(codec.array(), 0, (int)length);
            return (int)length;
        }
    }

    private String describe(final int length)
    {
        return switch (codec.decode(length, command))
        {
            case COMMAND -> "seq " + command.seq();
            case VOID -> "a void marker";
            case BAD -> "a bad entry: " + codec.problem();
        };
    }

    private File fileOf(final ExcerptTailer tailer)
    {
        final File file = tailer.currentFile();
        return file != null ? file : directory.queueDir().toFile();
    }

    /** The index the next appended entry would follow: the queue's last index, or -1 when empty. */
    long lastIndex()
    {
        return queue.lastIndex();
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
