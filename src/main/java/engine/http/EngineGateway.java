package engine.http;

import engine.api.Command;
import engine.api.CommandResult;
import engine.app.Engine;
import engine.core.Results;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Hands HTTP commands to the single-process engine without ever blocking on a full ring: a full
 * ring is reported (HTTP 503), never waited on and never dropped once accepted.
 */
final class EngineGateway implements Gateway
{
    private final Engine engine;
    private final Supplier<String> refusal;
    private final LatencyWindow latencies;

    /**
     * @param refusal why commands are refused now (journal unavailable), or null when they are not
     * @param latencies told each command's time from submit to its journaled result, on the thread
     *     that releases results ({@code engine-io}), never the business logic's
     */
    EngineGateway(final Engine engine, final Supplier<String> refusal, final LatencyWindow latencies)
    {
        this.engine = engine;
        this.refusal = refusal;
        this.latencies = latencies;
    }

    @Override
    public long lastSubmittedSeq()
    {
        return engine.nextSeq() - 1;
    }

    @Override
    public String refusal()
    {
        return refusal.get();
    }

    @Override
    public Submitted trySubmit(final Command command)
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
