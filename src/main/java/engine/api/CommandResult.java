package engine.api;

import java.util.List;

/** What the engine did with one command: its sequence, its time and its events, in order. */
public record CommandResult(long seq, long timestamp, CommandType commandType, List<Event> events)
{
    /** Whether the command was rejected (its only event is a REJECTED). */
    public boolean rejected()
    {
        return events.size() == 1 && events.get(0).type() == EventType.REJECTED;
    }
}
