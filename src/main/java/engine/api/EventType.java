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
    SYMBOL_ADDED,
    /** A withdrawal saga started: the amount left available and is in flight. */
    WITHDRAW_PENDING,
    /** A withdrawal's attempt passed its deadline unanswered: the next attempt, with a later deadline. */
    WITHDRAW_ATTEMPT,
    /** A withdrawal was paid out: the amount left the engine. */
    WITHDRAW_CONFIRMED,
    /** A withdrawal was refused by the wallet: the amount is available again. */
    WITHDRAW_FAILED,
    /** A withdrawal's last attempt passed its deadline: the amount is available again. */
    WITHDRAW_TIMED_OUT;

    private static final EventType[] VALUES = values();

    public static EventType fromCode(final int code)
    {
        return VALUES[code];
    }
}
