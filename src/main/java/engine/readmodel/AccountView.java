package engine.readmodel;

import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Balances (available, reserved) and open orders per account, derived from events alone with
 * the reservation rules of TRADING-RULES.md: a limit BUY holds {@code price * qty * quoteScale}
 * of quote, a SELL {@code qty * baseScale} of base, a market BUY nothing (it pays per fill).
 */
public final class AccountView extends ReadModel
{
    /** One asset of one account. */
    public record Balance(String asset, long available, long reserved)
    {
    }

    /** One resting order. */
    public record OpenOrder(long orderId, String symbol, Side side, OrderType type, TimeInForce tif, long price,
        long openQty, long filledQty, long acceptedSeq)
    {
    }

    private final SymbolTable symbols = new SymbolTable();
    private final Long2ObjectHashMap<Map<Name, long[]>> balances = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Map<Long, LiveOrder>> openByAccount = new Long2ObjectHashMap<>();
    private final OrderTracker orders = new OrderTracker(new OrderTracker.Listener()
    {
        @Override
        public void done(final LiveOrder order)
        {
            final Map<Long, LiveOrder> mine = openByAccount.get(order.account);
            if (mine != null)
            {
                mine.remove(order.orderId);
            }
        }
    });

    @Override
    protected void apply(final EventBatch b)
    {
        orders.beginCommand();
        for (int i = 0; i < b.count(); i++)
        {
            symbols.onEvent(b, i);
            // Balances first: they need each order as it was before this event.
            applyFunds(b, i);
            orders.onEvent(b, i);
            if (b.type(i) == EventType.ACCEPTED)
            {
                openByAccount.computeIfAbsent(b.account(i), k -> new TreeMap<>())
                    .put(b.orderId(i), orders.get(b.orderId(i)));
            }
        }
        orders.endCommand();
    }

    private void applyFunds(final EventBatch b, final int i)
    {
        switch (b.type(i))
        {
            case DEPOSITED -> move(b.account(i), new Name(b.nameHi(i), b.nameLo(i)), b.qty(i), 0);
            case WITHDRAWN -> move(b.account(i), new Name(b.nameHi(i), b.nameLo(i)), -b.qty(i), 0);
            case ACCEPTED ->
            {
                final SymbolTable.Symbol s = symbols.get(b.nameHi(i), b.nameLo(i));
                final long held = holding(s, b.side(i), b.orderType(i), b.price(i), b.qty(i));
                move(b.account(i), heldAsset(s, b.side(i)), -held, held);
            }
            case TRADE -> trade(b, i);
            case CANCELED -> release(orders.get(b.orderId(i)));
            case AMENDED ->
            {
                final LiveOrder o = orders.get(b.orderId(i));
                if (o != null)
                {
                    final SymbolTable.Symbol s = symbols.get(o.symbol);
                    final long extra = holding(s, o.side, o.type, b.price(i), b.qty(i)) -
                        holding(s, o.side, o.type, o.price, o.openQty);
                    move(o.account, heldAsset(s, o.side), -extra, extra);
                }
            }
            default ->
            {
            }
        }
    }

    private void trade(final EventBatch b, final int i)
    {
        final SymbolTable.Symbol s = symbols.get(b.nameHi(i), b.nameLo(i));
        final long price = b.price(i);
        final long qty = b.qty(i);
        final long base = qty * s.baseScale();
        final long quote = price * qty * s.quoteScale();
        settle(orders.get(b.orderId(i)), s, price, qty, base, quote);
        settle(orders.get(b.makerOrderId(i)), s, price, qty, base, quote);
    }

    private void settle(final LiveOrder o, final SymbolTable.Symbol s, final long price, final long qty,
        final long base, final long quote)
    {
        if (o.side == Side.SELL)
        {
            move(o.account, s.base(), 0, -base);
            move(o.account, s.quote(), quote, 0);
        }
        else if (o.type == OrderType.MARKET)
        {
            move(o.account, s.quote(), -quote, 0);
            move(o.account, s.base(), base, 0);
        }
        else
        {
            // A limit buy held its limit price; a better fill gives the difference back at once.
            final long held = o.price * qty * s.quoteScale();
            move(o.account, s.quote(), held - quote, -held);
            move(o.account, s.base(), base, 0);
        }
    }

