package engine.api;

/**
 * The commands the engine accepts. The codes are stored in the event store and the read-model
 * snapshots (the journal has its own kind codes, see JournalCodec): never renumber one.
 */
public enum CommandType implements Coded
{
    SYMBOL(0),
    DEPOSIT(1),
    WITHDRAW(2),
    PLACE(3),
    CANCEL(4),
    AMEND(5),
    TICK(6),
    /** Starts a withdrawal saga: the amount goes into flight, to be paid out by the transfer worker. */
    WITHDRAW_REQUEST(7),
    /** The external wallet paid a withdrawal: the amount in flight leaves. */
    WITHDRAW_CONFIRM(8),
    /** The external wallet refused a withdrawal: the amount in flight is available again. */
    WITHDRAW_FAIL(9),
    /** A deposit seen on the external system, credited once per external transaction id. */
    DEPOSIT_NOTIFY(10),
    /** An operator's correction of one balance by a signed amount, with a numeric reason code. */
    BALANCE_ADJUST(11),
    /** An operator's correction that reverses the settlement of one recent trade, named by its trade id. */
    TRADE_BUST(12);

    private static final CommandType[] BY_CODE = EnumCodes.table(values());

    private final int code;

    CommandType(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    /** @throws IllegalArgumentException when no command type has {@code code} */
    public static CommandType fromCode(final int code)
    {
        return EnumCodes.decode(BY_CODE, code, "CommandType");
    }
}
