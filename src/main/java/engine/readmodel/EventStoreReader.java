package engine.readmodel;

import engine.api.CommandType;
import engine.core.EventBatch;
import java.nio.file.Path;
import java.util.function.Consumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Tails an event store written by {@link EventStoreWriter}, rebuilding one {@link EventBatch}
 * per stored command. Use from one thread.
 */
public final class EventStoreReader implements AutoCloseable
{
    /** What reading one stored command did. */
    private static final int NONE = 0;
    private static final int READ = 1;
    private static final int SKIPPED = 2;

    private final Path dir;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final EventBatch batch = new EventBatch();
    private final long[] record = new long[EventBatch.recordWords()];
    private long skipThrough;
    private Consumer<EventBatch> onSkipped;

    /** @throws IllegalStateException when the store has another format ({@link EventStoreFormat}) */
    public EventStoreReader(final Path dir)
    {
        EventStoreFormat.check(dir);
        this.dir = dir;
        queue = SingleChronicleQueueBuilder.binary(dir).build();
        tailer = queue.createTailer();
    }

    /**
     * Passes over stored commands with a sequence at or below {@code seq} without decoding their
     * events: for a projection that starts from a read-model snapshot taken at {@code seq}.
     */
    public void skipThrough(final long seq)
    {
        skipThrough = seq;
    }

    /**
     * Also hands each skipped command to {@code onSkipped}, with its header and identities but
     * no events: for tables that a snapshot of the read models does not hold.
     */
    public void skipThrough(final long seq, final Consumer<EventBatch> onSkipped)
    {
        skipThrough = seq;
        this.onSkipped = onSkipped;
    }

    /**
     * Hands up to {@code max} stored commands to {@code onBatch} (a reused batch: copy what you keep).
     *
     * @return how many were read; 0 when the reader is at the end of the store for now.
     */
    public int poll(final Consumer<EventBatch> onBatch, final int max)
    {
        int read = 0;
        int state;
        while (read < max && (state = readOne(dir, tailer, batch, record, skipThrough)) != NONE)
        {
            if (state == READ)
            {
                onBatch.accept(batch);
                read++;
            }
            else if (onSkipped != null)
            {
                onSkipped.accept(batch);
            }
        }
        return read;
    }

    private static int readOne(final Path dir, final ExcerptTailer tailer, final EventBatch batch, final long[] record,
        final long skipThrough)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return NONE;
            }
            try
            {
                return decode(dc, batch, record, skipThrough);
            }
            catch (final IllegalArgumentException e)
            {
                // An enum code no constant has: a store written by a newer build, or damage.
                throw new IllegalStateException("event store " + dir + ", excerpt index " + Long.toHexString(dc.index()) +
                    ": " + e.getMessage(), e);
            }
        }
    }

    private static int decode(final DocumentContext dc, final EventBatch batch, final long[] record,
        final long skipThrough)
    {
        final Bytes<?> bytes = dc.wire().bytes();
        final long seq = bytes.readLong();
        batch.begin(seq, bytes.readLong(), CommandType.fromCode(bytes.readInt()));
        final int count = bytes.readInt();
        final long account = bytes.readLong();
        final long orderId = bytes.readLong();
        final int flags = bytes.readInt();
        batch.identities(account, orderId, (flags & 1) != 0, bytes.readLong(), (flags & 2) != 0, bytes.readLong(),
            bytes.readLong());
        if (seq <= skipThrough)
        {
            return SKIPPED;
        }
        for (int i = 0; i < count; i++)
        {
            for (int w = 0; w < record.length; w++)
            {
                record[w] = bytes.readLong();
            }
            EventBatch.checkRecord(record, 0);
            batch.appendRecord(record, 0);
        }
        return READ;
    }

    /** Hands every command stored in {@code dir} now to {@code onBatch}, in order (catching up at start). */
    public static void readAll(final Path dir, final Consumer<EventBatch> onBatch)
    {
        try (EventStoreReader reader = new EventStoreReader(dir))
        {
            while (reader.poll(onBatch, 4096) > 0)
            {
                // Until the end of what is stored.
            }
        }
    }

    /** The sequence of the last command stored in {@code queue} (0 when empty). */
    static long lastSeq(final ChronicleQueue queue)
    {
        final ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
        try (DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent() ? dc.wire().bytes().readLong() : 0;
        }
    }

    /** The sequence of the last command stored now. */
    public long lastStoredSeq()
    {
        return lastSeq(queue);
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
