package engine.api;

/**
 * {@code LIMIT} needs a price; {@code MARKET} has none and takes liquidity at any price. The
 * codes are stored in the event store and the read-model snapshots: never renumber one.
 */
public enum OrderType implements Coded
{
    LIMIT(0),
    MARKET(1);

    private static final OrderType[] BY_CODE = EnumCodes.table(values());

    private final int code;

    OrderType(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    /** @throws IllegalArgumentException when no order type has {@code code} */
    public static OrderType fromCode(final int code)
    {
        return EnumCodes.decode(BY_CODE, code, "OrderType");
    }
}
