package engine.api;

/**
 * How long an order may live. {@code GTD} carries its expiry in a separate field, in the
 * same unit as command timestamps.
 */
public enum TimeInForce
{
    GTC,
    IOC,
    FOK,
    GTD,
    POST_ONLY;

    private static final TimeInForce[] VALUES = values();

    /** Whether a remainder of an order with this tif rests in the book after matching. */
    public boolean rests()
    {
        return this == GTC || this == GTD || this == POST_ONLY;
    }

    public static TimeInForce fromCode(final int code)
    {
        return VALUES[code];
    }
}
