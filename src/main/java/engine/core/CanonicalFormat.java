package engine.core;

import engine.api.EventType;
import java.nio.charset.StandardCharsets;

/** Writes events as the canonical output lines of COMMAND-FILE.md. */
public final class CanonicalFormat
{
    private static final byte[][] TYPE_NAMES = new byte[EventType.values().length][];
    private static final byte[][] REASON_NAMES = new byte[100][];
    private static final byte[][] SIDE_NAMES = {ascii("BUY"), ascii("SELL")};

    static
    {
        for (final EventType type : EventType.values())
        {
            TYPE_NAMES[type.ordinal()] = ascii(type.name());
        }
        for (final engine.api.Reason reason : engine.api.Reason.values())
        {
            REASON_NAMES[reason.code()] = ascii(reason.name());
        }
    }

    private CanonicalFormat()
    {
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends one line per event of {@code batch}, each ending in a newline. */
    public static void appendLines(final EventBatch batch, final AsciiBuffer out)
    {
        for (int i = 0, n = batch.count(); i < n; i++)
        {
            appendLine(batch, i, out);
        }
    }

    public static void appendLine(final EventBatch b, final int i, final AsciiBuffer out)
    {
        final EventType type = b.type(i);
        out.append(b.seq()).append((byte)',').append(TYPE_NAMES[type.ordinal()]);
        switch (type)
        {
            case SYMBOL_ADDED -> out.append((byte)',').appendName(b.nameHi(i), b.nameLo(i));
            case DEPOSITED, WITHDRAWN -> out.append((byte)',').append(b.account(i))
                .append((byte)',').appendName(b.nameHi(i), b.nameLo(i)).append((byte)',').append(b.qty(i));
            case ACCEPTED -> out.append((byte)',').append(b.orderId(i));
            case REJECTED ->
            {
                out.append((byte)',');
                if (b.hasOrderId(i))
                {
                    out.append(b.orderId(i));
                }
                out.append((byte)',').append(REASON_NAMES[b.reason(i).code()]);
            }
            case TRADE -> out.append((byte)',').appendName(b.nameHi(i), b.nameLo(i))
                .append((byte)',').append(b.price(i)).append((byte)',').append(b.qty(i))
                .append((byte)',').append(b.orderId(i)).append((byte)',').append(b.makerOrderId(i))
                .append((byte)',').append(b.account(i)).append((byte)',').append(b.makerAccount(i))
                .append((byte)',').append(SIDE_NAMES[b.side(i).ordinal()]);
            case CANCELED -> out.append((byte)',').append(b.orderId(i)).append((byte)',').append(b.qty(i))
                .append((byte)',').append(REASON_NAMES[b.reason(i).code()]);
            case AMENDED -> out.append((byte)',').append(b.orderId(i)).append((byte)',').append(b.price(i))
                .append((byte)',').append(b.qty(i));
            case WITHDRAW_PENDING, WITHDRAW_ATTEMPT -> appendWithdrawal(b, i, out).append((byte)',').append(b.attempt(i))
                .append((byte)',').append(b.deadline(i));
            case WITHDRAW_CONFIRMED, WITHDRAW_FAILED, WITHDRAW_TIMED_OUT -> appendWithdrawal(b, i, out)
                .append((byte)',').append(b.attempt(i));
        }
        out.append((byte)'\n');
    }

    /** {@code ,<sagaId>,<account>,<asset>,<amount>}, common to every step of a withdrawal. */
    private static AsciiBuffer appendWithdrawal(final EventBatch b, final int i, final AsciiBuffer out)
    {
        return out.append((byte)',').append(b.sagaId(i)).append((byte)',').append(b.account(i))
            .append((byte)',').appendName(b.nameHi(i), b.nameLo(i)).append((byte)',').append(b.qty(i));
    }
}
