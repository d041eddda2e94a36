package engine.journal;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.core.CommandSlot;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The journal stage: runs on the ingress ring beside the business logic and appends every
 * sequenced command to the Chronicle Queue. The engine releases a command's result only after
 * this stage's sequence has passed it, and that sequence moves only when {@link #onEvent}
 * returns for the last command of a batch, so in {@link Durability#SYNC} mode one msync at the
 * end of the batch covers every result of the batch (group commit).
 *
 * <p>For the same reason a batch needs only one Chronicle document, not one per command: the
 * entries of a batch are packed into one open document ({@link EntryPacker}) that is published
 * at the end of the batch, or earlier once it holds {@link EntryPacker#MAX_ENTRIES} entries.
 * Chronicle's per-document cost (write lock, header, index) is then paid per batch.
 *
 * <p>Fail-stop: when a write fails (disk full, I/O error) the stage reports once through the
 * failure callback and then never returns from {@code onEvent}. Returning, or throwing (the
 * ring's exception handler would move the sequence on), would release results for commands
 * that are not journaled. A document left open by the failure is never published; after a
 * restart it shows at most as an interrupted write, which recovery drops.
 */
public final class JournalWriter implements EventHandler<CommandSlot>, AutoCloseable
{
    /** Below this much free space the writer stops cleanly instead of faulting on a mapped page. */
    static final long MIN_FREE_BYTES = 64L << 20;
    private static final int SPACE_CHECK_EVERY = 1 << 14;
    private final JournalDirectory directory;
    private final Durability durability;
    private final Consumer<Throwable> onFailure;
    private final SingleChronicleQueue queue;
    private final JournalCodec codec = new JournalCodec();
    private final File spaceProbe;
    private ExcerptAppender appender;
    private EntryPacker packer;
    private long appendedSeq;
    private long sinceSpaceCheck;
    private volatile long lastSeq;
    private volatile long lastIndex = -1;
    private volatile Throwable failure;

    /**
     * Opens (creating if needed) the queue now, on the caller's thread, so that an unwritable
     * directory is an error before the engine starts; the appender is made on the stage thread.
     *
     * @param onFailure told once, on the journal thread, when a write fails; results stop there
     */
    public JournalWriter(final JournalDirectory directory, final Durability durability,
        final Consumer<Throwable> onFailure)
    {
        this.directory = directory;
        this.durability = durability;
        this.onFailure = onFailure;
        this.queue = directory.openForWriting(durability);
        this.spaceProbe = directory.queueDir().toFile();
        checkSpace();
    }

    @Override
    public void onStart()
    {
        appender = queue.createAppender();
        packer = new EntryPacker(appender);
    }

    @Override
    public void onEvent(final CommandSlot command, final long sequence, final boolean endOfBatch)
    {
        if (failure != null)
        {
            stall();
        }
        try
        {
            append(command);
            if (endOfBatch)
            {
                endBatch();
            }
            else if (packer.full())
            {
                publish();
            }
        }
        catch (final Throwable t)
        {
            fail(t);
        }
    }

    private void append(final Command command)
    {
        final int length = codec.encode(command);
        packer.add(codec.array(), length);
        appendedSeq = command.seq();
        sinceSpaceCheck++;
    }

    private void publish()
    {
        packer.publish();
        lastSeq = appendedSeq;
    }

    private void endBatch() throws IOException
    {
        publish();
        if (durability == Durability.SYNC)
        {
            appender.sync();
        }
        lastIndex = appender.lastIndexAppended();
        if (sinceSpaceCheck >= SPACE_CHECK_EVERY)
        {
            sinceSpaceCheck = 0;
            checkSpace();
        }
    }

    private void checkSpace()
    {
        final long free = spaceProbe.getUsableSpace();
        if (free < MIN_FREE_BYTES)
        {
            throw new JournalException("disk full: only " + free + " bytes free for journal " + directory.queueDir() +
                "; refusing to write further entries");
        }
    }

    private void fail(final Throwable t)
    {
        final JournalException error = t instanceof JournalException j ? j :
            new JournalException("journal write to " + directory.queueDir() + " failed after seq " + lastSeq + ": " + t, t);
        failure = error;
        try
        {
            onFailure.accept(error);
        }
        finally
        {
            stall();
        }
    }

    /** Never returns: see the class comment. Parks until the process ends (the thread is a daemon). */
    private static void stall()
    {
        while (true)
        {
            LockSupport.parkNanos(50_000_000L);
        }
    }

    /** The seq of the last command in a published document (0 before any). */
    public long lastSeq()
    {
        return lastSeq;
    }

    /** The queue index of the last document of the last completed batch (-1 before any). */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** The write failure, or null. */
    public Throwable failure()
    {
        return failure;
    }

    public Durability durability()
    {
        return durability;
    }

    @Override
    public void onShutdown()
    {
        if (appender != null)
        {
            appender.close();
        }
    }

    /** Closes the queue; call after the engine has stopped. */
    @Override
    public void close()
    {
        queue.close();
    }
}
