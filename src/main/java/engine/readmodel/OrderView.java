package engine.readmodel;

import engine.api.AsciiName;
import engine.api.Coded;
import engine.api.CommandType;
import engine.api.EnumCodes;
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
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The status of every order by id: state, filled quantity, average price, and why it was
 * cancelled or rejected. Ids are engine-wide and may be reused once an order is done; the
 * newest order with an id wins. A PLACE rejected as DUPLICATE_ORDER_ID leaves the open order's
 * status alone, as do rejected cancels and amends.
 *
 * <p>Memory is bounded: every live order is kept, and of the finished ones (filled, cancelled,
 * rejected) the last {@code keepFinished} to finish; older ones are forgotten and their entries
 * reused, so applying allocates nothing once the pool has warmed up.
 */
public final class OrderView extends ReadModel
{
    /** Where an order is in its life. The codes are stored in read-model snapshots: never renumber one. */
    public enum State implements Coded
    {
        NEW(0),
        PARTIALLY_FILLED(1),
        FILLED(2),
        CANCELLED(3),
        REJECTED(4);

        private static final State[] BY_CODE = EnumCodes.table(values());

        private final int code;

        State(final int code)
        {
            this.code = code;
        }

        @Override
        public int code()
        {
            return code;
        }

        /** @throws IllegalArgumentException when no state has {@code code} */
        public static State fromCode(final int code)
        {
            return EnumCodes.decode(BY_CODE, code, "OrderView.State");
        }
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
        boolean hasSymbol;
        long symbolHi;
        long symbolLo;
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
        /** Its place among the finished orders (0 while live): eviction removes only the entry it names. */
        long ticket;
        /** The next free entry while pooled. */
        Entry nextFree;

        boolean live()
        {
            return state == State.NEW || state == State.PARTIALLY_FILLED;
        }
    }

    private static final int FINISHED_ID = 0;
    private static final int FINISHED_TICKET = 1;
    private final Long2ObjectHashMap<Entry> orders = new Long2ObjectHashMap<>();
    /** Finished orders oldest first, as (order id, ticket): the next to evict is the oldest. */
    private final RecordRing finished;
    private long tickets;
    private long evicted;
    private Entry free;

    /** Keeps every live order and the last {@code keepFinished} finished (filled, cancelled, rejected) ones. */
    public OrderView(final int keepFinished)
    {
        finished = new RecordRing(2, keepFinished);
    }

