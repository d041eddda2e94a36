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
    TICK(6);

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
