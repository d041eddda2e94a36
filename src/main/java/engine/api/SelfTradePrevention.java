package engine.api;

/**
 * What happens when an incoming order meets a resting order of the same account. The codes are
 * stored in the journal's snapshot header: never renumber one.
 */
public enum SelfTradePrevention implements Coded
{
    /** Own orders match like anyone else's. */
    NONE(0),
    /** The resting own order is cancelled ({@code SELF_TRADE}) and matching goes on. */
    CANCEL_RESTING(1),
    /** The incoming order's remainder is cancelled ({@code SELF_TRADE}). */
    CANCEL_INCOMING(2);

    private static final SelfTradePrevention[] BY_CODE = EnumCodes.table(values());

    private final int code;

    SelfTradePrevention(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    /** @throws IllegalArgumentException when no self-trade prevention mode has {@code code} */
    public static SelfTradePrevention fromCode(final int code)
    {
        return EnumCodes.decode(BY_CODE, code, "SelfTradePrevention");
    }
}
