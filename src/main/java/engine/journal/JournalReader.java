package engine.journal;

import engine.api.Command;
import java.io.File;
import java.io.PrintStream;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Reads journal entries back in order and refuses to hand out anything it cannot vouch for:
 * every entry's checksum, length and sequence number (each entry's seq is the previous one's
 * plus one) are checked. Entries sit in documents (see {@link EntryPacker}); positions are the
 * queue indexes of documents.
 *
 * <p>A bad entry in the very last document is a write torn by a crash (its result was never
 * released): it is reported with its document's index, and it and the rest of that document
 * are dropped; the good entries before it are kept. A bad entry with documents after it is
 * corruption: {@link JournalException} naming file and index, or, when salvaging, a stop at
 * the last good entry with the reason in the result. Nothing is ever skipped silently.
 */
public final class JournalReader implements AutoCloseable
{
    /** Receives each good command entry; the command is reused, copy what you keep. */
    @FunctionalInterface
    public interface EntryHandler
    {
        /** @param index queue index of the document holding the entry */
        void onCommand(Command command, long index);
    }

    /**
     * @param lastSeq seq of the last entry handed out (or the start position's seq)
     * @param lastIndex queue index of the document holding that entry (-1 when none)
     * @param entries how many entries were handed out
     * @param tornIndex index of a torn last document whose bad part was dropped, or -1
     * @param corruption why reading stopped early when salvaging, or null
     */
    public record Result(long lastSeq, long lastIndex, long entries, long tornIndex, String corruption)
    {
    }

    private final JournalDirectory directory;
    private final JournalFiles.Verdict files;
    private final SingleChronicleQueue queue;
    private final JournalCodec codec = new JournalCodec();
    private final DocumentCursor cursor = new DocumentCursor();
    private final Command command = new Command();

    private JournalReader(final JournalDirectory directory)
    {
        this.directory = directory;
        // Before Chronicle maps anything: a file cut short would make it fault instead of fail.
        this.files = JournalFiles.check(directory);
        this.queue = directory.openForReading();
    }

    public static JournalReader open(final JournalDirectory directory)
    {
        return new JournalReader(directory);
    }

    /** Formats a queue index the way errors show it: hex, plus cycle and document number. */
    public static String describeIndex(final long index)
    {
        return "0x" + Long.toHexString(index) + " (cycle " + (index >>> 32) + ", document " + (index & 0xFFFFFFFFL) + ")";
    }

    /** Reads the whole journal from the start. */
    public Result readAll(final long untilSeq, final boolean salvage, final PrintStream log, final EntryHandler handler)
    {
        return read(-1, 0, untilSeq, salvage, log, handler);
    }

    /**
     * Reads the entries after {@code afterSeq}, which the document at {@code afterIndex} must
     * hold (a snapshot's position), up to and including {@code untilSeq}: first the rest of
     * that document, then the documents after it.
     *
     * @param afterIndex -1 to read from the start (then {@code afterSeq} must be 0)
     */
    public Result read(final long afterIndex, final long afterSeq, final long untilSeq, final boolean salvage,
        final PrintStream log, final EntryHandler handler)
    {
        cursor.reset();
        if (files.damage() != null && !salvage && files.damageSeq() < untilSeq)
        {
            throw new JournalException(refusal(files.damage(), files.damageSeq()));
        }
        if (afterIndex < 0 && files.firstSeq() > 1)
        {
            return stop(salvage, log, "journal file " + files.firstFile() + " starts at seq " + files.firstSeq() + ": seqs 1 " +
                "to " + (files.firstSeq() - 1) + " are missing (the cycle files before it were removed?)", 0, -1, 0);
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (afterIndex >= 0)
            {
                position(tailer, afterIndex, afterSeq);
            }
            return scan(tailer, afterIndex, afterSeq, untilSeq, salvage, log, handler);
        }
        catch (final InternalError e)
        {
            // Chronicle touched a page of a mapped file that is not there: the file shrank under it.
            throw new JournalException("journal " + directory.queueDir() + ": reading faulted (" + e.getMessage() +
                "): a file is shorter than Chronicle expects, cut short or truncated while being read; the last file is " +
                files.lastFile(), e);
        }
    }

    /** The last seq readable before damage found in the files, or Long.MAX_VALUE when they hold none. */
    long readableUntil()
    {
        return files.damage() == null ? Long.MAX_VALUE : files.damageSeq();
    }

