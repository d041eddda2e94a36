package engine.cluster;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.journal.CommandCodec;
import engine.logic.BusinessLogic;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * The engine as a service of Aeron Cluster. The cluster hands it a message only once a majority
 * of members has it in their logs, every member in the same order, so every member applies the
 * same commands, with the same times (the log's timestamps, never a clock), to its own
 * {@link BusinessLogic}: the same states, and the events go back to the sending client only once
 * the command is committed. Single-threaded (the service container's thread), like the BLP.
 *
 * <p>A client's requests apply exactly once and in order (see {@link ClusterProtocol}); the
 * next expected request number per client is part of the state and of every snapshot, and so are
 * the client's recent replies ({@link ReplyHistory}): a request sent again is answered with its
 * original outcome. One cluster timer follows the business logic's next due time ({@link DueTimer}),
 * so GTD orders expire and withdrawal deadlines pass in an idle cluster too.
 */
public final class EngineClusteredService implements ClusteredService
{
    private final BusinessLogic logic;
    private final Consumer<String> statusLog;
    private final Command command = new Command();
    private final CommandCodec codec = new CommandCodec();
    private final ExpandableArrayBuffer reply = new ExpandableArrayBuffer(4096);
    private final EventRecords events = new EventRecords(reply);
    /** Client id to the next request number expected from it; absent means 1. */
    private final Long2LongHashMap nextRequest = new Long2LongHashMap(0);
    private final ReplyHistory replies;
    private final DueTimer dueTimer = new DueTimer();
    private final ServiceProgress progress = new ServiceProgress();
    /** Told every applied command and its events (the member's read side), or null. */
    private final AppliedCommands appliedCommands;
    private final TeeSink tee = new TeeSink();
    private Cluster cluster;
    private long seq;
    private long applied;
    private boolean millisecondsChecked;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;

    /** @param statusLog receives one line per status query applied, and role changes */
    public EngineClusteredService(final SelfTradePrevention stp, final Consumer<String> statusLog)
    {
        this(stp, statusLog, new ReplyHistory());
    }

    EngineClusteredService(final SelfTradePrevention stp, final Consumer<String> statusLog, final ReplyHistory replies)
    {
        this(stp, statusLog, replies, null);
    }

    /**
     * @param statusLog receives one line per status query applied, and role changes
     * @param appliedCommands told every command applied, with its events (may be null)
     */
    public EngineClusteredService(final SelfTradePrevention stp, final Consumer<String> statusLog,
        final AppliedCommands appliedCommands)
    {
        this(stp, statusLog, new ReplyHistory(), appliedCommands);
    }

    EngineClusteredService(final SelfTradePrevention stp, final Consumer<String> statusLog, final ReplyHistory replies,
        final AppliedCommands appliedCommands)
    {
        this.logic = new BusinessLogic(stp);
        this.statusLog = statusLog;
        this.replies = replies;
        this.appliedCommands = appliedCommands;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        // Built on the thread that launched the member, used from here on by the service thread only.
        codec.singleThreadedCheckReset();
        if (snapshotImage != null)
        {
            final ClusterSnapshot.State state = ClusterSnapshot.load(snapshotImage, cluster.idleStrategy(), logic, nextRequest,
                replies);
            seq = state.seq();
            applied = state.applied();
            dueTimer.restore(state.timerCorrelationId(), state.timerDeadline());
            statusLog.accept("loaded snapshot: seq " + seq + " hash " +
                Long.toHexString(logic.stateHash()));
        }
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length, final Header header)
    {
        progress.entryApplied();
        requireMilliseconds();
        if (length < ClusterProtocol.COMMAND_ENTRY)
        {
            return;
        }
        final byte kind = buffer.getByte(offset + ClusterProtocol.KIND);
        final long clientId = buffer.getLong(offset + ClusterProtocol.CLIENT_ID);
        final long request = buffer.getLong(offset + ClusterProtocol.REQUEST);
        if (kind == ClusterProtocol.STATUS_QUERY)
        {
            status(session, request);
            return;
        }
        final long expected = Math.max(1, nextRequest.get(clientId));
        if (request < expected)
        {
            duplicate(session, clientId, request);
            return;
        }
        if (request > expected)
        {
            answer(session, ClusterProtocol.OUT_OF_ORDER, request, expected, 0);
            return;
        }
        nextRequest.put(clientId, request + 1);
        if (kind != ClusterProtocol.COMMAND || !codec.decode(buffer, offset + ClusterProtocol.COMMAND_ENTRY,
            length - ClusterProtocol.COMMAND_ENTRY, command))
        {
            answer(session, ClusterProtocol.MALFORMED, request, 0, 0);
            replies.record(clientId, request, reply, ClusterProtocol.REPLY_TIME + 8);
            return;
        }
        seq++;
        applied++;
        command.seq(seq).timestamp(timestamp);
        events.start(ClusterProtocol.REPLY_EVENTS);
        applyCommand();
        reply.putInt(ClusterProtocol.REPLY_COUNT, events.count());
        answer(session, ClusterProtocol.RESULT, request, seq, timestamp);
        replies.record(clientId, request, reply, events.end());
        send(session, events.end());
        dueTimer.reschedule(cluster, logic.nextDueTime());
    }

    /**
     * A request applied before: answered with its original reply (kind DUPLICATE, the same seq,
     * time and events) while the history keeps it, otherwise DUPLICATE with seq 0 and no events.
     */
    private void duplicate(final ClientSession session, final long clientId, final long request)
    {
        final int length = replies.find(clientId, request, reply);
        if (length < 0)
        {
            reply.putInt(ClusterProtocol.REPLY_COUNT, 0);
            answer(session, ClusterProtocol.DUPLICATE, request, 0, 0);
            return;
        }
        if (reply.getByte(ClusterProtocol.KIND) == ClusterProtocol.RESULT)
        {
            reply.putByte(ClusterProtocol.KIND, ClusterProtocol.DUPLICATE);
        }
        send(session, length);
    }

    private void status(final ClientSession session, final long request)
    {
        final long hash = logic.stateHash();
        statusLog.accept("member " + cluster.memberId() + " status: seq " + seq + " hash " + Long.toHexString(hash) +
            " applied " + applied + " role " + role);
        reply.putInt(ClusterProtocol.REPLY_COUNT, cluster.memberId());
        reply.putLong(ClusterProtocol.STATUS_APPLIED, applied);
        answer(session, ClusterProtocol.STATUS, request, seq, hash);
        send(session, ClusterProtocol.STATUS_LENGTH);
    }

    /** Fills the reply header; RESULT and STATUS replies are sent by the caller once their body is in. */
    private void answer(final ClientSession session, final byte kind, final long request, final long value, final long value2)
    {
        reply.putByte(0, kind);
        reply.putLong(ClusterProtocol.REPLY_REQUEST, request);
        reply.putLong(ClusterProtocol.REPLY_SEQ, value);
        reply.putLong(ClusterProtocol.REPLY_TIME, value2);
        if (kind == ClusterProtocol.DUPLICATE)
        {
            send(session, ClusterProtocol.REPLY_EVENTS);
        }
        else if (kind != ClusterProtocol.RESULT && kind != ClusterProtocol.STATUS)
        {
            send(session, ClusterProtocol.REPLY_TIME + 8);
        }
    }

    /**
     * Offers the reply to the session (a no-op on followers). A client that is gone or stays
     * back-pressured loses the reply, never the command: it sends again and gets DUPLICATE.
     */
    private void send(final ClientSession session, final int length)
    {
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            final long result = session.offer(reply, 0, length);
            if (result > 0 || result == Publication.NOT_CONNECTED || result == Publication.CLOSED)
            {
                return;
            }
            cluster.idleStrategy().idle();
        }
    }

    /**
     * The due timer fired on the leader and came through the log: a TICK at the log's time
     * expires what is due, as the engine timer's TICK does in {@code serve}, with its own seq.
     * A timer that was already moved (it fired while the service rescheduled it) ticks only if
     * something is due by then; nothing is applied otherwise.
     */
    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        progress.entryApplied();
        requireMilliseconds();
        dueTimer.fired(correlationId);
        if (logic.nextDueTime() <= timestamp)
        {
            tick(timestamp);
        }
        dueTimer.reschedule(cluster, logic.nextDueTime());
    }

    /**
     * Log timestamps and timer deadlines are the engine's times only if the cluster clock counts
     * milliseconds (ClusterMember sets it so). The unit is known once the log is joined, not in onStart.
     */
    private void requireMilliseconds()
    {
        if (!millisecondsChecked)
        {
            if (cluster.timeUnit() != TimeUnit.MILLISECONDS)
            {
                throw new IllegalStateException("the engine's times are milliseconds; the cluster clock is in " + cluster.timeUnit());
            }
            millisecondsChecked = true;
        }
    }

    /** Applies a TICK: its events go to no client (nobody asked), only to the state. */
    private void tick(final long timestamp)
    {
        seq++;
        applied++;
        command.tick(timestamp).seq(seq);
        events.start(ClusterProtocol.REPLY_EVENTS);
        applyCommand();
    }

    /** Applies {@code command}: its events to the reply and, when there is one, to the read side. */
    private void applyCommand()
    {
        if (appliedCommands == null)
        {
            logic.apply(command, events);
            return;
        }
        logic.apply(command, tee.to(events, appliedCommands.begin(command)));
        appliedCommands.end();
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        if (appliedCommands != null)
        {
            appliedCommands.beforeSnapshot(seq);
        }
        ClusterSnapshot.write(snapshotPublication, cluster.idleStrategy(),
            new ClusterSnapshot.State(seq, applied, dueTimer.correlationId(), dueTimer.deadline()), nextRequest, replies, logic);
        progress.snapshotTaken();
        statusLog.accept("member " + cluster.memberId() + " took snapshot at seq " + seq);
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
        progress.leader(newRole == Cluster.Role.LEADER);
        statusLog.accept("member " + (cluster == null ? "?" : Integer.toString(cluster.memberId())) + " role " + newRole);
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
    }

    /** Its progress, for the member's snapshot trigger. */
    ServiceProgress progress()
    {
        return progress;
    }

    /** The last seq applied; for tests in the same JVM. */
    long seq()
    {
        return seq;
    }
}
