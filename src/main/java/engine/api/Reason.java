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
    /** A withdrawal confirmation or failure names no withdrawal in flight (never started, or finished). */
    UNKNOWN_WITHDRAWAL(43),
    /** A deposit notification repeats an external transaction id that was credited already. */
    DUPLICATE_TRANSFER(44),
    /** A withdrawal request's attempt timeout is not positive or its attempts not between 1 and 16. */
    INVALID_TIMEOUT(45),
    /** A withdrawal failure answers an attempt that was superseded by a retry. */
    STALE_ATTEMPT(46),
    /** A balance adjustment's reason code is not between 1 and 65535. */
    INVALID_REASON_CODE(47),
    /** A trade bust names a trade id the engine does not hold (never traded, or no longer in its recent trades). */
    UNKNOWN_TRADE(48),
    /** A trade bust names a trade that was busted already. */
    DUPLICATE_BUST(49),
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
