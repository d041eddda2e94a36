package engine.cluster;

import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The last replies the service sent each client, so that a request sent again after a leader
 * change is answered DUPLICATE with the original seq, time and events instead of a bare
 * "already applied". Part of the replicated state: it changes only with the log (one reply
 * recorded per request applied, in log order) and is in every cluster snapshot, so every member
 * keeps exactly the same replies and any of them, once leader, answers a duplicate the same way.
 *
 * <p>Bounded: per client the last {@code repliesPerClient} replies, as long as they fit in a ring
 * of {@code bytesPerClient} bytes (a reply larger than the ring is not kept); at most
 * {@code maxClients} clients, the one whose last request is oldest in the log giving way to a new
 * one. A request whose reply is no longer kept is answered DUPLICATE without its outcome.
 * Memory is allocated when a client first appears (or reused from the client it replaces), never
 * per reply.
 */
final class ReplyHistory
{
    static final int DEFAULT_REPLIES_PER_CLIENT = 1024;
    static final int DEFAULT_BYTES_PER_CLIENT = 128 * 1024;
    static final int DEFAULT_MAX_CLIENTS = 256;

    private final int repliesPerClient;
    private final int bytesPerClient;
    private final int maxClients;
    private final Long2ObjectHashMap<ClientReplies> clients = new Long2ObjectHashMap<>();
    /** Counts recorded replies, in log order: a client's last use, for choosing whom to forget. */
    private long uses;

    ReplyHistory()
    {
        this(DEFAULT_REPLIES_PER_CLIENT, DEFAULT_BYTES_PER_CLIENT, DEFAULT_MAX_CLIENTS);
    }

    ReplyHistory(final int repliesPerClient, final int bytesPerClient, final int maxClients)
    {
        if (repliesPerClient <= 0 || bytesPerClient <= 0 || maxClients <= 0)
        {
            throw new IllegalArgumentException("reply history bounds must be positive: " + repliesPerClient + " replies, " +
                bytesPerClient + " bytes, " + maxClients + " clients");
        }
        this.repliesPerClient = repliesPerClient;
        this.bytesPerClient = bytesPerClient;
        this.maxClients = maxClients;
    }

    /** Keeps {@code reply[0, length)} as the answer to {@code request} of {@code clientId}. */
    void record(final long clientId, final long request, final DirectBuffer reply, final int length)
    {
        final ClientReplies replies = client(clientId);
        replies.lastUse = ++uses;
        replies.put(request, reply, length);
    }

    /** Copies the kept reply to {@code request} of {@code clientId} into {@code into} at 0: its length, or -1 if not kept. */
    int find(final long clientId, final long request, final MutableDirectBuffer into)
    {
        final ClientReplies replies = clients.get(clientId);
        return replies == null ? -1 : replies.get(request, into);
    }

    int clientCount()
    {
        return clients.size();
    }

    private ClientReplies client(final long clientId)
    {
        ClientReplies replies = clients.get(clientId);
        if (replies != null)
        {
            return replies;
        }
        if (clients.size() < maxClients)
        {
            replies = new ClientReplies(repliesPerClient, bytesPerClient);
        }
        else
        {
            replies = clients.remove(leastRecentlyUsed());
            replies.clear();
        }
        replies.clientId = clientId;
        clients.put(clientId, replies);
        return replies;
    }

    /** Unique: every use has its own number, so the choice is the same on every member. */
    private long leastRecentlyUsed()
    {
        long oldest = Long.MAX_VALUE;
        long clientId = 0;
        for (final ClientReplies replies : clients.values())
        {
            if (replies.lastUse < oldest)
            {
                oldest = replies.lastUse;
                clientId = replies.clientId;
            }
        }
        return clientId;
    }

    /**
     * Writes the history at {@code at}; returns the position after it:
     * <pre>
     * i64 uses, i32 clients, per client: i64 client id, i64 last use, i64 ring write position, i64 last request,
     *   i32 replies,
     *   per reply in request order: i64 request, i64 ring position, i32 length, the bytes
     * </pre>
     * Ring positions are kept so that a loaded history forgets replies at exactly the same point as
     * the members that never restarted.
     */
    int write(final MutableDirectBuffer body, final int at)
    {
        body.putLong(at, uses);
        body.putInt(at + 8, clients.size());
        int position = at + 12;
        for (final ClientReplies replies : clients.values())
        {
            position = replies.write(body, position);
        }
        return position;
    }

