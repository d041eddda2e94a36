package engine.api;

/**
 * The side of an order. The codes are stored in the event store, the read-model snapshots and
 * the state hash: never renumber one.
 */
public enum Side implements Coded
{
    BUY(0),
    SELL(1);

    private static final Side[] BY_CODE = EnumCodes.table(values());

    private final int code;

    Side(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }

    /** @throws IllegalArgumentException when no side has {@code code} */
    public static Side fromCode(final int code)
    {
        return EnumCodes.decode(BY_CODE, code, "Side");
    }
}
