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
    TICK,
    /** Starts a withdrawal saga: reserves the amount, to be paid out by the transfer worker. */
    WITHDRAW_REQUEST,
    /** The external wallet paid a withdrawal: the reserved amount leaves. */
    WITHDRAW_CONFIRM,
    /** The external wallet refused a withdrawal: the reservation goes back to available. */
    WITHDRAW_FAIL,
    /** A deposit seen on the external system, credited once per external transaction id. */
    DEPOSIT_NOTIFY;

    private static final CommandType[] VALUES = values();

    public static CommandType fromCode(final int code)
    {
        return VALUES[code];
    }
}
