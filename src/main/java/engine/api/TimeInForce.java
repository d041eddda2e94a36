package engine.api;

/**
 * How long an order may live. {@code GTD} carries its expiry in a separate field, in the
 * same unit as command timestamps. The codes are stored in the journal, the journal's
 * snapshots, the event store, the read-model snapshots and the state hash: never renumber one.
 */
public enum TimeInForce implements Coded
{
    GTC(0),
    IOC(1),
    FOK(2),
    GTD(3),
    POST_ONLY(4);

    private static final TimeInForce[] BY_CODE = EnumCodes.table(values());

    private final int code;

    TimeInForce(final int code)
    {
        this.code = code;
    }

    @Override
    public int code()
    {
        return code;
    }

    /** Whether a remainder of an order with this tif rests in the book after matching. */
    public boolean rests()
    {
        return this == GTC || this == GTD || this == POST_ONLY;
    }

    /** @throws IllegalArgumentException when no time in force has {@code code} */
    public static TimeInForce fromCode(final int code)
    {
        return EnumCodes.decode(BY_CODE, code, "TimeInForce");
    }
}