    /** True when the document at {@code index} holds a good entry of {@code seq}. */
    boolean holds(final long index, final long seq)
    {
        cursor.reset();
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

    /** Loads the document at {@code index} and moves past its entry of {@code seq}. */
    private void position(final ExcerptTailer tailer, final long index, final long seq)
    {
        if (!tailer.moveToIndex(index) || !cursor.load(tailer))
        {
            throw new JournalException("journal " + directory.queueDir() + " has no document at index " +
                describeIndex(index) + ", where the snapshot of seq " + seq + " says it ends");
        }
        long last = -1;
        while (true)
        {
            final int length = cursor.next(codec.array());
            final JournalCodec.Outcome outcome = length < 0 ? JournalCodec.Outcome.BAD : codec.decode(length, command);
            if (outcome == JournalCodec.Outcome.COMMAND && command.seq() == seq)
            {
                return;
            }
            final String found;
            if (length == DocumentCursor.END)
            {
                found = last < 0 ? "it holds no command" : "its last entry holds seq " + last;
            }
            else if (outcome == JournalCodec.Outcome.BAD)
            {
                found = "its entry " + cursor.entry() + " is bad: " + (length < 0 ? cursor.problem() : codec.problem());
            }
            else if (outcome == JournalCodec.Outcome.COMMAND && command.seq() > seq)
            {
                found = "its entry " + cursor.entry() + " holds seq " + command.seq();
            }
            else
            {
                last = outcome == JournalCodec.Outcome.COMMAND ? command.seq() : last;
                continue;
            }
            throw new JournalException("journal " + fileOf(tailer) + ": document at index " + describeIndex(index) +
                " does not hold seq " + seq + " as the snapshot says (" + found + ")");
        }
    }

    private Result scan(final ExcerptTailer tailer, final long startIndex, final long startSeq, final long untilSeq,
        final boolean salvage, final PrintStream log, final EntryHandler handler)
    {
        long lastSeq = startSeq;
        long lastIndex = startIndex;
        long entries = 0;
        long documentFirstSeq = startSeq + 1;
        while (lastSeq < untilSeq)
        {
            final int length = cursor.next(codec.array());
            if (length == DocumentCursor.END)
            {
                if (tailer.index() < files.limitIndex() && cursor.load(tailer))
                {
                    documentFirstSeq = lastSeq + 1;
                    continue;
                }
                if (files.damage() != null)
                {
                    return stop(salvage, log, files.damage(), lastSeq, lastIndex, entries);
                }
                if (cursor.index() < files.lastIndex())
                {
                    return stop(salvage, log, "journal " + fileOf(tailer) + ": Chronicle's reader stops after the " +
                        "document at index " + describeIndex(cursor.index()) + " (seq " + lastSeq + "), but the files hold " +
                        "documents up to index " + describeIndex(files.lastIndex()) + " in " + files.lastFile(), lastSeq,
                        lastIndex, entries);
                }
                final long interrupted = files.tornIndex();
                if (interrupted >= 0)
                {
                    log.println("journal: WARNING: " + fileOf(tailer) + ": the write of document " +
                        describeIndex(interrupted) + " (from seq " + (lastSeq + 1) + ") was interrupted by a crash " +
                        "(never completed); dropped: its results were never released");
                    return new Result(lastSeq, lastIndex, entries, interrupted, null);
                }
                break;
            }
            final JournalCodec.Outcome outcome = length == DocumentCursor.BAD ? JournalCodec.Outcome.BAD :
                codec.decode(length, command);
            if (outcome == JournalCodec.Outcome.BAD)
            {
                final String problem = length == DocumentCursor.BAD ? cursor.problem() : codec.problem();
                final long index = cursor.index();
                final String entry = "entry " + cursor.entry() + " of the document at index " + describeIndex(index);
                final File file = fileOf(tailer);
                if (!cursor.load(tailer))
                {
                    log.println("journal: WARNING: last document of " + file + " is torn: " + entry + " (seq " +
                        (lastSeq + 1) + " expected) is bad (" + problem + "); dropped it and the rest of the document, " +
                        kept(documentFirstSeq, lastSeq) + ": a crash interrupted the write, so no dropped result " +
                        "was released");
                    return new Result(lastSeq, lastIndex, entries, index, null);
                }
                documentFirstSeq = lastSeq + 1;
                if (voids(index))
                {
                    log.println("journal: note: document at index " + describeIndex(index) + " was torn by a crash " +
                        "after seq " + lastSeq + " and voided at recovery");
                    continue;
                }
                final String message = "journal " + file + ": " + entry + " after seq " + lastSeq + " is corrupt (" +
                    problem + ") and is followed by more documents";
                return stop(salvage, log, message, lastSeq, lastIndex, entries);
            }
            if (outcome == JournalCodec.Outcome.VOID)
            {
                continue;
            }
            if (command.seq() != lastSeq + 1)
            {
                final String message = "journal " + fileOf(tailer) + ": entry " + cursor.entry() + " of the document at " +
                    "index " + describeIndex(cursor.index()) + " has seq " + command.seq() + " but seq " + (lastSeq + 1) +
                    " was expected";
                return stop(salvage, log, message, lastSeq, lastIndex, entries);
            }
            if (command.seq() > untilSeq)
            {
                break;
            }
            handler.onCommand(command, cursor.index());
            lastSeq = command.seq();
            lastIndex = cursor.index();
            entries++;
        }
        return new Result(lastSeq, lastIndex, entries, -1, null);
    }

    /** True when the just loaded document starts with the marker voiding the document at {@code index}. */
    private boolean voids(final long index)
    {
        final int length = cursor.next(codec.array());
        return length > 0 && codec.decode(length, command) == JournalCodec.Outcome.VOID && codec.voidedIndex() == index;
    }

    private static String kept(final long firstSeq, final long lastSeq)
    {
        return lastSeq < firstSeq ? "keeping none of it" : "keeping its seqs " + firstSeq + " to " + lastSeq;
    }

    private static Result stop(final boolean salvage, final PrintStream log, final String message, final long lastSeq,
        final long lastIndex, final long entries)
    {
        if (!salvage)
        {
            throw new JournalException(refusal(message, lastSeq));
        }
        log.println("journal: WARNING: " + message + "; recovering up to the last good entry, seq " + lastSeq);
        return new Result(lastSeq, lastIndex, entries, -1, message);
    }

    private static String refusal(final String message, final long lastSeq)
    {
        return message + "; refusing to continue (use --recover-to-last-good to stop at seq " + lastSeq +
            ", moving the original journal aside)";
    }

    private File fileOf(final ExcerptTailer tailer)
    {
        final File file = tailer.currentFile();
        return file != null ? file : directory.queueDir().toFile();
    }

    /** The index the next appended document would follow: the queue's last index, or -1 when empty. */
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
