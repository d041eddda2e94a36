package engine.bench.harness;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.OrderType;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import java.io.PrintStream;

/**
 * Resident heap of the business logic's state with many resting orders: accounts funded in every
 * asset, then {@code orders} GTC limit orders that do not cross, spread over the symbols, both sides
 * and 1,000 price levels a side. Heap is measured after full collections, before and after.
 */
final class Footprint
{
    private static final long MID = 1_000_000;
    private static final int LEVELS = 1_000;

    private Footprint()
    {
    }

    static void run(final int orders, final int accounts, final int symbols, final boolean presize,
        final PrintStream out)
    {
        final long before = usedAfterGc();
        final BusinessLogic logic = presize ? new BusinessLogic(SelfTradePrevention.NONE, orders, accounts) :
            new BusinessLogic(SelfTradePrevention.NONE);
        final long empty = usedAfterGc();
        final EventBatch sink = new EventBatch();
        final Command c = new Command();
        final long usdHi = AsciiName.hi("USD");
        final long usdLo = AsciiName.lo("USD");
        for (int s = 0; s < symbols; s++)
        {
            apply(logic, sink, c.symbol(0, AsciiName.hi("SYM" + s), AsciiName.lo("SYM" + s), AsciiName.hi("B" + s),
                AsciiName.lo("B" + s), usdHi, usdLo, 1, 1));
        }
        for (int a = 1; a <= accounts; a++)
        {
            apply(logic, sink, c.deposit(0, a, usdHi, usdLo, 1_000_000_000_000_000L));
            for (int s = 0; s < symbols; s++)
            {
                apply(logic, sink, c.deposit(0, a, AsciiName.hi("B" + s), AsciiName.lo("B" + s), 1_000_000_000_000L));
            }
        }
        final long funded = usedAfterGc();
        final int perSide = orders / symbols / 2;
        long id = 1;
        for (int s = 0; s < symbols; s++)
        {
            final long hi = AsciiName.hi("SYM" + s);
            final long lo = AsciiName.lo("SYM" + s);
            // Worst level first, so each new level is the side's best and no level array shifts.
            for (int i = 0; i < perSide; i++)
            {
                final int level = LEVELS - 1 - (int)((long)i * LEVELS / perSide);
                apply(logic, sink, c.place(1, id % accounts + 1, id, hi, lo, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                    0, true, MID - 1 - level, 10));
                id++;
                apply(logic, sink, c.place(1, id % accounts + 1, id, hi, lo, Side.SELL, OrderType.LIMIT,
                    TimeInForce.GTC, 0, true, MID + 1 + level, 10));
                id++;
            }
        }
        final long full = usedAfterGc();
        final int resting = logic.openOrderCount();
        out.printf("resting orders:        %,d (%d symbols, %,d accounts, %s)%n", resting, symbols, accounts,
            presize ? "pools and maps presized for them" : "default presizing, grown on demand");
        out.printf("empty business logic:  %,8.1f MB%n", (empty - before) / 1e6);
        out.printf("accounts funded:       %,8.1f MB%n", (funded - before) / 1e6);
        out.printf("with the orders:       %,8.1f MB  (resident heap of the state)%n", (full - before) / 1e6);
        out.printf("per resting order:     %,8.0f bytes (whole state / orders)%n",
            (double)(full - before) / Math.max(1, resting));
        if (logic.lastSeq() < 0)
        {
            out.println(sink.count()); // keeps the state reachable until measured
        }
    }

    private static void apply(final BusinessLogic logic, final EventBatch sink, final Command c)
    {
        sink.begin(c, null);
        logic.apply(c, sink);
    }

    static long usedAfterGc()
    {
        final Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++)
        {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
