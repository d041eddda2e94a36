package engine.cluster;

import engine.api.Command;
import engine.api.CommandResult;
import engine.api.CommandType;
import engine.http.Gateway;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The HTTP command routes' way into the cluster: each command goes through an
 * {@link EngineClusterClient}, so whichever member the HTTP client talks to, the command is
 * applied by the leader and answered only once a majority has it. The result is the events the
 * leader sent back; the member's own read models show the command once it has applied it from its
 * log (queries with {@code ?minSeq=} the result's seq wait for that).
 *
 * <p>Commands waiting for the cluster are bounded ({@link #MAX_WAITING}): beyond, commands are
 * refused (HTTP 503) rather than queued without end while the cluster has no majority.
 */
public final class ClusterGateway implements Gateway
{
    static final int MAX_WAITING = 8192;
    /** How long a catch-up waits for the cluster's answer (no majority: the name stays unknown here). */
    private static final long STATUS_WAIT_MILLIS = 1_000;

    private final EngineClusterClient client;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong lastSeq = new AtomicLong();
    private final LongSupplier appliedSeq;

    /** @param appliedSeq the newest seq this member has applied (its read side's), commands from elsewhere included */
    public ClusterGateway(final EngineClusterClient client, final LongSupplier appliedSeq)
    {
        this.client = client;
        this.appliedSeq = appliedSeq;
    }

    /** The newest seq known here: this gateway's own commands' (committed, perhaps not yet applied here) or the member's. */
    @Override
    public long lastSubmittedSeq()
    {
        return Math.max(lastSeq.get(), appliedSeq.getAsLong());
    }

    /**
     * Asks the cluster: a symbol added through another member is committed before that member's
     * client heard of it, but this member may not have applied it yet and this gateway never saw its
     * seq. A status query is answered at its own place in the log, after every command committed
     * before it, so its seq is a target this member's read models will reach.
     */
    @Override
    public long catchUpSeq()
    {
        try
        {
            return Math.max(client.status().get(STATUS_WAIT_MILLIS, TimeUnit.MILLISECONDS).seq(), lastSubmittedSeq());
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return lastSubmittedSeq();
        }
        catch (final ExecutionException | TimeoutException e)
        {
            return lastSubmittedSeq();
        }
    }

    @Override
    public String refusal()
    {
        return waiting.get() >= MAX_WAITING ? "cluster busy: " + MAX_WAITING + " commands await a commit, retry later" : null;
    }

    @Override
    public Submitted trySubmit(final Command command)
    {
        if (waiting.incrementAndGet() > MAX_WAITING)
        {
            waiting.decrementAndGet();
            return null;
        }
        final CommandType type = command.type();
        final CompletableFuture<CommandResult> result = client.submit(command).handle((reply, error) ->
        {
            waiting.decrementAndGet();
            if (error != null)
            {
                throw new IllegalStateException("the cluster did not apply the command", error);
            }
            lastSeq.accumulateAndGet(reply.seq(), Math::max);
            return new CommandResult(reply.seq(), reply.timestamp(), type, reply.events());
        });
        return new Submitted(SEQ_UNKNOWN, result);
    }
}
