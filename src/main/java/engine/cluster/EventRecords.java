package engine.cluster;

import engine.api.AsciiName;
import engine.api.Event;
import engine.api.EventSink;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Events in the egress reply: a fixed record per event (u8 type, then name hi/lo, order id,
 * has-order-id, account, side, price, qty, maker order id, maker account, reason code as i64),
 * written by the service as the business logic emits them and turned back into
 * {@link Event}s by the client. Fixed records keep the encoder free of branches and allocation.
 */
final class EventRecords implements EventSink
{
    static final int RECORD = 1 + 12 * 8;

    private final ExpandableArrayBuffer buffer;
    private int position;
    private int count;

    EventRecords(final ExpandableArrayBuffer buffer)
    {
        this.buffer = buffer;
    }

    /** Starts a reply's events at {@code offset}. */
    void start(final int offset)
    {
        position = offset;
        count = 0;
    }

    int count()
    {
        return count;
    }

    int end()
    {
        return position;
    }

    private void put(final EventType type, final long nameHi, final long nameLo, final long orderId, final boolean hasOrderId,
        final long account, final Side side, final long price, final long qty, final long makerOrderId, final long makerAccount,
        final Reason reason)
    {
        buffer.putByte(position, (byte)type.code());
        int at = position + 1;
        at = putLong(at, nameHi);
        at = putLong(at, nameLo);
        at = putLong(at, orderId);
        at = putLong(at, hasOrderId ? 1 : 0);
        at = putLong(at, account);
        at = putLong(at, side == null ? -1 : side.code());
        at = putLong(at, price);
        at = putLong(at, qty);
        at = putLong(at, makerOrderId);
        at = putLong(at, makerAccount);
        at = putLong(at, reason == null ? -1 : reason.code());
        putLong(at, 0);
        position += RECORD;
        count++;
    }

    private int putLong(final int at, final long value)
    {
        buffer.putLong(at, value);
        return at + 8;
    }

    @Override
    public void accepted(final long orderId, final long account, final long symbolHi, final long symbolLo, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long qty)
    {
        put(EventType.ACCEPTED, symbolHi, symbolLo, orderId, true, account, side, price, qty, 0, 0, null);
    }

    @Override
    public void rejected(final boolean hasOrderId, final long orderId, final long account, final Reason reason)
    {
        put(EventType.REJECTED, 0, 0, orderId, hasOrderId, account, null, 0, 0, 0, 0, reason);
    }

    @Override
    public void trade(final long symbolHi, final long symbolLo, final long price, final long qty, final long takerOrderId,
        final long makerOrderId, final long takerAccount, final long makerAccount, final Side takerSide)
    {
        put(EventType.TRADE, symbolHi, symbolLo, takerOrderId, true, takerAccount, takerSide, price, qty, makerOrderId,
            makerAccount, null);
    }

    @Override
    public void canceled(final long orderId, final long account, final long symbolHi, final long symbolLo, final Side side,
        final long openQty, final Reason reason)
    {
        put(EventType.CANCELED, symbolHi, symbolLo, orderId, true, account, side, 0, openQty, 0, 0, reason);
    }

    @Override
    public void amended(final long orderId, final long account, final long symbolHi, final long symbolLo, final Side side,
        final long price, final long openQty)
    {
        put(EventType.AMENDED, symbolHi, symbolLo, orderId, true, account, side, price, openQty, 0, 0, null);
    }

    @Override
    public void deposited(final long account, final long assetHi, final long assetLo, final long amount)
    {
        put(EventType.DEPOSITED, assetHi, assetLo, 0, false, account, null, 0, amount, 0, 0, null);
    }

    @Override
    public void withdrawn(final long account, final long assetHi, final long assetLo, final long amount)
    {
        put(EventType.WITHDRAWN, assetHi, assetLo, 0, false, account, null, 0, amount, 0, 0, null);
    }

    @Override
    public void withdrawal(final EventType type, final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long attempt, final long deadline, final long maxAttempts)
    {
        // The same fields as the output ring's: saga id as order id, deadline as price, attempt as maker order id,
        // the limit of attempts as maker account.
        put(type, assetHi, assetLo, sagaId, true, account, null, deadline, amount, attempt, maxAttempts, null);
    }

    @Override
    public void balanceAdjusted(final long account, final long assetHi, final long assetLo, final long amount,
        final long reasonCode)
    {
        // The same fields as the output ring's: the reason code as price.
        put(EventType.BALANCE_ADJUSTED, assetHi, assetLo, 0, false, account, null, reasonCode, amount, 0, 0, null);
    }

    @Override
    public void tradeBusted(final long tradeSeq, final long tradeIndex, final long symbolHi, final long symbolLo,
        final long price, final long qty, final long buyer, final long seller, final long baseAmount, final long quoteAmount)
    {
        // The fields of the canonical line, as in the output ring: trade seq as order id, trade index as maker order
        // id, buyer as account, seller as maker account. The amounts follow from price, qty and the symbol's scales.
        put(EventType.TRADE_BUSTED, symbolHi, symbolLo, tradeSeq, true, buyer, null, price, qty, tradeIndex, seller, null);
    }

    @Override
    public void symbolAdded(final long symbolHi, final long symbolLo, final long baseHi, final long baseLo, final long quoteHi,
        final long quoteLo, final long baseScale, final long quoteScale)
    {
        put(EventType.SYMBOL_ADDED, symbolHi, symbolLo, 0, false, 0, null, 0, 0, 0, 0, null);
    }

    /** Reads {@code count} records at {@code offset} back into events (client side; allocates). */
    static List<Event> decode(final DirectBuffer buffer, final int offset, final int count, final long seq, final long time)
    {
        final List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final int at = offset + i * RECORD;
            final EventType type = EventType.fromCode(buffer.getByte(at));
            final long nameHi = buffer.getLong(at + 1);
            final long nameLo = buffer.getLong(at + 9);
            final long side = buffer.getLong(at + 41);
            final long reason = buffer.getLong(at + 81);
            events.add(new Event(seq, time, type, nameHi == 0 && nameLo == 0 ? null : AsciiName.toString(nameHi, nameLo),
                buffer.getLong(at + 17), buffer.getLong(at + 25) != 0, buffer.getLong(at + 33),
                side < 0 ? null : Side.fromCode((int)side), buffer.getLong(at + 49), buffer.getLong(at + 57),
                buffer.getLong(at + 65), buffer.getLong(at + 73), reason < 0 ? null : Reason.fromCode((int)reason)));
        }
        return events;
    }
}
