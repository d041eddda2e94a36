package engine.cluster;

import engine.journal.SnapshotImage;
import engine.logic.BusinessLogic;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The service's snapshot in the cluster's snapshot recording: a first message with the magic
 * and the total length, then the body in chunks:
 * <pre>
 * i64 seq, i64 commands applied, i32 client count, per client (i64 client id, i64 next request),
 * i32 length, then the engine's own snapshot format (engine.journal.SnapshotImage) with its checksums
 * </pre>
 * The cluster replays the log from the snapshot's position on restart, so a member that was down
 * catches up from its latest snapshot plus the log after it.
 */
final class ClusterSnapshot
{
    private static final int MAGIC = 0x534E4543; // "CENS"
    private static final int CHUNK = 16 * 1024;

    /** What a loaded snapshot says besides the engine state. */
    record State(long seq, long applied)
    {
    }

    private ClusterSnapshot()
    {
    }

    static void write(final ExclusivePublication publication, final IdleStrategy idle, final long seq, final long applied,
        final Long2LongHashMap nextRequest, final BusinessLogic logic)
    {
        final byte[] engine = SnapshotImage.capture(logic);
        final ExpandableArrayBuffer body = new ExpandableArrayBuffer(engine.length + 64 + nextRequest.size() * 16);
        body.putLong(0, seq);
        body.putLong(8, applied);
        body.putInt(16, nextRequest.size());
        int at = 20;
        final Long2LongHashMap.KeyIterator clients = nextRequest.keySet().iterator();
        while (clients.hasNext())
        {
            final long client = clients.nextValue();
            body.putLong(at, client);
            body.putLong(at + 8, nextRequest.get(client));
            at += 16;
        }
        body.putInt(at, engine.length);
        body.putBytes(at + 4, engine);
        final int length = at + 4 + engine.length;
        final UnsafeBuffer head = new UnsafeBuffer(new byte[12]);
        head.putInt(0, MAGIC);
        head.putLong(4, length);
        offer(publication, idle, head, 0, 12);
        for (int from = 0; from < length; from += CHUNK)
        {
            offer(publication, idle, body, from, Math.min(CHUNK, length - from));
        }
    }

    private static void offer(final ExclusivePublication publication, final IdleStrategy idle,
        final DirectBuffer buffer, final int offset, final int length)
    {
        idle.reset();
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return;
            }
            if (result == ExclusivePublication.CLOSED || result == ExclusivePublication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("snapshot publication failed: " + result);
            }
            idle.idle();
        }
    }

    /** Reads a snapshot into {@code logic} (empty) and {@code nextRequest}. */
    static State load(final Image image, final IdleStrategy idle, final BusinessLogic logic, final Long2LongHashMap nextRequest)
    {
        final ExpandableArrayBuffer body = new ExpandableArrayBuffer(64 * 1024);
        final long[] lengthAndReceived = {-1, 0};
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            if (lengthAndReceived[0] < 0)
            {
                if (buffer.getInt(offset) != MAGIC)
                {
                    throw new IllegalStateException("not an engine cluster snapshot");
                }
                lengthAndReceived[0] = buffer.getLong(offset + 4);
                return;
            }
            body.putBytes((int)lengthAndReceived[1], buffer, offset, length);
            lengthAndReceived[1] += length;
        });
        idle.reset();
        while (lengthAndReceived[0] < 0 || lengthAndReceived[1] < lengthAndReceived[0])
        {
            final int fragments = image.poll(assembler, 16);
            if (fragments == 0 && image.isEndOfStream())
            {
                throw new IllegalStateException("snapshot ended after " + lengthAndReceived[1] + " bytes");
            }
            idle.idle(fragments);
        }
        final int clients = body.getInt(16);
        int at = 20;
        for (int i = 0; i < clients; i++)
        {
            nextRequest.put(body.getLong(at), body.getLong(at + 8));
            at += 16;
        }
        final byte[] engine = new byte[body.getInt(at)];
        body.getBytes(at + 4, engine);
        SnapshotImage.restore("cluster snapshot", engine, logic);
        return new State(body.getLong(0), body.getLong(8));
    }
}
