package engine.http;

import engine.api.Command;
import engine.api.CommandResult;
import java.util.concurrent.CompletableFuture;

/**
 * Where the HTTP command routes send commands: the engine in this process ({@link EngineGateway}), or
 * a replicated engine through its cluster client (engine.cluster). Never blocks: a command that
 * cannot be taken now is refused (HTTP 503), and one taken is never dropped.
 */
public interface Gateway
{
    /** Sequence number of a command taken before it has one (a cluster assigns it only when it commits). */
    long SEQ_UNKNOWN = -1;

    /**
     * A command taken: its sequence number ({@link #SEQ_UNKNOWN} while the engine has not assigned
     * one) and the future of its result, completed once its command is durable (journaled or committed).
     */
    record Submitted(long seq, CompletableFuture<CommandResult> result)
    {
    }

    /** The sequence number of the newest command this gateway knows the engine to have (read-your-writes waits for it). */
    long lastSubmittedSeq();

    /**
     * The seq a read model must reach before a front end calls a name unknown (a symbol just added
     * may not be applied here yet). Called only on such a miss, so it may ask the engine; by default
     * the newest seq this gateway knows.
     */
    default long catchUpSeq()
    {
        return lastSubmittedSeq();
    }

    /** Why commands are refused now, or null. */
    String refusal();

    /** @return the command taken, or null when it cannot be now ({@link #refusal()} may say why) */
    Submitted trySubmit(Command command);
}
