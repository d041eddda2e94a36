package engine.api;

/** Writes a command as a command-file line, so that diagnostics name commands the way users write them. */
public final class CommandText
{
    private CommandText()
    {
    }

    public static String format(final Command c)
    {
        final StringBuilder sb = new StringBuilder(96).append(c.type()).append(',').append(c.timestamp());
        switch (c.type())
        {
            case SYMBOL -> sb.append(',').append(name(c.symbolHi(), c.symbolLo()))
                .append(',').append(name(c.assetHi(), c.assetLo()))
                .append(',').append(name(c.quoteAssetHi(), c.quoteAssetLo()))
                .append(',').append(c.baseScale()).append(',').append(c.quoteScale());
            case DEPOSIT, WITHDRAW -> sb.append(',').append(c.account())
                .append(',').append(name(c.assetHi(), c.assetLo())).append(',').append(c.amount());
            case PLACE ->
            {
                sb.append(',').append(c.account()).append(',').append(c.orderId())
                    .append(',').append(name(c.symbolHi(), c.symbolLo()))
                    .append(',').append(c.side()).append(',').append(c.orderType()).append(',').append(c.tif());
                if (c.tif() == TimeInForce.GTD)
                {
                    sb.append(':').append(c.expiry());
                }
                sb.append(',');
                if (c.hasPrice())
                {
                    sb.append(c.price());
                }
                sb.append(',').append(c.qty());
            }
            case CANCEL -> sb.append(',').append(c.account()).append(',').append(c.orderId());
            case AMEND ->
            {
                sb.append(',').append(c.account()).append(',').append(c.orderId()).append(',');
                if (c.hasPrice())
                {
                    sb.append(c.price());
                }
                sb.append(',');
                if (c.hasQty())
                {
                    sb.append(c.qty());
                }
            }
            case WITHDRAW_REQUEST -> sb.append(',').append(c.account())
                .append(',').append(name(c.assetHi(), c.assetLo())).append(',').append(c.amount())
                .append(',').append(c.timeout()).append(',').append(c.attempts());
            case WITHDRAW_CONFIRM, WITHDRAW_FAIL -> sb.append(',').append(c.reference()).append(',').append(c.attempts());
            case DEPOSIT_NOTIFY -> sb.append(',').append(c.account())
                .append(',').append(name(c.assetHi(), c.assetLo())).append(',').append(c.amount())
                .append(',').append(c.reference());
            case TICK ->
            {
            }
        }
        return sb.toString();
    }

    private static String name(final long hi, final long lo)
    {
        return AsciiName.toString(hi, lo);
    }
}
