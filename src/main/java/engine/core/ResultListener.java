package engine.core;

/**
 * Receives the events of one command, on the result-handler thread, after the command is
 * journaled. The batch is a reused ring slot: copy what you keep before returning.
 */
@FunctionalInterface
public interface ResultListener
{
    void onResult(EventBatch result);
}