    /** Keeps the default number of finished orders ({@link ReadModels.Retention#defaults()}). */
    public OrderView()
    {
        this(ReadModels.Retention.defaults().finishedOrders());
    }

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
                        final Entry e = acquire();
                        e.account = b.account(i);
                        e.state = State.REJECTED;
                        e.reason = b.reason(i);
                        e.seq = b.seq();
                        e.lastSeq = b.seq();
                        put(b.orderId(i), e);
                        finish(b.orderId(i), e);
                    }
                }
                case TRADE ->
                {
                    fill(b.orderId(i), b.price(i), b.qty(i), b.seq());
                    fill(b.makerOrderId(i), b.price(i), b.qty(i), b.seq());
                }
                case CANCELED ->
                {
                    final Entry e = orders.get(b.orderId(i));
                    if (e != null)
                    {
                        e.state = State.CANCELLED;
                        e.reason = b.reason(i);
                        e.lastSeq = b.seq();
                        finish(b.orderId(i), e);
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
        final Entry e = acquire();
        e.account = b.account(i);
        e.hasSymbol = true;
        e.symbolHi = b.nameHi(i);
        e.symbolLo = b.nameLo(i);
        e.side = b.side(i);
        e.type = b.orderType(i);
        e.tif = b.tif(i);
        e.price = b.price(i);
        e.qty = b.qty(i);
        e.state = State.NEW;
        e.seq = b.seq();
        e.lastSeq = b.seq();
        put(b.orderId(i), e);
    }

    private void fill(final long orderId, final long price, final long qty, final long seq)
    {
        final Entry e = orders.get(orderId);
        if (e == null)
        {
            return;
        }
        e.filled += qty;
        final long high = Math.multiplyHigh(price, qty);
        final long notional = price * qty;
        final long sum = e.notional + notional;
        // Exact overflow checks without the exceptions of Math.*Exact (no allocation per trade).
        if (high != (notional >> 63) || ((e.notional ^ sum) & (notional ^ sum)) < 0)
        {
            e.notionalOverflow = true;
        }
        else
        {
            e.notional = sum;
        }
        e.state = e.filled >= e.qty ? State.FILLED : State.PARTIALLY_FILLED;
        e.lastSeq = seq;
        if (e.state == State.FILLED)
        {
            finish(orderId, e);
        }
        else
        {
            // Live again (not expected from the engine): never evicted while live.
            e.ticket = 0;
        }
    }

    /** The newest order with an id wins: the entry it replaces goes back to the pool. */
    private void put(final long orderId, final Entry e)
    {
        final Entry previous = orders.put(orderId, e);
        if (previous != null)
        {
            release(previous);
        }
    }

    /** Queues a finished order for eviction, evicting the oldest finished one when the ring is full. */
    private void finish(final long orderId, final Entry e)
    {
        if (e.ticket != 0)
        {
            return;
        }
        e.ticket = ++tickets;
        remember(orderId, e.ticket);
    }

    private void remember(final long orderId, final long ticket)
    {
        if (finished.isFull())
        {
            final int oldest = finished.offset(0);
            evict(finished.get(oldest, FINISHED_ID), finished.get(oldest, FINISHED_TICKET));
        }
        final int at = finished.append();
        finished.set(at, FINISHED_ID, orderId);
        finished.set(at, FINISHED_TICKET, ticket);
    }

    private void evict(final long orderId, final long ticket)
    {
        final Entry e = orders.get(orderId);
        // A reused id holds a newer entry (another ticket); a live one is never evicted.
        if (e != null && e.ticket == ticket)
        {
            if (e.live())
            {
                e.ticket = 0;
            }
            else
            {
                orders.remove(orderId);
                release(e);
                evicted++;
            }
        }
    }

    private Entry acquire()
    {
        final Entry e = free;
        if (e == null)
        {
            return new Entry();
        }
        free = e.nextFree;
        e.nextFree = null;
        e.hasSymbol = false;
        e.symbolHi = 0;
        e.symbolLo = 0;
        e.side = null;
        e.type = null;
        e.tif = null;
        e.price = 0;
        e.qty = 0;
        e.filled = 0;
        e.notional = 0;
        e.notionalOverflow = false;
        e.reason = null;
        e.ticket = 0;
        return e;
    }

    private void release(final Entry e)
    {
        e.nextFree = free;
        free = e;
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        out.writeLong(tickets);
        out.writeLong(evicted);
        out.writeInt(orders.size());
        final Long2ObjectHashMap<Entry>.EntryIterator it = orders.entrySet().iterator();
        while (it.hasNext())
        {
            it.next();
            final Entry e = it.getValue();
            out.writeLong(it.getLongKey());
            out.writeLong(e.account);
            SnapshotIO.writeName(out, e.hasSymbol ? new Name(e.symbolHi, e.symbolLo) : null);
            SnapshotIO.writeCode(out, e.side);
            SnapshotIO.writeCode(out, e.type);
            SnapshotIO.writeCode(out, e.tif);
            out.writeLong(e.price);
            out.writeLong(e.qty);
            out.writeLong(e.filled);
            out.writeLong(e.notional);
            out.writeBoolean(e.notionalOverflow);
            SnapshotIO.writeCode(out, e.state);
            SnapshotIO.writeCode(out, e.reason);
            out.writeLong(e.seq);
            out.writeLong(e.lastSeq);
            out.writeLong(e.ticket);
        }
        out.writeInt(finished.size());
        for (int i = 0; i < finished.size(); i++)
        {
            out.writeLong(finished.get(finished.offset(i), FINISHED_ID));
            out.writeLong(finished.get(finished.offset(i), FINISHED_TICKET));
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        tickets = in.readLong();
        evicted = in.readLong();
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final long orderId = in.readLong();
            final Entry e = acquire();
            e.account = in.readLong();
            final Name symbol = SnapshotIO.readName(in);
            e.hasSymbol = symbol != null;
            e.symbolHi = symbol == null ? 0 : symbol.hi();
            e.symbolLo = symbol == null ? 0 : symbol.lo();
            e.side = SnapshotIO.readCode(in, Side.class, Side::fromCode);
            e.type = SnapshotIO.readCode(in, OrderType.class, OrderType::fromCode);
            e.tif = SnapshotIO.readCode(in, TimeInForce.class, TimeInForce::fromCode);
            e.price = in.readLong();
            e.qty = in.readLong();
            e.filled = in.readLong();
            e.notional = in.readLong();
            e.notionalOverflow = in.readBoolean();
            e.state = SnapshotIO.readCode(in, State.class, State::fromCode);
            e.reason = SnapshotIO.readCode(in, Reason.class, Reason::fromCode);
            e.seq = in.readLong();
            e.lastSeq = in.readLong();
            e.ticket = in.readLong();
            orders.put(orderId, e);
        }
        // Replayed oldest first, so a view that keeps fewer finished orders evicts the oldest.
        final int kept = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < kept; i++)
        {
            remember(in.readLong(), in.readLong());
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

    /**
     * How many finished orders were dropped to keep memory bounded: when non-zero, an unknown id
     * may be an order that finished long ago.
     */
    public long evictedCount()
    {
        return evicted;
    }

    /** The finished orders kept at most. */
    public int keepFinished()
    {
        return finished.capacity();
    }

    /** Order statuses held now, live and finished; for retention tests. */
    synchronized int keptCount()
    {
        return orders.size();
    }

    private static Status copy(final long orderId, final Entry e)
    {
        final boolean live = e.live();
        final String avg = e.filled == 0 || e.notionalOverflow ? null : BigDecimal.valueOf(e.notional)
            .divide(BigDecimal.valueOf(e.filled), 8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return new Status(orderId, e.account, e.hasSymbol ? AsciiName.toString(e.symbolHi, e.symbolLo) : null, e.side, e.type, e.tif,
            e.price, e.qty, e.state, e.filled, live ? e.qty - e.filled : 0, avg, e.reason, e.seq, e.lastSeq);
    }
}
