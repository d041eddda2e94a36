package engine.cluster;

import engine.api.Command;
import engine.api.Event;
import engine.journal.CommandCodec;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.Header;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * A client of the engine cluster, safe to call from any thread: {@link #submit} numbers each
 * command (1, 2, 3 ... under this client's id) and completes its future once the cluster has
 * committed and applied it. One thread owns the {@link AeronCluster} session: it sends in
 * request order, follows a new leader, reconnects when the session is lost, and sends again every
 * request not yet answered (after a leader change, an {@code OUT_OF_ORDER} answer, or when the
 * oldest one has waited {@link #RESEND_AFTER_NS}); the service answers an already applied request
 * {@code DUPLICATE} with its original outcome instead of applying it twice. A future that never completes means the
 * cluster never committed the command (no majority): nothing is acknowledged that is not applied.
 */
public final class EngineClusterClient implements AutoCloseable
{
    /** How long the oldest unanswered request waits before everything unanswered is sent again. */
    static final long RESEND_AFTER_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long KEEP_ALIVE_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int MAX_IN_FLIGHT = 8192;

    /**
     * What the cluster said about a command. A duplicate (the command had been applied already, its
     * first answer lost) carries the original seq, time and events while the cluster still keeps
     * them; for an older request it has seq 0 and no events: applied once, outcome no longer known.
     */
    public record Reply(long request, boolean duplicate, long seq, long timestamp, List<Event> events)
    {
        /** False only for a duplicate whose original outcome the cluster no longer keeps. */
        public boolean outcomeKnown()
        {
            return !duplicate || seq > 0;
        }
    }

    /** A member's answer to a status query, taken at that query's place in the log. */
    public record Status(long seq, long stateHash, long applied, int leader)
    {
    }

    private static final class Pending
    {
        final Command command = new Command();
        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        long request;
    }

    private final long clientId;
    private final ClusterLayout layout;
    private final String egressHost;
    private final PrintStream log;
    private final MediaDriver driver;
    private final ConcurrentLinkedQueue<Object> incoming = new ConcurrentLinkedQueue<>();
    private final TreeMap<Long, Pending> unanswered = new TreeMap<>();
    private final Map<Long, CompletableFuture<Status>> statusQueries = new TreeMap<>();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(256);
    private final CommandCodec codec = new CommandCodec();
    private final IdleStrategy idle = ClusterMember.backoff();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int leader = -1;
    private AeronCluster cluster;
    private long nextRequest = 1;
    private long sendCursor = 1;
    private long nextStatus = -1;
    private long lastSendNs;
    private long oldestSentNs;
    private long lastGoBack;
    private long lastGoBackNs;
    private long lastStatusNs;

    /**
     * @param clientId this client's identity across reconnects and restarts: two live clients must never share it
     * @param egressHost the address members send answers to (this machine's, as the members see it)
     */
    public EngineClusterClient(final long clientId, final ClusterLayout layout, final String egressHost, final PrintStream log)
        throws IOException
    {
        this.clientId = clientId;
        this.layout = layout;
        this.egressHost = egressHost;
        this.log = log;
        final Path aeronDir = Files.createTempDirectory("engine-cluster-client-");
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(ClusterMember.backoff())
            .publicationTermBufferLength(4 * 1024 * 1024)
            .ipcTermBufferLength(1024 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        thread = new Thread(this::run, "cluster-client-" + clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code command} (copied); the future completes when the cluster has applied it. */
    public CompletableFuture<Reply> submit(final Command command)
    {
        final Pending pending = new Pending();
        pending.command.copyFrom(command);
        incoming.add(pending);
        return pending.reply;
    }

    /** Asks the cluster for the leader's seq and state hash; every member logs its own at the same point. */
    public CompletableFuture<Status> status()
    {
        final CompletableFuture<Status> status = new CompletableFuture<>();
        incoming.add(status);
        return status;
    }

    /** The leader as last announced to this client, or -1. */
    public int leader()
    {
        return leader;
    }

    private void run()
    {
        while (running)
        {
            try
            {
                if (cluster == null || cluster.isClosed())
                {
                    connect();
                    continue;
                }
                int work = accept();
                work += send();
                work += cluster.pollEgress();
                keepAliveAndResend();
                idle.idle(work);
            }
            catch (final RuntimeException e)
            {
                if (running)
                {
                    log.println("cluster client: " + e);
                    closeSession();
                }
            }
        }
        closeSession();
    }

    private void connect()
    {
        closeSession();
        try
        {
            cluster = AeronCluster.connect(new AeronCluster.Context()
                .aeronDirectoryName(driver.aeronDirectoryName())
                .ingressChannel("aeron:udp")
                .ingressEndpoints(layout.ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=" + egressHost + ":0")
                .messageTimeoutNs(TimeUnit.SECONDS.toNanos(3))
                .egressListener(new Listener()));
            leader = cluster.leaderMemberId();
            sendCursor = unanswered.isEmpty() ? nextRequest : unanswered.firstKey();
            oldestSentNs = System.nanoTime();
        }
        catch (final RuntimeException e)
        {
            cluster = null;
            leader = -1;
            if (running)
            {
                log.println("cluster client: no cluster yet (" + e.getClass().getSimpleName() + "), retrying");
                sleepQuietly();
            }
        }
    }

    private void closeSession()
    {
        if (cluster != null)
        {
            try
            {
                cluster.close();
            }
            catch (final RuntimeException ignored)
            {
                // The session is being abandoned anyway; a new one replaces it.
            }
            cluster = null;
        }
    }

    private static void sleepQuietly()
    {
        try
        {
            Thread.sleep(200);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Numbers newly submitted commands, up to the in-flight limit. */
    private int accept()
    {
        int accepted = 0;
        while (unanswered.size() < MAX_IN_FLIGHT)
        {
            final Object next = incoming.poll();
            if (next == null)
            {
                break;
            }
            if (next instanceof Pending pending)
            {
                pending.request = nextRequest++;
                if (unanswered.isEmpty())
                {
                    oldestSentNs = System.nanoTime();
                }
                unanswered.put(pending.request, pending);
            }
            else
            {
                @SuppressWarnings("unchecked")
                final CompletableFuture<Status> status = (CompletableFuture<Status>)next;
                final long request = nextStatus--;
                statusQueries.put(request, status);
                lastStatusNs = System.nanoTime();
                sendStatusQuery(request);
            }
            accepted++;
        }
        return accepted;
    }

    private void sendStatusQuery(final long request)
    {
        out.putByte(ClusterProtocol.KIND, ClusterProtocol.STATUS_QUERY);
        out.putLong(ClusterProtocol.CLIENT_ID, clientId);
        out.putLong(ClusterProtocol.REQUEST, request);
        offer(ClusterProtocol.COMMAND_ENTRY);
    }

    /** Sends from the cursor in request order until the publication pushes back. */
    private int send()
    {
        int sent = 0;
        while (sendCursor < nextRequest)
        {
            final Pending pending = unanswered.get(sendCursor);
            if (pending != null)
            {
                out.putByte(ClusterProtocol.KIND, ClusterProtocol.COMMAND);
                out.putLong(ClusterProtocol.CLIENT_ID, clientId);
                out.putLong(ClusterProtocol.REQUEST, pending.request);
                final int length = codec.encode(pending.command, out, ClusterProtocol.COMMAND_ENTRY);
                if (!offer(ClusterProtocol.COMMAND_ENTRY + length))
                {
                    break;
                }
                sent++;
            }
            sendCursor++;
        }
        return sent;
    }

    private boolean offer(final int length)
    {
        if (cluster.offer(out, 0, length) > 0)
        {
            lastSendNs = System.nanoTime();
            return true;
        }
        return false;
    }

    private void keepAliveAndResend()
    {
        final long now = System.nanoTime();
        if (!unanswered.isEmpty() && now - oldestSentNs > RESEND_AFTER_NS)
        {
            goBack(unanswered.firstKey(), now);
        }
        if (!statusQueries.isEmpty() && now - lastStatusNs > RESEND_AFTER_NS)
        {
            // Status queries are read-only: asking again after a lost one is harmless.
            lastStatusNs = now;
            for (final long request : statusQueries.keySet())
            {
                sendStatusQuery(request);
            }
        }
        if (now - lastSendNs > KEEP_ALIVE_NS && cluster.sendKeepAlive())
        {
            lastSendNs = now;
        }
    }

    /** Sends everything unanswered again from {@code request} (answered ones are skipped). */
    private void goBack(final long request, final long now)
    {
        if (request == lastGoBack && now - lastGoBackNs < RESEND_AFTER_NS / 4)
        {
            return;
        }
        lastGoBack = request;
        lastGoBackNs = now;
        oldestSentNs = now;
        sendCursor = Math.min(sendCursor, request);
    }

    private void onReply(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte kind = buffer.getByte(offset + ClusterProtocol.KIND);
        final long request = buffer.getLong(offset + ClusterProtocol.REPLY_REQUEST);
        final long seq = buffer.getLong(offset + ClusterProtocol.REPLY_SEQ);
        final long time = buffer.getLong(offset + ClusterProtocol.REPLY_TIME);
        switch (kind)
        {
            case ClusterProtocol.STATUS ->
            {
                final CompletableFuture<Status> status = statusQueries.remove(request);
                if (status != null)
                {
                    status.complete(new Status(seq, time, buffer.getLong(offset + ClusterProtocol.STATUS_APPLIED),
                        buffer.getInt(offset + ClusterProtocol.REPLY_COUNT)));
                }
            }
            case ClusterProtocol.OUT_OF_ORDER -> goBack(seq, System.nanoTime());
            case ClusterProtocol.RESULT, ClusterProtocol.DUPLICATE, ClusterProtocol.MALFORMED ->
            {
                final Pending pending = unanswered.remove(request);
                if (pending == null)
                {
                    return;
                }
                oldestSentNs = System.nanoTime();
                if (kind == ClusterProtocol.MALFORMED)
                {
                    pending.reply.completeExceptionally(new IllegalArgumentException("the cluster could not decode request " +
                        request));
                    return;
                }
                final boolean withEvents = length >= ClusterProtocol.REPLY_EVENTS && seq > 0;
                final List<Event> events = withEvents ? EventRecords.decode(buffer,
                    offset + ClusterProtocol.REPLY_EVENTS, buffer.getInt(offset + ClusterProtocol.REPLY_COUNT), seq, time) : List.of();
                pending.reply.complete(new Reply(request, kind == ClusterProtocol.DUPLICATE, seq, time, events));
            }
            default -> log.println("cluster client: unknown reply kind " + kind);
        }
    }

    /** Runs on the client thread, inside pollEgress. */
    private final class Listener implements EgressListener
    {
        @Override
        public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset,
            final int length, final Header header)
        {
            onReply(buffer, offset, length);
        }

        @Override
        public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
            final String ingressEndpoints)
        {
            leader = leaderMemberId;
            log.println("cluster client: new leader " + leaderMemberId);
            if (!unanswered.isEmpty())
            {
                lastGoBack = 0;
                goBack(unanswered.firstKey(), System.nanoTime());
            }
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        running = false;
        thread.join(10_000);
        driver.close();
    }
}
