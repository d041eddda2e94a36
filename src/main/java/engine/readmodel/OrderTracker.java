package engine.readmodel;

import engine.api.EventType;
import engine.api.OrderType;
import engine.core.EventBatch;
import engine.api.Side;
import engine.api.TimeInForce;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Follows every open order through its events and tells a listener when resting quantity
 * appears or goes. The rules come from TRADING-RULES.md: a PLACE or a re-pricing AMEND makes
 * the order an aggressor for the rest of its command; whatever is left of it at the end of the
 * command rests, unless a CANCELED took it (IOC, market, self-trade). A maker filled to zero
 * is done without a CANCELED event.
 */
final class OrderTracker
{
    /** Changes to resting quantity, called in event order. */
    interface Listener
    {
        /** {@code delta} lots at {@code price} joined (positive) or left (negative) the book. */
        default void restingChanged(final LiveOrder order, final long price, final long delta)
        {
        }

        /** The order is no longer open (filled, cancelled or a remainder that did not rest). */
        default void done(final LiveOrder order)
        {
        }
    }

    // Agrona's map mixes the key's bits: ids built as (account << 32 | n) make HashMap<Long> chain badly.
    private final Long2ObjectHashMap<LiveOrder> open = new Long2ObjectHashMap<>();
    /** Done orders, reused for later ones so that following orders allocates nothing once warm. */
    private final ArrayDeque<LiveOrder> pool = new ArrayDeque<>();
    /** One Name object per symbol, shared by every order of the symbol. */
    private final NameMap<Name> symbols = new NameMap<>();
    private final Listener listener;
    private LiveOrder aggressor;

    OrderTracker(final Listener listener)
    {
        this.listener = listener;
    }

    LiveOrder get(final long orderId)
    {
        return open.get(orderId);
    }

    Iterable<LiveOrder> all()
    {
        return open.values();
    }

    /** Writes the open orders; between commands (no aggressor). */
    void writeTo(final DataOutputStream out) throws IOException
    {
        out.writeInt(open.size());
        for (final LiveOrder o : open.values())
        {
            out.writeLong(o.orderId);
            out.writeLong(o.account);
            SnapshotIO.writeName(out, o.symbol);
            SnapshotIO.writeCode(out, o.side);
            SnapshotIO.writeCode(out, o.type);
            SnapshotIO.writeCode(out, o.tif);
            out.writeLong(o.acceptedSeq);
            out.writeLong(o.price);
            out.writeLong(o.openQty);
            out.writeLong(o.filledQty);
            out.writeBoolean(o.resting);
        }
    }

    /** Reads what {@link #writeTo} wrote, without telling the listener (the model restores its own state). */
    void readFrom(final DataInputStream in) throws IOException
    {
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final long orderId = in.readLong();
            final long account = in.readLong();
            final Name symbol = SnapshotIO.readName(in);
            final Side side = SnapshotIO.readCode(in, Side.class, Side::fromCode);
            final OrderType type = SnapshotIO.readCode(in, OrderType.class, OrderType::fromCode);
            final TimeInForce tif = SnapshotIO.readCode(in, TimeInForce.class, TimeInForce::fromCode);
            final long acceptedSeq = in.readLong();
            final LiveOrder o = newOrder().init(orderId, account, symbol(symbol.hi(), symbol.lo()), side, type, tif,
                in.readLong(), in.readLong(), acceptedSeq);
            o.filledQty = in.readLong();
            o.resting = in.readBoolean();
            open.put(orderId, o);
        }
    }

    /** Applies every event of one command. */
    void apply(final EventBatch b)
    {
        beginCommand();
        for (int i = 0; i < b.count(); i++)
        {
            onEvent(b, i);
        }
        endCommand();
    }

    /** Call before the first event of a command when feeding events one by one. */
    void beginCommand()
    {
        aggressor = null;
    }

    void onEvent(final EventBatch b, final int i)
    {
        final EventType type = b.type(i);
        switch (type)
        {
            case ACCEPTED ->
            {
                // An open order with the same id (the engine refuses one) is done: the newest wins.
                remove(open.get(b.orderId(i)));
                aggressor = newOrder().init(b.orderId(i), b.account(i), symbol(b.nameHi(i), b.nameLo(i)), b.side(i),
                    b.orderType(i), b.tif(i), b.price(i), b.qty(i), b.seq());
                open.put(aggressor.orderId, aggressor);
            }
            case TRADE ->
            {
                fill(open.get(b.orderId(i)), b.qty(i));
                fill(open.get(b.makerOrderId(i)), b.qty(i));
            }
            case CANCELED -> remove(open.get(b.orderId(i)));
            case AMENDED ->
            {
                final LiveOrder order = open.get(b.orderId(i));
                if (order != null)
                {
                    unrest(order);
                    order.price = b.price(i);
                    order.openQty = b.qty(i);
                    aggressor = order;
                }
            }
            default ->
            {
            }
        }
    }

    private void fill(final LiveOrder order, final long qty)
    {
        if (order == null)
        {
            return;
        }
        order.openQty -= qty;
        order.filledQty += qty;
        if (order.resting)
        {
            listener.restingChanged(order, order.price, -qty);
        }
        if (order.openQty <= 0 && order != aggressor)
        {
            remove(order);
        }
    }

    private void remove(final LiveOrder order)
    {
        if (order == null)
        {
            return;
        }
        unrest(order);
        open.remove(order.orderId);
        if (order == aggressor)
        {
            aggressor = null;
        }
        listener.done(order);
        pool.addLast(order);
    }

    private LiveOrder newOrder()
    {
        final LiveOrder order = pool.pollLast();
        return order != null ? order : new LiveOrder();
    }

    /** The shared Name of a symbol, made the first time the symbol is seen. */
    private Name symbol(final long hi, final long lo)
    {
        final Name known = symbols.get(hi, lo);
        if (known != null)
        {
            return known;
        }
        final Name name = new Name(hi, lo);
        symbols.put(hi, lo, name);
        return name;
    }

    private void unrest(final LiveOrder order)
    {
        if (order.resting)
        {
            order.resting = false;
            if (order.openQty > 0)
            {
                listener.restingChanged(order, order.price, -order.openQty);
            }
        }
    }

    /** Call after the last event of a command: the aggressor's remainder rests or is done. */
    void endCommand()
    {
        final LiveOrder order = aggressor;
        aggressor = null;
        if (order == null)
        {
            return;
        }
        if (order.openQty > 0 && order.type == OrderType.LIMIT && order.tif.rests())
        {
            order.resting = true;
            listener.restingChanged(order, order.price, order.openQty);
        }
        else
        {
            remove(order);
        }
    }
}
