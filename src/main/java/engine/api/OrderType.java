package engine.api;

/** {@code LIMIT} needs a price; {@code MARKET} has none and takes liquidity at any price. */
public enum OrderType
{
    LIMIT,
    MARKET;

    private static final OrderType[] VALUES = values();

    public static OrderType fromCode(final int code)
    {
        return VALUES[code];
    }
}
