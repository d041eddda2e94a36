package engine.workload;

import engine.api.AsciiName;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.format.CommandFileWriter;
import java.io.IOException;

/**
 * Writes order commands and applies each to the {@link ShadowBook} of its symbol, so the flows
 * always know which orders rest. Also keeps the clock, the order-id counter and the statistics.
 */
final class Venue
{
    static final int GTC = 0;
    static final int IOC = 1;
    static final int FOK = 2;
    static final int POST_ONLY = 3;
    static final int GTD = 4;
    /** By the constants above. */
    private static final TimeInForce[] TIFS = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.POST_ONLY,
        TimeInForce.GTD};
    private static final long QUOTE_HI = AsciiName.hi(Holdings.QUOTE);
    private static final long QUOTE_LO = AsciiName.lo(Holdings.QUOTE);

    private final CommandFileWriter out;
    private final ShadowBook[] books;
    private final long[] symbolHi;
    private final long[] symbolLo;
    private long now;
    private long nextOrderId = 1;
    private long orders;
    private long takerTraded;
    private long tradedOrders;
    private long tradingCommands;
    private long trades;

    Venue(CommandFileWriter out, int symbols, int capacityPerSymbol)
    {
        this.out = out;
        this.books = new ShadowBook[symbols];
        this.symbolHi = new long[symbols];
        this.symbolLo = new long[symbols];
        for (int s = 0; s < symbols; s++)
        {
            books[s] = new ShadowBook(capacityPerSymbol);
            final String name = Holdings.symbolName(s);
            symbolHi[s] = AsciiName.hi(name);
            symbolLo[s] = AsciiName.lo(name);
        }
    }

    long now()
    {
        return now;
    }

    void advance(long millis)
    {
        now += millis;
    }

    int symbols()
    {
        return books.length;
    }

    /** The symbol's book, with GTD orders that expired by now removed. */
    ShadowBook book(int symbol)
    {
        ShadowBook b = books[symbol];
        b.expire(now);
        return b;
    }

    WorkloadStats stats(long commands)
    {
        return new WorkloadStats(commands, orders, takerTraded, tradedOrders, tradingCommands, trades);
    }

    void symbol(int s) throws IOException
    {
        final String base = Holdings.baseAsset(s);
        out.symbol(now, symbolHi[s], symbolLo[s], AsciiName.hi(base), AsciiName.lo(base), QUOTE_HI, QUOTE_LO).end();
    }

    void deposit(int account, String asset, long amount) throws IOException
    {
        out.deposit(now, account, AsciiName.hi(asset), AsciiName.lo(asset), amount).end();
    }

    void withdraw(int account, String asset, long amount) throws IOException
    {
        out.withdraw(now, account, AsciiName.hi(asset), AsciiName.lo(asset), amount).end();
    }

    void tick() throws IOException
    {
        out.tick(now).end();
    }

    /** A limit order; {@code expiry} is used only with {@link #GTD}. */
    void limit(int s, int account, boolean buy, int tif, long price, long qty, long expiry) throws IOException
    {
        long id = placeLine(s, account, buy, OrderType.LIMIT, tif, expiry, true, price, qty);
        ShadowBook b = books[s];
        if (tif == POST_ONLY && b.crosses(buy, price))
        {
            return; // rejected POST_ONLY_WOULD_TAKE
        }
        if (tif == FOK && !b.canFill(buy, price, qty))
        {
            return; // rejected FOK_NOT_FILLABLE
        }
        long filled = take(b, buy, price, qty);
        if (filled < qty && tif != IOC && tif != FOK)
        {
            b.add(id, account, !buy, tif == POST_ONLY, filled > 0, price, qty - filled, qty,
                    tif == GTD ? expiry : ShadowBook.NO_EXPIRY);
        }
    }

    /** A market order, {@link #IOC} or {@link #FOK}. */
    void market(int s, int account, boolean buy, int tif, long qty) throws IOException
    {
        placeLine(s, account, buy, OrderType.MARKET, tif, 0, false, 0, qty);
        long limit = buy ? Long.MAX_VALUE : Long.MIN_VALUE;
        ShadowBook b = books[s];
        if (tif == FOK && !b.canFill(buy, limit, qty))
        {
            return;
        }
        take(b, buy, limit, qty);
    }

    void cancel(int s, int i) throws IOException
    {
        ShadowBook b = books[s];
        out.cancel(now, b.account(i), b.id(i)).end();
        b.removeAt(i);
    }

    /** Moves an order to a new price: it loses its place and may trade. */
    void amendPrice(int s, int i, long newPrice) throws IOException
    {
        ShadowBook b = books[s];
        out.amend(now, b.account(i), b.id(i), true, newPrice, false, 0).end();
        boolean buy = !b.isSell(i);
        if (newPrice == b.price(i) || (b.isPostOnly(i) && b.crosses(buy, newPrice)))
        {
            return; // unchanged, or rejected POST_ONLY_WOULD_TAKE
        }
        reenter(b, i, newPrice, b.open(i), b.total(i));
    }

    /** Sets a new total quantity: smaller keeps the queue place, larger loses it. */
    void amendQty(int s, int i, long newTotal) throws IOException
    {
        ShadowBook b = books[s];
        out.amend(now, b.account(i), b.id(i), false, 0, true, newTotal).end();
        long newOpen = newTotal - (b.total(i) - b.open(i));
        if (newTotal <= 0)
        {
            return; // rejected INVALID_QTY: the order stays as it was
        }
        if (newOpen <= 0)
        {
            b.removeAt(i); // AMENDED_TO_ZERO
        }
        else if (newOpen <= b.open(i))
        {
            b.reduce(i, newOpen, newTotal);
        }
        else
        {
            reenter(b, i, b.price(i), newOpen, newTotal);
        }
    }

    private void reenter(ShadowBook b, int i, long price, long open, long total)
    {
        long id = b.id(i);
        int account = b.account(i);
        boolean sell = b.isSell(i);
        boolean postOnly = b.isPostOnly(i);
        boolean traded = b.traded(i);
        long expiry = b.expiry(i);
        b.removeAt(i);
        long filled = b.match(!sell, price, open);
        if (filled > 0)
        {
            tradingCommands++;
            trades += b.makersFilled();
            tradedOrders += b.makersFirstTraded() + (traded ? 0 : 1);
            traded = true;
        }
        if (filled < open)
        {
            b.add(id, account, sell, postOnly, traded, price, open - filled, total, expiry);
        }
    }

    private long take(ShadowBook b, boolean buy, long limit, long qty)
    {
        long filled = b.match(buy, limit, qty);
        if (filled > 0)
        {
            tradingCommands++;
            takerTraded++;
            trades += b.makersFilled();
            tradedOrders += b.makersFirstTraded() + 1;
        }
        return filled;
    }

    /** Writes the {@code PLACE} line and returns the new order's id. */
    private long placeLine(int s, int account, boolean buy, OrderType type, int tif, long expiry, boolean hasPrice,
            long price, long qty) throws IOException
    {
        orders++;
        long id = nextOrderId++;
        out.place(now, account, id, symbolHi[s], symbolLo[s], buy ? Side.BUY : Side.SELL, type, TIFS[tif], expiry, hasPrice,
                price, qty).end();
        return id;
    }
}
