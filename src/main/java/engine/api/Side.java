package engine.api;

/** The side of an order. */
public enum Side
{
    BUY,
    SELL;

    private static final Side[] VALUES = values();

    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }

    public static Side fromCode(final int code)
    {
        return VALUES[code];
    }
}
