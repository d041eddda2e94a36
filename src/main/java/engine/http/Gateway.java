package engine.http;

import engine.api.Command;
import engine.api.CommandResult;
import engine.app.Engine;
import engine.core.Results;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Hands HTTP commands to the engine without ever blocking on a full ring: a full ring is
 * reported (HTTP 503), never waited on and never dropped once accepted.
 */
final class Gateway
{
    /** A command the ring took: its sequence number and the future of its events. */
    record Submitted(long seq, CompletableFuture<CommandResult> result)
    {
    }

    private final Engine engine;
    private final Supplier<String> refusal;
    private final LatencyWindow latencies;

    /**
     * @param refusal why commands are refused now (journal unavailable), or null when they are not
     * @param latencies told each command's time from submit to its journaled result, on the thread
     *     that releases results ({@code engine-io}), never the business logic's
     */
    Gateway(final Engine engine, final Supplier<String> refusal, final LatencyWindow latencies)
    {
        this.engine = engine;
        this.refusal = refusal;
        this.latencies = latencies;
    }

    /** The sequence number of the newest command the engine has taken. */
    long lastSubmittedSeq()
    {
        return engine.nextSeq() - 1;
    }

    /** Why commands are refused now, or null. */
    String refusal()
    {
        return refusal.get();
    }

    /**
     * @return the submitted command with the sequence number the ring gave it, or null when the
     *         ring is full or commands are refused ({@link #refusal()})
     */
    Submitted trySubmit(final Command command)
    {
        if (refusal.get() != null)
        {
            return null;
        }
        final CompletableFuture<CommandResult> future = new CompletableFuture<>();
        final long start = System.nanoTime();
        final long seq = engine.trySubmitForSeq(command, batch ->
        {
            latencies.record(System.nanoTime() - start);
            future.complete(Results.copy(batch));
        });
        return seq < 0 ? null : new Submitted(seq, future);
    }
}
