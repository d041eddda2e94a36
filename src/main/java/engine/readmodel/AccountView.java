package engine.readmodel;

import engine.api.AsciiName;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Balances (available, reserved) and open orders per account, derived from events alone with
 * the reservation rules of TRADING-RULES.md: a limit BUY holds {@code price * qty * quoteScale}
 * of quote, a SELL {@code qty * baseScale} of base, a market BUY nothing (it pays per fill).
 *
 * <p>Applying allocates nothing once warm: balances are primitive arrays per account, open orders
 * are pooled and linked per account; queries sort what they copy.
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

    /** One account's balances, by asset, in parallel arrays (an account holds few assets). */
    private static final class Assets
    {
        long[] his = new long[4];
        long[] los = new long[4];
        long[] available = new long[4];
        long[] reserved = new long[4];
        int count;

        int indexOf(final long hi, final long lo)
        {
            for (int i = 0; i < count; i++)
            {
                if (his[i] == hi && los[i] == lo)
                {
                    return i;
                }
            }
            if (count == his.length)
            {
                his = Arrays.copyOf(his, count * 2);
                los = Arrays.copyOf(los, count * 2);
                available = Arrays.copyOf(available, count * 2);
                reserved = Arrays.copyOf(reserved, count * 2);
            }
            his[count] = hi;
            los[count] = lo;
            return count++;
        }
    }

    private static final Comparator<Balance> BY_ASSET = (a, b) -> AsciiName.compare(
        AsciiName.hi(a.asset()), AsciiName.lo(a.asset()), AsciiName.hi(b.asset()), AsciiName.lo(b.asset()));
    private final SymbolTable symbols = new SymbolTable();
    private final Long2ObjectHashMap<Assets> balances = new Long2ObjectHashMap<>();
    /** Each account's open orders, linked through {@link LiveOrder#nextOfAccount}: the first of each. */
    private final Long2ObjectHashMap<LiveOrder> firstOpen = new Long2ObjectHashMap<>();
    private final OrderTracker orders = new OrderTracker(new OrderTracker.Listener()
    {
        @Override
        public void done(final LiveOrder order)
        {
            unlink(order);
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
                link(orders.get(b.orderId(i)));
            }
        }
        orders.endCommand();
    }

    private void link(final LiveOrder order)
    {
        final LiveOrder first = firstOpen.get(order.account);
        order.previousOfAccount = null;
        order.nextOfAccount = first;
        if (first != null)
        {
            first.previousOfAccount = order;
        }
        firstOpen.put(order.account, order);
    }

    private void unlink(final LiveOrder order)
    {
        final LiveOrder previous = order.previousOfAccount;
        final LiveOrder next = order.nextOfAccount;
        if (next != null)
        {
            next.previousOfAccount = previous;
        }
        if (previous != null)
        {
            previous.nextOfAccount = next;
        }
        else if (firstOpen.get(order.account) == order)
        {
            if (next != null)
            {
                firstOpen.put(order.account, next);
            }
            else
            {
                firstOpen.remove(order.account);
            }
        }
        order.previousOfAccount = null;
        order.nextOfAccount = null;
    }

    private void applyFunds(final EventBatch b, final int i)
    {
        switch (b.type(i))
        {
            // A balance adjustment's amount is signed: a credit or a debit of available.
            case DEPOSITED, BALANCE_ADJUSTED -> move(b.account(i), b.nameHi(i), b.nameLo(i), b.qty(i), 0);
            case WITHDRAWN, WITHDRAW_PENDING -> move(b.account(i), b.nameHi(i), b.nameLo(i), -b.qty(i), 0);
            // In flight the amount is out of available; it comes back when the withdrawal fails or times out.
            case WITHDRAW_FAILED, WITHDRAW_TIMED_OUT -> move(b.account(i), b.nameHi(i), b.nameLo(i), b.qty(i), 0);
            case ACCEPTED ->
            {
                final SymbolTable.Symbol s = symbols.get(b.nameHi(i), b.nameLo(i));
                final long held = holding(s, b.side(i), b.orderType(i), b.price(i), b.qty(i));
                move(b.account(i), heldAsset(s, b.side(i)), -held, held);
            }
            case TRADE -> trade(b, i);
            case TRADE_BUSTED ->
            {
                // Settlement reversed, in available: the buyer gives the base back and gets the quote back.
                final SymbolTable.Symbol s = symbols.get(b.nameHi(i), b.nameLo(i));
                move(b.account(i), s.base(), -b.bustedBaseAmount(i), 0);
                move(b.account(i), s.quote(), b.bustedQuoteAmount(i), 0);
                move(b.makerAccount(i), s.quote(), -b.bustedQuoteAmount(i), 0);
                move(b.makerAccount(i), s.base(), b.bustedBaseAmount(i), 0);
            }
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
        move(account, asset.hi(), asset.lo(), available, reserved);
    }

    private void move(final long account, final long assetHi, final long assetLo, final long available,
        final long reserved)
    {
        Assets assets = balances.get(account);
        if (assets == null)
        {
            assets = new Assets();
            balances.put(account, assets);
        }
        final int i = assets.indexOf(assetHi, assetLo);
        assets.available[i] += available;
        assets.reserved[i] += reserved;
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        symbols.writeTo(out);
        orders.writeTo(out);
        out.writeInt(balances.size());
        final Long2ObjectHashMap<Assets>.EntryIterator it = balances.entrySet().iterator();
        while (it.hasNext())
        {
            it.next();
            out.writeLong(it.getLongKey());
            final Assets assets = it.getValue();
            out.writeInt(assets.count);
            for (int i = 0; i < assets.count; i++)
            {
                out.writeLong(assets.his[i]);
                out.writeLong(assets.los[i]);
                out.writeLong(assets.available[i]);
                out.writeLong(assets.reserved[i]);
            }
        }
        // Open orders by account are the tracker's open orders (the same objects): linked again on read.
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        symbols.readFrom(in);
        orders.readFrom(in);
        final int accounts = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < accounts; i++)
        {
            final long account = in.readLong();
            final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
            for (int k = 0; k < n; k++)
            {
                move(account, in.readLong(), in.readLong(), in.readLong(), in.readLong());
            }
        }
        for (final LiveOrder o : orders.all())
        {
            link(o);
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

    private static List<Balance> copyBalances(final Assets assets)
    {
        final List<Balance> out = new ArrayList<>();
        if (assets != null)
        {
            for (int i = 0; i < assets.count; i++)
            {
                out.add(new Balance(AsciiName.toString(assets.his[i], assets.los[i]), assets.available[i],
                    assets.reserved[i]));
            }
            out.sort(BY_ASSET);
        }
        return out;
    }

    /** The open orders of {@code account}, by order id. */
    public AsOf<List<OpenOrder>> openOrders(final long account)
    {
        return read(() ->
        {
            final List<OpenOrder> out = new ArrayList<>();
            for (LiveOrder o = firstOpen.get(account); o != null; o = o.nextOfAccount)
            {
                out.add(new OpenOrder(o.orderId, o.symbol.toString(), o.side, o.type, o.tif, o.price, o.openQty,
                    o.filledQty, o.acceptedSeq));
            }
            out.sort(Comparator.comparingLong(OpenOrder::orderId));
            return out;
        });
    }
}
