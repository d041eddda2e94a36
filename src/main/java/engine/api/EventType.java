package engine.api;

/** The events the business logic emits, with stable codes used by the event store. */
public enum EventType
{
    ACCEPTED,
    REJECTED,
    TRADE,
    CANCELED,
    AMENDED,
    DEPOSITED,
    WITHDRAWN,
    SYMBOL_ADDED;

    private static final EventType[] VALUES = values();

    public static EventType fromCode(final int code)
    {
        return VALUES[code];
    }
}
