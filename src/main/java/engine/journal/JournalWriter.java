package engine.journal;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.core.CommandSlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
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
 * entries of a batch are packed into one document ({@link EntryPacker}) that is published
 * at the end of the batch, or earlier once it holds {@link EntryPacker#MAX_ENTRIES} entries.
 * Chronicle's per-document cost (write lock, header, index) is then paid per batch.
 *
 * <h2>When the disk is full</h2>
 * The business logic runs beside this stage, so when a write fails (disk full, I/O error) or
 * free space falls below {@link #MIN_FREE_BYTES}, the logic may already have applied the
 * command being written and the ones after it in the ring. The design keeps journal and logic
 * equal without undoing anything:
 * <ul>
 * <li>The stage does not return from {@code onEvent}: its sequence stays put, so no result
 *     (and no event-store record) after the last written command is released. Returning or
 *     throwing would release results of commands that are not journaled.</li>
 * <li>It reports the outage once ({@code onFailure}; {@link #unavailable()} tells the reason)
 *     and the front ends refuse new commands, so at most the commands already in the ring are
 *     held, applied by the logic but not acknowledged.</li>
 * <li>It retries the failed step (writing the staged document again after rolling the failed
 *     one back, on a fresh appender; or the msync) with a growing pause, checking free space,
 *     until it succeeds, then carries on with the rest of the ring in ring order. The journal
 *     then holds exactly the commands the logic applied, in the order it applied them; each
 *     once, since a document is written whole or not at all, and a write that did land before
 *     failing is not repeated. Then {@code onResume} runs and the held results are released.</li>
 * </ul>
 * A process killed during an outage loses only commands that were never acknowledged.
 */
public final class JournalWriter implements EventHandler<CommandSlot>, AutoCloseable
{
    /** Below this much free space the writer stops cleanly instead of faulting on a mapped page. */
    static final long MIN_FREE_BYTES = 64L << 20;
    private static final int SPACE_CHECK_EVERY = 1 << 14;
    private static final long SPACE_CHECK_NANOS = 100_000_000L;
    private static final long MAX_RETRY_PAUSE_NANOS = 1_000_000_000L;
    private final JournalDirectory directory;
    private final Durability durability;
    private final Consumer<Throwable> onFailure;
    private final Runnable onResume;
    private final Disk disk;
    private final SingleChronicleQueue queue;
    private final JournalCodec codec = new JournalCodec();
    private final Step publishStep = this::publishNow;
    private final Step syncStep = this::syncNow;
    private ExcerptAppender appender;
    private EntryPacker packer;
    private long appendedSeq;
    private long sinceSpaceCheck;
    private long lastSpaceCheck = System.nanoTime();
    private volatile long lastSeq;
    private volatile long lastIndex = -1;
    private long publishedIndex;
    private final AtomicReference<JournalException> outage = new AtomicReference<>();
    private volatile boolean writeFailed;
    private volatile Throwable failure;

    /** One retryable write step. */
    @FunctionalInterface
    private interface Step
    {
        void run() throws IOException;
    }

    /**
     * Opens (creating if needed) the queue now, on the caller's thread, so that an unwritable
     * directory is an error before the engine starts; the appender is made on the stage thread.
     *
     * @param onFailure told once, on the journal thread, when a write fails; results stop there
     */
    public JournalWriter(final JournalDirectory directory, final Durability durability,
        final Consumer<Throwable> onFailure)
    {
        this(directory, durability, onFailure, () -> { }, Disk.REAL);
    }

    /**
     * @param onFailure told once per outage, on the journal thread, when the journal cannot be
     *                  written; results are held from there on
     * @param onResume told, on the journal thread, when writes succeed again after an outage
     * @param disk free space and write faults (tests simulate a full disk with it)
     * @throws JournalException when the directory cannot be written or the disk is full
     */
    public JournalWriter(final JournalDirectory directory, final Durability durability,
        final Consumer<Throwable> onFailure, final Runnable onResume, final Disk disk)
    {
        this.directory = directory;
        this.durability = durability;
        this.onFailure = onFailure;
        this.onResume = onResume;
        this.disk = disk;
        final String full = checkSpace(directory, disk);
        if (full != null)
        {
            throw new JournalException(full);
        }
        this.queue = directory.openForWriting(durability);
    }

    /**
     * Checks the free space for a journal.
     *
     * @return null when there is enough, else the reason ({@code "journal unavailable: disk full: ..."})
     */
    public static String checkSpace(final JournalDirectory directory, final Disk disk)
    {
        final Path where = Files.isDirectory(directory.queueDir()) ? directory.queueDir() : directory.root();
        final long free = disk.usableBytes(Files.exists(where) ? where : where.toAbsolutePath().getRoot());
        return free >= MIN_FREE_BYTES ? null : "journal unavailable: disk full: only " + free + " bytes free for " +
            directory.queueDir() + " (the journal stops below " + (MIN_FREE_BYTES >> 20) + " MB)";
    }

    @Override
    public void onStart()
    {
        appender = queue.createAppender();
        packer = new EntryPacker(appender);
        publishedIndex = queue.lastIndex();
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
        retry(publishStep);
        lastSeq = appendedSeq;
    }

    private void endBatch()
    {
        publish();
        if (durability == Durability.SYNC)
        {
            retry(syncStep);
        }
        lastIndex = publishedIndex;
        final long now = System.nanoTime();
        if (sinceSpaceCheck >= SPACE_CHECK_EVERY || now - lastSpaceCheck >= SPACE_CHECK_NANOS)
        {
            sinceSpaceCheck = 0;
            lastSpaceCheck = now;
            final String full = checkSpace(directory, disk);
            if (full != null)
            {
                // Written, but the next write might fault on a mapped page: stop before it.
                outage(new JournalException(full + "; commands after seq " + lastSeq + " are held"));
            }
        }
    }

    /** Runs {@code step}, and while the journal is unavailable waits and runs it again. */
    private void retry(final Step step)
    {
        long pause = 1_000_000L;
        while (true)
        {
            if (outage.get() != null)
            {
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, MAX_RETRY_PAUSE_NANOS);
                if (checkSpace(directory, disk) != null)
                {
                    continue;
                }
            }
            try
            {
                disk.beforeWrite(appendedSeq);
                step.run();
                writeFailed = false;
                resume();
                return;
            }
            catch (final IOException | RuntimeException | InternalError e)
            {
                // InternalError: Chronicle's mapped file faulted (SIGBUS), what a full disk gives.
                writeFailed = true;
                outage(new JournalException("journal unavailable: " + (isDiskFull(e) ? "disk full: " : "") +
                    "cannot write to " + directory.queueDir() + " after seq " + lastSeq + ": " + e, e));
                if (queue.isClosed())
                {
                    // Closed under the stage (shutdown, or a test): no retry can succeed.
                    failure = outage.get();
                    stall();
                }
                freshAppender(step == publishStep && landed());
            }
        }
    }

    private void publishNow()
    {
        packer.publish();
        publishedIndex = appender.lastIndexAppended();
    }

    /** True when a publish that failed had made its document visible all the same. */
    private boolean landed()
    {
        try
        {
            return queue.lastIndex() > publishedIndex;
        }
        catch (final RuntimeException | InternalError e)
        {
            return false;
        }
    }

    /**
     * Ends an outage caused by the free-space guard alone once space is back: no write is
     * pending then, so nothing else would notice. Called now and then by the engine's
     * housekeeping thread while {@link #unavailable()} is not null.
     */
    public void recheckSpace()
    {
        if (outage.get() != null && !writeFailed && failure == null && checkSpace(directory, disk) == null)
        {
            resume();
        }
    }

    private void resume()
    {
        final JournalException current = outage.get();
        if (current != null && failure == null && outage.compareAndSet(current, null))
        {
            onResume.run();
        }
    }

    private void syncNow()
    {
        appender.sync();
    }

    /**
     * After a failed step: a new appender for the retry. When the failed publish had already
     * made its document visible, the staged entries are written and must not be written again.
     */
    private void freshAppender(final boolean published)
    {
        if (published)
        {
            packer.discard();
        }
        try
        {
            appender.close();
            appender = queue.createAppender();
            packer.appender(appender);
        }
        catch (final RuntimeException | InternalError e)
        {
            // The retry fails again and comes back here.
        }
    }

    private static boolean isDiskFull(final Throwable e)
    {
        for (Throwable cause = e; cause != null; cause = cause.getCause())
        {
            final String message = String.valueOf(cause.getMessage());
            if (cause instanceof InternalError || message.contains("No space left") || message.contains("disk full"))
            {
                return true;
            }
        }
        return false;
    }

    /** Enters an outage, reporting it once. */
    private void outage(final JournalException why)
    {
        if (outage.compareAndSet(null, why))
        {
            onFailure.accept(why);
        }
    }

    /** A bug (the codec refused a command): stop for good, releasing nothing more. */
    private void fail(final Throwable t)
    {
        final JournalException error = t instanceof JournalException j ? j :
            new JournalException("journal write to " + directory.queueDir() + " failed after seq " + lastSeq + ": " + t, t);
        failure = error;
        outage.set(error);
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

    /** Why the journal cannot be written now ({@code "journal unavailable: ..."}), or null when it can. */
    public String unavailable()
    {
        final JournalException why = outage.get();
        return why == null ? null : why.getMessage();
    }

    /** A failure the stage will not recover from (a bug, not the disk), or null. */
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
