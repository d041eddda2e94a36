package engine.api;

/** Applies one command and writes its events; the business logic is the one that matters. */
@FunctionalInterface
public interface CommandProcessor
{
    void apply(Command command, EventSink sink);
}
