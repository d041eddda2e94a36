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
    SYMBOL_ADDED(7),
    /** A withdrawal saga started: the amount left available and is in flight. */
    WITHDRAW_PENDING(8),
    /** A withdrawal's attempt passed its deadline unanswered: the next attempt, with a later deadline. */
    WITHDRAW_ATTEMPT(9),
    /** A withdrawal was paid out: the amount left the engine. */
    WITHDRAW_CONFIRMED(10),
    /** A withdrawal was refused by the wallet: the amount is available again. */
    WITHDRAW_FAILED(11),
    /** A withdrawal gave up: the wallet's cancel answered that the key was not paid; the amount is available again. */
    WITHDRAW_TIMED_OUT(12),
    /** An operator's correction changed an account's available balance by a signed amount. */
    BALANCE_ADJUSTED(13),
    /** A trade's settlement was reversed between its two accounts (the book is not touched). */
    TRADE_BUSTED(14),
    /**
     * A withdrawal's last attempt passed its deadline unanswered: the worker asks the wallet to cancel the key (and
     * whether it was paid). The amount stays in flight, with no deadline, until the answer confirms or gives up.
     */
    WITHDRAW_CANCELLING(15);

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
