package engine.journal;

import engine.api.Command;
import java.util.NavigableSet;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Finds journaled commands by seq while the journal is being written: the journal is the
 * command store, so a query that wants a command's full text reads it here instead of a copy.
 *
 * <p>Documents hold runs of consecutive seqs, so the document of a seq is found by a binary
 * search over document indexes (first over the cycle files, then within one), each probe
 * decoding a document's first command: about 2 log2(documents) document reads. Entries are
 * checked (length, CRC) as everywhere else; a bad one is never handed out. It never writes, and opens
 * the queue read-only on first use (a new data directory has no journal until the first command).
 * Calls are serialised: one tailer, one document buffer.
 */
public final class JournalLookup implements AutoCloseable
{
    private final JournalDirectory directory;
    private final DocumentCursor cursor = new DocumentCursor();
    private final Command command = new Command();
    private SingleChronicleQueue queue;
    private final JournalCodec codec = new JournalCodec();
    private ExcerptTailer tailer;
    private boolean closed;

    private JournalLookup(final JournalDirectory directory)
    {
        this.directory = directory;
    }

    public static JournalLookup of(final JournalDirectory directory)
    {
        return new JournalLookup(directory);
    }

    /**
     * Hands each good journaled command with {@code firstSeq <= seq <= lastSeq} to {@code each},
     * in seq order (the command is reused: copy what you keep).
     *
     * @return how many were handed out (fewer than asked when the journal lacks some: not yet
     *     written, in a file removed, or after a bad entry)
     */
    public synchronized long read(final long firstSeq, final long lastSeq, final Consumer<Command> each)
    {
        if (firstSeq > lastSeq || !open())
        {
            return 0;
        }
        // Calls come on any thread, one at a time: Chronicle checks that its objects stay on one.
        tailer.singleThreadedCheckReset();
        codec.singleThreadedCheckReset();
        return position(firstSeq) ? readFrom(firstSeq, lastSeq, each) : 0;
    }

    private long readFrom(final long firstSeq, final long lastSeq, final Consumer<Command> each)
    {
        long handed = 0;
        while (true)
        {
            final int length = cursor.next(codec.array());
            if (length == DocumentCursor.END)
            {
                if (!cursor.load(tailer))
                {
                    return handed;
                }
                continue;
            }
            final JournalCodec.Outcome outcome = length < 0 ? JournalCodec.Outcome.BAD : codec.decode(length, command);
            if (outcome == JournalCodec.Outcome.BAD)
            {
                // Never handed out; the rest of its document goes with it (a write torn by a crash, voided at recovery).
                if (!cursor.load(tailer))
                {
                    return handed;
                }
                continue;
            }
            if (outcome != JournalCodec.Outcome.COMMAND || command.seq() < firstSeq)
            {
                continue;
            }
            if (command.seq() > lastSeq)
            {
                return handed;
            }
            each.accept(command);
            handed++;
        }
    }

    /** Loads the last document whose first command is at or before {@code seq}; false when none is. */
    private boolean position(final long seq)
    {
        final RollCycle roll = queue.rollCycle();
        final NavigableSet<Long> cycles = queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle());
        final long[] cycle = new long[cycles.size()];
        int n = 0;
        for (final Long c : cycles)
        {
            cycle[n++] = c;
        }
        // The last cycle whose first document starts at or before seq.
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            final long first = firstSeqFrom(roll.toIndex((int)cycle[mid], 0));
            if (first != Long.MAX_VALUE && first <= seq)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (found < 0)
        {
            return false;
        }
        final int c = (int)cycle[found];
        // Within the cycle: gallop to a document past seq (or past the end), then bisect.
        long good = 0;
        long bad = 1;
        while (startsAtOrBefore(roll.toIndex(c, bad), seq))
        {
            good = bad;
            bad = bad * 2;
        }
        while (bad - good > 1)
        {
            final long mid = (good + bad) >>> 1;
            if (startsAtOrBefore(roll.toIndex(c, mid), seq))
            {
                good = mid;
            }
            else
            {
                bad = mid;
            }
        }
        cursor.reset();
        return tailer.moveToIndex(roll.toIndex(c, good)) && cursor.load(tailer);
    }

    private boolean startsAtOrBefore(final long index, final long seq)
    {
        final long first = firstSeqFrom(index);
        return first != Long.MAX_VALUE && first <= seq;
    }

    /**
     * The seq of the first command in the document at {@code index} or, when it holds none (a
     * voided remainder), in the next ones of its cycle; Long.MAX_VALUE when there is none.
     */
    private long firstSeqFrom(final long index)
    {
        cursor.reset();
        if (!tailer.moveToIndex(index))
        {
            return Long.MAX_VALUE;
        }
        final int cycle = queue.rollCycle().toCycle(index);
        while (cursor.load(tailer) && queue.rollCycle().toCycle(cursor.index()) == cycle)
        {
            while (true)
            {
                final int length = cursor.next(codec.array());
                if (length < 0)
                {
                    break;
                }
                if (codec.decode(length, command) == JournalCodec.Outcome.COMMAND)
                {
                    return command.seq();
                }
            }
        }
        return Long.MAX_VALUE;
    }

    private boolean open()
    {
        if (closed)
        {
            return false;
        }
        if (queue == null)
        {
            if (!directory.hasJournal())
            {
                return false;
            }
            queue = directory.openForReading();
            tailer = queue.createTailer();
        }
        return true;
    }

    @Override
    public synchronized void close()
    {
        closed = true;
        if (queue != null)
        {
            tailer.singleThreadedCheckReset();
            tailer.close();
            queue.close();
        }
    }
}
