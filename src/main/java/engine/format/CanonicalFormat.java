package engine.format;

import engine.api.AsciiName;
import engine.api.Event;
import engine.api.EventType;
import engine.api.Reason;
import engine.api.Side;
import engine.core.EventBatch;
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
        for (final Reason reason : Reason.values())
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
        appendLine(b.seq(), b.type(i), b.nameHi(i), b.nameLo(i), b.orderId(i), b.hasOrderId(i), b.account(i), b.side(i),
            b.price(i), b.qty(i), b.makerOrderId(i), b.makerAccount(i), b.reason(i), out);
        out.append((byte)'\n');
    }

    /** The event as its canonical line, without newline; allocates, for clients of the embedded API. */
    public static String line(final Event e)
    {
        final long nameHi = e.name() == null ? 0 : AsciiName.hi(e.name());
        final long nameLo = e.name() == null ? 0 : AsciiName.lo(e.name());
        final AsciiBuffer out = new AsciiBuffer(64);
        appendLine(e.seq(), e.type(), nameHi, nameLo, e.orderId(), e.hasOrderId(), e.account(), e.side(), e.price(),
            e.qty(), e.makerOrderId(), e.makerAccount(), e.reason(), out);
        return out.toString();
    }

    /** The one layout of the canonical line; the fields that do not apply to {@code type} are not read. */
    private static void appendLine(final long seq, final EventType type, final long nameHi, final long nameLo,
        final long orderId, final boolean hasOrderId, final long account, final Side side, final long price, final long qty,
        final long makerOrderId, final long makerAccount, final Reason reason, final AsciiBuffer out)
    {
        out.append(seq).append((byte)',').append(TYPE_NAMES[type.ordinal()]);
        switch (type)
        {
            case SYMBOL_ADDED -> out.append((byte)',').appendName(nameHi, nameLo);
            case DEPOSITED, WITHDRAWN -> out.append((byte)',').append(account)
                .append((byte)',').appendName(nameHi, nameLo).append((byte)',').append(qty);
            case BALANCE_ADJUSTED -> out.append((byte)',').append(account)
                .append((byte)',').appendName(nameHi, nameLo).append((byte)',').append(qty)
                .append((byte)',').append(price);
            case ACCEPTED -> out.append((byte)',').append(orderId);
            case REJECTED ->
            {
                out.append((byte)',');
                if (hasOrderId)
                {
                    out.append(orderId);
                }
                out.append((byte)',').append(REASON_NAMES[reason.code()]);
            }
            case TRADE -> out.append((byte)',').appendName(nameHi, nameLo)
                .append((byte)',').append(price).append((byte)',').append(qty)
                .append((byte)',').append(orderId).append((byte)',').append(makerOrderId)
                .append((byte)',').append(account).append((byte)',').append(makerAccount)
                .append((byte)',').append(SIDE_NAMES[side.ordinal()]);
            case TRADE_BUSTED -> out.append((byte)',').append(orderId).append((byte)',').append(makerOrderId)
                .append((byte)',').appendName(nameHi, nameLo)
                .append((byte)',').append(price).append((byte)',').append(qty)
                .append((byte)',').append(account).append((byte)',').append(makerAccount);
            case CANCELED -> out.append((byte)',').append(orderId).append((byte)',').append(qty)
                .append((byte)',').append(REASON_NAMES[reason.code()]);
            case AMENDED -> out.append((byte)',').append(orderId).append((byte)',').append(price)
                .append((byte)',').append(qty);
            case WITHDRAW_PENDING, WITHDRAW_ATTEMPT -> appendWithdrawal(orderId, account, nameHi, nameLo, qty, makerOrderId, out)
                .append((byte)',').append(price);
            case WITHDRAW_CONFIRMED, WITHDRAW_FAILED, WITHDRAW_TIMED_OUT, WITHDRAW_CANCELLING ->
                appendWithdrawal(orderId, account, nameHi, nameLo, qty, makerOrderId, out);
        }
    }

    /** {@code ,<sagaId>,<account>,<asset>,<amount>,<attempt>}, common to every step of a withdrawal. */
    private static AsciiBuffer appendWithdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long attempt, final AsciiBuffer out)
    {
        return out.append((byte)',').append(sagaId).append((byte)',').append(account)
            .append((byte)',').appendName(assetHi, assetLo).append((byte)',').append(amount)
            .append((byte)',').append(attempt);
    }
}
