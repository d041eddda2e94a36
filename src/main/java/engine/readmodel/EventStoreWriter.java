package engine.readmodel;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Output handler that appends every command's events to a Chronicle Queue (the event store),
 * one excerpt per command, so that other processes can tail them ({@link EventStoreReader}).
 * A command already stored (a replay after recovery) is skipped, so the store never holds a
 * sequence twice.
 *
 * <p>Excerpt layout ({@link EventStoreFormat} 2): seq, timestamp, command type code (i32), event
 * count (i32), the command's identities (account, engine order id, flags i32: 1 client order id,
 * 2 request id; client order id, request id key hi, lo), then
 * {@code count * EventBatch.recordWords()} longs as {@link EventBatch#copyRecord} gives them.
 */
public final class EventStoreWriter implements EventHandler<EventBatch>, AutoCloseable
{
    private final Path dir;
    private final long[] record = new long[EventBatch.recordWords()];
    private ChronicleQueue queue;
    private ExcerptAppender appender;
    private long lastSeq;

    public EventStoreWriter(final Path dir)
    {
        this.dir = dir;
    }

    @Override
    public void onStart()
    {
        // Chronicle wants the appender made on the thread that writes.
        EventStoreFormat.check(dir);
        EventStoreFormat.markIfNew(dir);
        queue = SingleChronicleQueueBuilder.binary(dir).build();
        appender = queue.createAppender();
        lastSeq = EventStoreReader.lastSeq(queue);
    }

    @Override
    public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
    {
        if (appender == null)
        {
            onStart();
        }
        if (batch.seq() <= lastSeq)
        {
            return;
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(batch.seq());
            bytes.writeLong(batch.timestamp());
            bytes.writeInt(batch.commandType().code());
            bytes.writeInt(batch.count());
            bytes.writeLong(batch.commandAccount());
            bytes.writeLong(batch.commandOrderId());
            bytes.writeInt((batch.hasClientOrderId() ? 1 : 0) | (batch.hasRequestId() ? 2 : 0));
            bytes.writeLong(batch.clientOrderId());
            bytes.writeLong(batch.requestIdHi());
            bytes.writeLong(batch.requestIdLo());
            for (int i = 0; i < batch.count(); i++)
            {
                batch.copyRecord(i, record, 0);
                for (final long word : record)
                {
                    bytes.writeLong(word);
                }
            }
        }
        lastSeq = batch.seq();
    }

    /** The sequence of the last command stored (0 when empty); valid once started. */
    public long lastSeq()
    {
        return lastSeq;
    }

    @Override
    public void onShutdown()
    {
        close();
    }

    @Override
    public void close()
    {
        if (queue != null)
        {
            queue.close();
            queue = null;
            appender = null;
        }
    }
}
