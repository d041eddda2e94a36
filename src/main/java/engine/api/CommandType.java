package engine.api;

/** The commands the engine accepts, with stable codes used by the journal. */
public enum CommandType
{
    SYMBOL,
    DEPOSIT,
    WITHDRAW,
    PLACE,
    CANCEL,
    AMEND,
    TICK;

    private static final CommandType[] VALUES = values();

    public static CommandType fromCode(final int code)
    {
        return VALUES[code];
    }
}
