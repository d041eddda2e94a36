package engine.api;

/**
 * Why a command was rejected or an order cancelled. A rejection is a value carried in an
 * event, never an exception. Codes are stable (journal and event store rely on them) and
 * grouped by area: 1x validation, 2x funds and liquidity, 3x order lifecycle, 4x
 * account/instrument admin, 9x engine faults.
 */
public enum Reason implements Coded
{
    NONE(0),
    UNKNOWN_SYMBOL(10),
    UNKNOWN_ACCOUNT(11),
    INVALID_QTY(12),
    INVALID_PRICE(13),
    INVALID_TIF(14),
    DUPLICATE_ORDER_ID(15),
    INSUFFICIENT_FUNDS(20),
    FOK_NOT_FILLABLE(21),
    POST_ONLY_WOULD_TAKE(22),
    UNKNOWN_ORDER(30),
    USER(31),
    EXPIRED(32),
    IOC_REMAINDER(33),
    SELF_TRADE(34),
    AMENDED_TO_ZERO(35),
    INVALID_AMOUNT(40),
    DUPLICATE_SYMBOL(41),
    INVALID_SCALE(42),
    /** The engine hit a bug while applying the command; it was logged and the engine went on. */
    INTERNAL_ERROR(90);

    private static final Reason[] BY_CODE = EnumCodes.table(values());

    private final int code;

    Reason(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    /** @return the reason with this code, or {@code null} when no reason has it. */
    public static Reason fromCode(final int code)
    {
        return EnumCodes.find(BY_CODE, code);
    }
}
