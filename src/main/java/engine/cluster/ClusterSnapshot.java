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
 * The service's snapshot in the cluster's snapshot recording: a first message with the magic,
 * the format version and the total length, then the body in chunks:
 * <pre>
 * i64 seq, i64 commands applied, i64 due timer's correlation id, i64 due timer's deadline (Long.MAX_VALUE: none),
 * i32 client count, per client (i64 client id, i64 next request),
 * the reply history ({@link ReplyHistory#write}),
 * i32 length, then the engine's own snapshot format (engine.journal.SnapshotImage) with its checksums
 * </pre>
 * Version 1 (no version field, a 12-byte first message; no timer, no reply history) is refused
 * with a message saying so. The cluster replays the log from the snapshot's position on restart,
 * so a member that was down catches up from its latest snapshot plus the log after it.
 */
final class ClusterSnapshot
{
    private static final int MAGIC = 0x534E4543; // "CENS"
    static final int VERSION = 2;
    private static final int HEAD = 16;
    private static final int VERSION_1_HEAD = 12;
    private static final int CHUNK = 16 * 1024;

    /** What a loaded snapshot says besides the engine state. */
    record State(long seq, long applied, long timerCorrelationId, long timerDeadline)
    {
    }

    private ClusterSnapshot()
    {
    }

    static void write(final ExclusivePublication publication, final IdleStrategy idle, final State state,
        final Long2LongHashMap nextRequest, final ReplyHistory replies, final BusinessLogic logic)
    {
        final byte[] engine = SnapshotImage.capture(logic);
        final ExpandableArrayBuffer body = new ExpandableArrayBuffer(engine.length + 64 + nextRequest.size() * 16 +
            replies.maxWriteLength());
        body.putLong(0, state.seq());
        body.putLong(8, state.applied());
        body.putLong(16, state.timerCorrelationId());
        body.putLong(24, state.timerDeadline());
        body.putInt(32, nextRequest.size());
        int at = 36;
        final Long2LongHashMap.KeyIterator clients = nextRequest.keySet().iterator();
        while (clients.hasNext())
        {
            final long client = clients.nextValue();
            body.putLong(at, client);
            body.putLong(at + 8, nextRequest.get(client));
            at += 16;
        }
        at = replies.write(body, at);
        body.putInt(at, engine.length);
        body.putBytes(at + 4, engine);
        final int length = at + 4 + engine.length;
        final UnsafeBuffer head = new UnsafeBuffer(new byte[HEAD]);
        head.putInt(0, MAGIC);
        head.putInt(4, VERSION);
        head.putLong(8, length);
        offer(publication, idle, head, 0, HEAD);
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

    /** Reads a snapshot into {@code logic}, {@code nextRequest} and {@code replies} (all empty). */
    static State load(final Image image, final IdleStrategy idle, final BusinessLogic logic, final Long2LongHashMap nextRequest,
        final ReplyHistory replies)
    {
        final ExpandableArrayBuffer body = new ExpandableArrayBuffer(64 * 1024);
        final long[] lengthAndReceived = {-1, 0};
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            if (lengthAndReceived[0] < 0)
            {
                lengthAndReceived[0] = bodyLength(buffer, offset, length);
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
        final int clients = body.getInt(32);
        int at = 36;
        for (int i = 0; i < clients; i++)
        {
            nextRequest.put(body.getLong(at), body.getLong(at + 8));
            at += 16;
        }
        at = replies.read(body, at);
        final byte[] engine = new byte[body.getInt(at)];
        body.getBytes(at + 4, engine);
        SnapshotImage.restore("cluster snapshot", engine, logic);
        return new State(body.getLong(0), body.getLong(8), body.getLong(16), body.getLong(24));
    }

    /** The body length the first message announces, once it is known to be a snapshot of this version. */
    static long bodyLength(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < VERSION_1_HEAD || buffer.getInt(offset) != MAGIC)
        {
            throw new IllegalStateException("not an engine cluster snapshot");
        }
        final int version = length == VERSION_1_HEAD ? 1 : buffer.getInt(offset + 4);
        if (version != VERSION)
        {
            throw new IllegalStateException("engine cluster snapshot version " + version + " cannot be read by this build" +
                " (it reads version " + VERSION + "): start the member from an empty directory and let it catch up" +
                " from the others, or with the build that wrote the snapshot");
        }
        return buffer.getLong(offset + 8);
    }
}
