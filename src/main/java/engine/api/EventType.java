package engine.api;

/** The events the business logic emits. The codes are stored in the event store: never renumber one. */
public enum EventType implements Coded
{
    ACCEPTED(0),
    REJECTED(1),
    TRADE(2),
    CANCELED(3),
    AMENDED(4),
    DEPOSITED(5),
    WITHDRAWN(6),
    SYMBOL_ADDED(7);

    private static final EventType[] BY_CODE = EnumCodes.table(values());

    private final int code;

    EventType(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    /** @throws IllegalArgumentException when no event type has {@code code} */
    public static EventType fromCode(final int code)
    {
        return EnumCodes.decode(BY_CODE, code, "EventType");
    }
}
