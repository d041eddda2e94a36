package engine.bench;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;

/**
 * A warmed single-symbol book for the BLP benchmarks: {@code BTC-USD}, 1,000 accounts with ample
 * funds, and 1,000 resting orders: 100 bid levels below {@link #MID} and 100 ask levels far above it
 * ({@link #ASK_BASE} and up), 5 orders of 10 lots each. The gap between them is where the crossing
 * benchmarks lay the makers they consume. Applies commands through one reused {@link Command} and
 * one reused {@link EventBatch}, so driving it allocates nothing of its own.
 */
public final class BookFixture
{
    public static final long SYMBOL_HI = AsciiName.hi("BTC-USD");
    public static final long SYMBOL_LO = AsciiName.lo("BTC-USD");
    public static final long MID = 1_000_000;
    public static final long ASK_BASE = MID + 100_000;
    public static final int LEVELS = 100;
    public static final int ORDERS_PER_LEVEL = 5;
    public static final int ACCOUNTS = 1_000;
    private static final long FUNDS = 1_000_000_000_000_000L;

    public final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE, 1 << 16, 1 << 12);
    public final EventBatch sink = new EventBatch();
    private final Command command = new Command();
    private long nextOrderId = 1;
    private int nextAccount;

    public BookFixture()
    {
        final long usdHi = AsciiName.hi("USD");
        final long usdLo = AsciiName.lo("USD");
        final long btcHi = AsciiName.hi("BTC");
        final long btcLo = AsciiName.lo("BTC");
        apply(command.symbol(0, SYMBOL_HI, SYMBOL_LO, btcHi, btcLo, usdHi, usdLo, 1, 1));
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            apply(command.deposit(0, account, usdHi, usdLo, FUNDS));
            apply(command.deposit(0, account, btcHi, btcLo, FUNDS));
        }
        for (int level = 0; level < LEVELS; level++)
        {
            for (int i = 0; i < ORDERS_PER_LEVEL; i++)
            {
                place(Side.BUY, MID - 1 - level, 10);
                place(Side.SELL, ASK_BASE + level, 10);
            }
        }
        require(logic.openOrderCount() == 2 * LEVELS * ORDERS_PER_LEVEL, "warm book has 1,000 resting orders");
    }

    /** A fresh order id; ids are never reused. */
    public long nextOrderId()
    {
        return nextOrderId++;
    }

    /** Accounts in rotation, 1..ACCOUNTS. */
    public long nextAccount()
    {
        nextAccount = nextAccount % ACCOUNTS + 1;
        return nextAccount;
    }

    /** The account of the last {@link #place}. */
    public long lastAccount()
    {
        return nextAccount;
    }

    public int apply(final Command c)
    {
        sink.begin(c, null);
        logic.apply(c, sink);
        return sink.count();
    }

    /** Places a GTC limit order from the next account in rotation; returns its id. */
    public long place(final Side side, final long price, final long qty)
    {
        final long id = nextOrderId++;
        apply(command.place(1, nextAccount(), id, SYMBOL_HI, SYMBOL_LO, side, OrderType.LIMIT, TimeInForce.GTC, 0,
            true, price, qty));
        return id;
    }

    public void cancel(final long account, final long orderId)
    {
        apply(command.cancel(1, account, orderId));
    }

    /** Fills {@code c} with a GTC limit place; the caller applies it later. */
    public static Command limit(final Command c, final long account, final long orderId, final Side side,
        final TimeInForce tif, final long price, final long qty)
    {
        return c.place(1, account, orderId, SYMBOL_HI, SYMBOL_LO, side, OrderType.LIMIT, tif, 0, true, price, qty);
    }

    /** Fails the benchmark set-up when the book does not do what the benchmark claims to measure. */
    public static void require(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new IllegalStateException("benchmark fixture broken: expected " + what);
        }
    }

    /** Counts events of one type in the sink's current batch. */
    public int count(final EventType type)
    {
        int n = 0;
        for (int i = 0; i < sink.count(); i++)
        {
            if (sink.type(i) == type)
            {
                n++;
            }
        }
        return n;
    }
}
