package engine.http;

import engine.api.Command;
import engine.api.CommandResult;
import engine.app.Engine;
import engine.core.Results;
import java.util.concurrent.CompletableFuture;

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
    private final LatencyWindow latencies;

    /**
     * @param latencies told each command's time from submit to its journaled result, on the thread
     *     that releases results ({@code engine-io}), never the business logic's
     */
    Gateway(final Engine engine, final LatencyWindow latencies)
    {
        this.engine = engine;
        this.latencies = latencies;
    }

    /** @return the submitted command with the sequence number the ring gave it, or null when the ring is full. */
    Submitted trySubmit(final Command command)
    {
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