    /** An upper bound of {@link #write}'s length. */
    int maxWriteLength()
    {
        int length = 12;
        for (final ClientReplies replies : clients.values())
        {
            length += 36 + replies.repliesKept() * 20 + replies.bytesKept();
        }
        return length;
    }

    /** Reads what {@link #write} wrote into this (empty) history; returns the position after it. */
    int read(final DirectBuffer body, final int at)
    {
        uses = body.getLong(at);
        final int count = body.getInt(at + 8);
        int position = at + 12;
        for (int i = 0; i < count; i++)
        {
            final long clientId = body.getLong(position);
            final ClientReplies replies = client(clientId);
            position = replies.read(body, position);
        }
        return position;
    }

    /** One client's replies: slot {@code request % replies} says where in the byte ring each one is. */
    private static final class ClientReplies
    {
        private final long[] requests;
        private final long[] starts;
        private final int[] lengths;
        private final UnsafeBuffer ring;
        private final int capacity;
        long clientId;
        long lastUse;
        /** Where the next reply goes, counted from the first byte ever written: the ring offset is this modulo the capacity. */
        private long writePosition;
        private long lastRequest;

        ClientReplies(final int replies, final int capacity)
        {
            requests = new long[replies];
            starts = new long[replies];
            lengths = new int[replies];
            ring = new UnsafeBuffer(new byte[capacity]);
            this.capacity = capacity;
        }

        void clear()
        {
            Arrays.fill(requests, 0);
            writePosition = 0;
            lastRequest = 0;
            lastUse = 0;
        }

        void put(final long request, final DirectBuffer reply, final int length)
        {
            final int slot = slot(request);
            lastRequest = request;
            if (length > capacity)
            {
                requests[slot] = 0;
                return;
            }
            int offset = (int)(writePosition % capacity);
            if (offset + length > capacity)
            {
                writePosition += capacity - offset;
                offset = 0;
            }
            ring.putBytes(offset, reply, 0, length);
            requests[slot] = request;
            starts[slot] = writePosition;
            lengths[slot] = length;
            writePosition += length;
        }

        int get(final long request, final MutableDirectBuffer into)
        {
            if (request <= 0 || !kept(slot(request), request))
            {
                return -1;
            }
            final int slot = slot(request);
            into.putBytes(0, ring, (int)(starts[slot] % capacity), lengths[slot]);
            return lengths[slot];
        }

        /** Kept while no later reply has been written over its bytes. */
        private boolean kept(final int slot, final long request)
        {
            return requests[slot] == request && starts[slot] >= writePosition - capacity;
        }

        private int slot(final long request)
        {
            return (int)Math.floorMod(request, (long)requests.length);
        }

        int repliesKept()
        {
            int kept = 0;
            for (long request = Math.max(1, lastRequest - requests.length + 1); request <= lastRequest; request++)
            {
                kept += kept(slot(request), request) ? 1 : 0;
            }
            return kept;
        }

        int bytesKept()
        {
            return (int)Math.min(capacity, writePosition);
        }

        int write(final MutableDirectBuffer body, final int at)
        {
            body.putLong(at, clientId);
            body.putLong(at + 8, lastUse);
            body.putLong(at + 16, writePosition);
            body.putLong(at + 24, lastRequest);
            final int countAt = at + 32;
            int position = countAt + 4;
            int count = 0;
            for (long request = Math.max(1, lastRequest - requests.length + 1); request <= lastRequest; request++)
            {
                final int slot = slot(request);
                if (kept(slot, request))
                {
                    body.putLong(position, request);
                    body.putLong(position + 8, starts[slot]);
                    body.putInt(position + 16, lengths[slot]);
                    body.putBytes(position + 20, ring, (int)(starts[slot] % capacity), lengths[slot]);
                    position += 20 + lengths[slot];
                    count++;
                }
            }
            body.putInt(countAt, count);
            return position;
        }

        int read(final DirectBuffer body, final int at)
        {
            lastUse = body.getLong(at + 8);
            writePosition = body.getLong(at + 16);
            lastRequest = body.getLong(at + 24);
            final int count = body.getInt(at + 32);
            int position = at + 36;
            for (int i = 0; i < count; i++)
            {
                final long request = body.getLong(position);
                final long start = body.getLong(position + 8);
                final int length = body.getInt(position + 16);
                final int slot = slot(request);
                if (start >= writePosition - capacity && start % capacity + length <= capacity)
                {
                    requests[slot] = request;
                    starts[slot] = start;
                    lengths[slot] = length;
                    ring.putBytes((int)(start % capacity), body, position + 20, length);
                }
                position += 20 + length;
            }
            return position;
        }
    }
}
