package engine.readmodel;

import engine.api.CommandType;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The status of every order by id: state, filled quantity, average price, and why it was
 * cancelled or rejected. Ids are engine-wide and may be reused once an order is done; the
 * newest order with an id wins. A PLACE rejected as DUPLICATE_ORDER_ID leaves the open order's
 * status alone, as do rejected cancels and amends.
 */
public final class OrderView extends ReadModel
{
    /** Where an order is in its life. */
    public enum State
    {
        NEW, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED
    }

    /**
     * One order's status. For a rejected order only id, account, state and reason are known.
     * {@code avgPrice} is a decimal string (null before any fill); {@code qty} is the total
     * quantity after amends, filled lots included.
     */
    public record Status(long orderId, long account, String symbol, Side side, OrderType type, TimeInForce tif,
        long price, long qty, State state, long filledQty, long openQty, String avgPrice, Reason reason,
        long seq, long lastSeq)
    {
    }

    private static final class Entry
    {
        long account;
        Name symbol;
        Side side;
        OrderType type;
        TimeInForce tif;
        long price;
        long qty;
        long filled;
        long notional;
        boolean notionalOverflow;
        State state;
        Reason reason;
        long seq;
        long lastSeq;
    }

    private final Long2ObjectHashMap<Entry> orders = new Long2ObjectHashMap<>();

    @Override
    protected void apply(final EventBatch b)
    {
        for (int i = 0; i < b.count(); i++)
        {
            final EventType type = b.type(i);
            switch (type)
            {
                case ACCEPTED -> accepted(b, i);
                case REJECTED ->
                {
                    if (b.commandType() == CommandType.PLACE && b.hasOrderId(i) &&
                        b.reason(i) != Reason.DUPLICATE_ORDER_ID)
                    {
                        final Entry e = new Entry();
                        e.account = b.account(i);
                        e.state = State.REJECTED;
                        e.reason = b.reason(i);
                        e.seq = b.seq();
                        e.lastSeq = b.seq();
                        orders.put(b.orderId(i), e);
                    }
                }
                case TRADE ->
                {
                    fill(orders.get(b.orderId(i)), b.price(i), b.qty(i), b.seq());
                    fill(orders.get(b.makerOrderId(i)), b.price(i), b.qty(i), b.seq());
                }
                case CANCELED ->
                {
                    final Entry e = orders.get(b.orderId(i));
                    if (e != null)
                    {
                        e.state = State.CANCELLED;
                        e.reason = b.reason(i);
                        e.lastSeq = b.seq();
                    }
                }
                case AMENDED ->
                {
                    final Entry e = orders.get(b.orderId(i));
                    if (e != null)
                    {
                        e.price = b.price(i);
                        e.qty = e.filled + b.qty(i);
                        e.lastSeq = b.seq();
                    }
                }
                default ->
                {
                }
            }
        }
    }

    private void accepted(final EventBatch b, final int i)
    {
        final Entry e = new Entry();
        e.account = b.account(i);
        e.symbol = new Name(b.nameHi(i), b.nameLo(i));
        e.side = b.side(i);
        e.type = b.orderType(i);
        e.tif = b.tif(i);
        e.price = b.price(i);
        e.qty = b.qty(i);
        e.state = State.NEW;
        e.seq = b.seq();
        e.lastSeq = b.seq();
        orders.put(b.orderId(i), e);
    }

    private static void fill(final Entry e, final long price, final long qty, final long seq)
    {
        if (e == null)
        {
            return;
        }
        e.filled += qty;
        try
        {
            e.notional = Math.addExact(e.notional, Math.multiplyExact(price, qty));
        }
        catch (final ArithmeticException overflow)
        {
            e.notionalOverflow = true;
        }
        e.state = e.filled >= e.qty ? State.FILLED : State.PARTIALLY_FILLED;
        e.lastSeq = seq;
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        out.writeInt(orders.size());
        for (final Map.Entry<Long, Entry> x : orders.entrySet())
        {
            final Entry e = x.getValue();
            out.writeLong(x.getKey());
            out.writeLong(e.account);
            SnapshotIO.writeName(out, e.symbol);
            SnapshotIO.writeEnum(out, e.side);
            SnapshotIO.writeEnum(out, e.type);
            SnapshotIO.writeEnum(out, e.tif);
            out.writeLong(e.price);
            out.writeLong(e.qty);
            out.writeLong(e.filled);
            out.writeLong(e.notional);
            out.writeBoolean(e.notionalOverflow);
            SnapshotIO.writeEnum(out, e.state);
            SnapshotIO.writeEnum(out, e.reason);
            out.writeLong(e.seq);
            out.writeLong(e.lastSeq);
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final long orderId = in.readLong();
            final Entry e = new Entry();
            e.account = in.readLong();
            e.symbol = SnapshotIO.readName(in);
            e.side = SnapshotIO.readEnum(in, Side.class);
            e.type = SnapshotIO.readEnum(in, OrderType.class);
            e.tif = SnapshotIO.readEnum(in, TimeInForce.class);
            e.price = in.readLong();
            e.qty = in.readLong();
            e.filled = in.readLong();
            e.notional = in.readLong();
            e.notionalOverflow = in.readBoolean();
            e.state = SnapshotIO.readEnum(in, State.class);
            e.reason = SnapshotIO.readEnum(in, Reason.class);
            e.seq = in.readLong();
            e.lastSeq = in.readLong();
            orders.put(orderId, e);
        }
    }

    /** The status of order {@code orderId}; a null value when no order with that id was seen. */
    public AsOf<Status> status(final long orderId)
    {
        return read(() ->
        {
            final Entry e = orders.get(orderId);
            return e == null ? null : copy(orderId, e);
        });
    }

    private static Status copy(final long orderId, final Entry e)
    {
        final boolean live = e.state == State.NEW || e.state == State.PARTIALLY_FILLED;
        final String avg = e.filled == 0 || e.notionalOverflow ? null : BigDecimal.valueOf(e.notional)
            .divide(BigDecimal.valueOf(e.filled), 8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return new Status(orderId, e.account, e.symbol == null ? null : e.symbol.toString(), e.side, e.type, e.tif,
            e.price, e.qty, e.state, e.filled, live ? e.qty - e.filled : 0, avg, e.reason, e.seq, e.lastSeq);
    }
}
