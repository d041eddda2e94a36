package engine.workload;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * One profile's choice of commands after setup. Each call emits exactly one command through the
 * {@link Venue}; the shared helpers keep a per-symbol fair price that random-walks.
 */
abstract class OrderFlow
{
    /** Fair prices reflect off this floor so that every price stays positive. */
    private static final long PRICE_FLOOR = 100;

    final SplittableRandom rnd;
    final Venue venue;
    final Holdings holdings;
    final long[] fair;

    OrderFlow(SplittableRandom rnd, Venue venue, Holdings holdings, long firstPrice, long priceSpread)
    {
        this.rnd = rnd;
        this.venue = venue;
        this.holdings = holdings;
        this.fair = new long[venue.symbols()];
        for (int s = 0; s < fair.length; s++)
        {
            fair[s] = s == 0 || priceSpread == 0 ? firstPrice : firstPrice + rnd.nextLong(priceSpread);
        }
    }

    /** Emits one command that builds the starting books, or nothing and false once they are built. */
    abstract boolean prefill() throws IOException;

    /** Emits exactly one command. */
    abstract void step() throws IOException;

    /** Half the traffic goes to the first tenth of the symbols, the rest is spread evenly. */
    int pickSymbol()
    {
        int k = fair.length;
        if (k == 1)
        {
            return 0;
        }
        return rnd.nextBoolean() ? rnd.nextInt(Math.max(1, k / 10)) : rnd.nextInt(k);
    }

    /** Moves the symbol's fair price one tick up or down, on average once in {@code oneIn} calls. */
    void walk(int s, int oneIn)
    {
        if (rnd.nextInt(oneIn) == 0)
        {
            fair[s] += rnd.nextBoolean() ? 1 : -1;
            if (fair[s] < PRICE_FLOOR)
            {
                fair[s] = PRICE_FLOOR + 1;
            }
        }
    }

    /** A price {@code 1..depth} ticks on the passive side of fair, most often close to it. */
    long passivePrice(int s, boolean buy, int depth)
    {
        long off = 1 + (long) rnd.nextInt(depth) * rnd.nextInt(depth) / depth;
        return buy ? fair[s] - off : fair[s] + off;
    }

    /** A price that crosses the best opposite order by up to {@code extra} ticks (or fair if none). */
    long aggressivePrice(ShadowBook b, int s, boolean buy, int extra)
    {
        if (b.count(buy) == 0)
        {
            return buy ? fair[s] + 1 : fair[s] - 1;
        }
        long through = rnd.nextInt(extra + 1);
        return buy ? b.bestAsk() + through : Math.max(1, b.bestBid() - through);
    }

    /**
     * A new price for resting order {@code i}, one to three ticks away: back towards the band
     * {@code 1..depth} ticks on its passive side of fair when outside it, either way when inside,
     * but never through fair, so that amends seldom trade.
     */
    long movedPrice(ShadowBook b, int i, int s, int depth)
    {
        long p = b.price(i);
        long f = fair[s];
        boolean sell = b.isSell(i);
        long near = sell ? f + 1 : f - depth;
        long far = sell ? f + depth : f - 1;
        int dir = p < near ? 1 : p > far ? -1 : (rnd.nextBoolean() ? 1 : -1);
        long moved = p + dir * (1 + rnd.nextInt(3));
        if (p >= near && p <= far && (moved < near || moved > far))
        {
            moved = p - (moved - p); // inside the band: bounce off its edge
        }
        return Math.max(1, moved);
    }

    /**
     * Picks a resting order that a reduce can shrink without being rejected: one with more than one
     * lot open, or partly filled. Tries a few at random, then looks through the book; falls back to
     * any order when there is none.
     */
    int reducible(ShadowBook b)
    {
        int i = b.randomIndex(rnd);
        for (int tries = 0; tries < 16 && !canReduce(b, i); tries++)
        {
            i = b.randomIndex(rnd);
        }
        for (int n = 0; n < b.size() && !canReduce(b, i); n++)
        {
            i = i + 1 == b.size() ? 0 : i + 1;
        }
        return i;
    }

    private static boolean canReduce(ShadowBook b, int i)
    {
        return b.open(i) > 1 || b.total(i) > b.open(i);
    }

    /**
     * A new total quantity that takes 1..open-1 lots off. With one lot open it takes that lot off:
     * the engine cancels the order ({@code AMENDED_TO_ZERO}) if part of it has filled, and rejects
     * a new total of 0 ({@code INVALID_QTY}) if none has.
     */
    long reducedTotal(ShadowBook b, int i)
    {
        long open = b.open(i);
        return b.total(i) - (open > 1 ? 1 + rnd.nextLong(open - 1) : 1);
    }
}
