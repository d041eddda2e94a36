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

    Gateway(final Engine engine)
    {
        this.engine = engine;
    }

    /**
     * @return the submitted command, or null when the ring is full.
     *
     * <p>The sequence is read from {@link Engine#nextSeq()} under a lock shared by every HTTP
     * request, so it is exact while HTTP is the engine's only producer. With other producers
     * (TCP) it is exact once {@code result} completes; callers that do not wait say so.
     */
    Submitted trySubmit(final Command command)
    {
        final CompletableFuture<CommandResult> future = new CompletableFuture<>();
        synchronized (this)
        {
            final long seq = engine.nextSeq();
            if (!engine.trySubmit(command, batch -> future.complete(Results.copy(batch))))
            {
                return null;
            }
            return new Submitted(seq, future);
        }
    }
}