    private void release(final LiveOrder o)
    {
        if (o != null)
        {
            final SymbolTable.Symbol s = symbols.get(o.symbol);
            final long held = holding(s, o.side, o.type, o.price, o.openQty);
            move(o.account, heldAsset(s, o.side), held, -held);
        }
    }

    private static long holding(final SymbolTable.Symbol s, final Side side, final OrderType type, final long price,
        final long qty)
    {
        if (side == Side.SELL)
        {
            return qty * s.baseScale();
        }
        return type == OrderType.LIMIT ? price * qty * s.quoteScale() : 0;
    }

    private static Name heldAsset(final SymbolTable.Symbol s, final Side side)
    {
        return side == Side.SELL ? s.base() : s.quote();
    }

    private void move(final long account, final Name asset, final long available, final long reserved)
    {
        final long[] balance = balances.computeIfAbsent(account, k -> new TreeMap<>())
            .computeIfAbsent(asset, k -> new long[2]);
        balance[0] += available;
        balance[1] += reserved;
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        symbols.writeTo(out);
        orders.writeTo(out);
        out.writeInt(balances.size());
        for (final Map.Entry<Long, Map<Name, long[]>> account : balances.entrySet())
        {
            out.writeLong(account.getKey());
            final Map<Name, long[]> assets = account.getValue();
            out.writeInt(assets.size());
            for (final Map.Entry<Name, long[]> e : assets.entrySet())
            {
                SnapshotIO.writeName(out, e.getKey());
                out.writeLong(e.getValue()[0]);
                out.writeLong(e.getValue()[1]);
            }
        }
        // Open orders by account are the tracker's open orders (the same objects): rebuilt on read.
        out.writeInt(openByAccount.size());
        for (final Long account : openByAccount.keySet())
        {
            out.writeLong(account);
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        symbols.readFrom(in);
        orders.readFrom(in);
        final int accounts = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < accounts; i++)
        {
            final Map<Name, long[]> assets = new TreeMap<>();
            balances.put(in.readLong(), assets);
            final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
            for (int k = 0; k < n; k++)
            {
                assets.put(SnapshotIO.readName(in), new long[] {in.readLong(), in.readLong()});
            }
        }
        final int withOrders = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < withOrders; i++)
        {
            openByAccount.put(in.readLong(), new TreeMap<>());
        }
        for (final LiveOrder o : orders.all())
        {
            openByAccount.computeIfAbsent(o.account, k -> new TreeMap<>()).put(o.orderId, o);
        }
    }

    /** The balances of {@code account} in asset name order (empty for an unknown account). */
    public AsOf<List<Balance>> balances(final long account)
    {
        return read(() -> copyBalances(balances.get(account)));
    }

    /** Every account's balances; for operators and tests. */
    public AsOf<Map<Long, List<Balance>>> allBalances()
    {
        return read(() ->
        {
            final Map<Long, List<Balance>> out = new TreeMap<>();
            balances.forEach((account, assets) -> out.put(account, copyBalances(assets)));
            return out;
        });
    }

    private static List<Balance> copyBalances(final Map<Name, long[]> assets)
    {
        final List<Balance> out = new ArrayList<>();
        if (assets != null)
        {
            assets.forEach((asset, b) -> out.add(new Balance(asset.toString(), b[0], b[1])));
        }
        return out;
    }

    /** The open orders of {@code account}, by order id. */
    public AsOf<List<OpenOrder>> openOrders(final long account)
    {
        return read(() ->
        {
            final List<OpenOrder> out = new ArrayList<>();
            final Map<Long, LiveOrder> mine = openByAccount.get(account);
            if (mine != null)
            {
                for (final LiveOrder o : mine.values())
                {
                    out.add(new OpenOrder(o.orderId, o.symbol.toString(), o.side, o.type, o.tif, o.price, o.openQty,
                        o.filledQty, o.acceptedSeq));
                }
            }
            return out;
        });
    }
}
