package engine.journal;

import engine.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * {@code DIR/journal-end.properties}: the highest seq this directory's journal is known to
 * hold, and the queue index of its document. The engine writes it after recovery, after each
 * snapshot, when the journal starts a new cycle file, and at a clean shutdown (temporary
 * file, forced, renamed), and recovery refuses a journal that ends before it: that catches a
 * newest cycle file (or the whole queue) gone missing, which the files themselves cannot
 * show. The journal may end after the mark (it is written now and then, not per command, and
 * an async journal keeps what was acknowledged after a kill -9), never before it.
 *
 * <p>Why a file of our own rather than Chronicle's {@code metadata.cq4t}: Chronicle rewrites its
 * listing of cycles from the files present whenever a queue is opened for writing (so it
 * forgets a deleted file), it knows cycles rather than seqs, and its layout is internal.
 */
public final class JournalMark
{
    static final String FILE_NAME = "journal-end.properties";

    /**
     * @param seq the highest seq known journaled
     * @param index the queue index of the document holding it
     * @param reason why it was written (recovery, snapshot, new cycle file, shutdown, salvage)
     * @param written when
     */
    public record Mark(long seq, long index, String reason, String written)
    {
    }

    /**
     * Keeps the mark of one running journal: writes it only when the seq moves forward, from any
     * thread. A failed write is only logged: the mark guards the next start, not the running engine.
     */
    public static final class Keeper
    {
        private final JournalDirectory directory;
        private final PrintStream log;
        private long markedSeq;
        private volatile long markedCycle = -1;

        public Keeper(final JournalDirectory directory, final PrintStream log)
        {
            this.directory = directory;
            this.log = log;
        }

        /** Records that the journal holds {@code seq} in the document at {@code index}, if that is news. */
        public synchronized void advance(final long seq, final long index, final String reason)
        {
            if (seq <= markedSeq || index < 0)
            {
                return;
            }
            try
            {
                write(directory, seq, index, reason);
                markedSeq = seq;
                markedCycle = index >>> 32;
            }
            catch (final JournalException e)
            {
                log.println("journal: WARNING: " + e.getMessage());
            }
        }

        /** True when the document at {@code index} is in a cycle file the mark does not know yet. */
        public boolean newCycle(final long index)
        {
            return index >= 0 && index >>> 32 != markedCycle;
        }
    }

    private JournalMark()
    {
    }

    /** The recorded mark, or null when none was written (a journal from an older version, or a run). */
    public static Mark read(final JournalDirectory directory)
    {
        final Path file = directory.root().resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            return null;
        }
        final Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            values.load(in);
            return new Mark(Long.parseLong(values.getProperty("seq")), Long.parseLong(values.getProperty("index")),
                values.getProperty("reason", "?"), values.getProperty("written", "?"));
        }
        catch (final IOException | RuntimeException e)
        {
            throw new JournalException("unreadable journal mark " + file + ": " + e + " (it records where the journal " +
                "ended; delete it only if you know the journal is complete)", e);
        }
    }

    /** Records that the journal holds {@code seq} in the document at {@code index}. */
    public static void write(final JournalDirectory directory, final long seq, final long index, final String reason)
    {
        final Path file = directory.root().resolve(FILE_NAME);
        final Properties values = new Properties();
        values.setProperty("seq", Long.toString(seq));
        values.setProperty("index", Long.toString(index));
        values.setProperty("reason", reason);
        values.setProperty("written", Instant.now().toString());
        try
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            values.store(out, "the journal holds at least this seq; see engine.journal.JournalMark");
            AtomicFile.write(file, out.toByteArray(), 0, out.size());
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot write journal mark " + file + ": " + e, e);
        }
    }

    /** Why a journal ending at {@code lastSeq} falls short of the mark, or null when it does not. */
    static String shortfall(final JournalDirectory directory, final Mark mark, final long lastSeq, final long lastIndex)
    {
        if (mark == null || lastSeq >= mark.seq())
        {
            return null;
        }
        final long cycle = mark.index() >>> 32;
        final boolean fileMissing = JournalFiles.cycleFiles(directory).stream()
            .noneMatch(f -> JournalFiles.cycleOf(f) == cycle);
        return "journal " + directory.queueDir() + " ends at seq " + lastSeq + (lastIndex >= 0 ? " (index " +
            JournalReader.describeIndex(lastIndex) + ")" : "") + ", but " + directory.root().resolve(FILE_NAME) +
            " records seq " + mark.seq() + " in the document at index " + JournalReader.describeIndex(mark.index()) +
            " (written at " + mark.reason() + ", " + mark.written() + "): seqs " + (lastSeq + 1) + " to " + mark.seq() +
            " are missing" + (fileMissing ? "; no cycle file of cycle " + cycle + " is left (was it removed?)" : "");
    }
}
