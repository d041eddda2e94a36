package engine.workload;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Matching under load: thin books of small resting orders on consecutive ticks, refilled as they
 * are consumed, and takers that sweep one to six of them (often several price levels) at once.
 * Half the takers are GTC: they clear what they touch and rest a small remainder at their limit,
 * which the next taker from the other side hits; the others leave part of the last maker. The
 * price follows the book and is pulled gently back to where it started.
 *
 * <p>A taker that touches k makers takes about k - 1 orders off the book, so the book needs about
 * one maker per taker: some 44% of orders cross on arrival, and 98% trade sooner or later.
 */
final class HeavyMatchFlow extends OrderFlow
{
    private static final long START = 10_000;
    private static final int MIN_DEPTH = 8;
    private static final int PREFILL_PER_SIDE = 20;

    private final long[] last = new long[2];
    private int prefillSymbol;

    HeavyMatchFlow(SplittableRandom rnd, Venue venue, Holdings holdings)
    {
        super(rnd, venue, holdings, START, 0);
    }

    @Override
    boolean prefill() throws IOException
    {
        while (prefillSymbol < fair.length && venue.book(prefillSymbol).size() >= 2 * PREFILL_PER_SIDE)
        {
            prefillSymbol++;
        }
        if (prefillSymbol == fair.length)
        {
            return false;
        }
        int s = prefillSymbol;
        ShadowBook b = venue.book(s);
        boolean buy = b.count(false) <= b.count(true);
        venue.advance(1);
        venue.limit(s, holdings.pickAccount(s, rnd), buy, Venue.GTC, passivePrice(s, buy, 12), 1 + rnd.nextInt(5), 0);
        return true;
    }

    @Override
    void step() throws IOException
    {
        venue.advance(1);
        int s = pickSymbol();
        ShadowBook b = venue.book(s);
        fair[s] = mid(b, fair[s]);
        int account = holdings.pickAccount(s, rnd);
        int r = rnd.nextInt(100);
        if (r < 2 && b.size() > 0)
        {
            venue.cancel(s, b.randomIndex(rnd));
            return;
        }
        // Buy more often below the starting price, sell more often above it.
        long pull = Math.max(-300, Math.min(300, (START - fair[s]) / 2));
        boolean buy = rnd.nextInt(1000) < 500 + pull;
        if ((b.count(buy) >= MIN_DEPTH && r < 75) || !b.hasRoom())
        {
            take(b, s, account, buy);
        }
        else
        {
            make(b, s, account, b.count(false) <= b.count(true));
        }
    }

    private void take(ShadowBook b, int s, int account, boolean buy) throws IOException
    {
        int k = rnd.nextInt(20);
        int orders = k < 9 ? 1 : k < 16 ? 2 : 3 + rnd.nextInt(4);
        long qty = b.depthQty(buy, orders, last);
        if (qty == 0)
        {
            venue.market(s, account, buy, Venue.IOC, 1 + rnd.nextInt(5));
            return;
        }
        int kind = rnd.nextInt(100);
        if (kind < 50 && b.hasRoom())
        {
            // Clear the swept makers and rest a small remainder for the other side to hit.
            venue.limit(s, account, buy, Venue.GTC, last[0], qty + 1 + rnd.nextInt(10), 0);
            return;
        }
        // Leave part of the last maker, so fewer orders leave the book than are touched.
        long partial = last[1] > 1 ? qty - 1 - rnd.nextLong(last[1] - 1) : qty;
        if (kind < 85)
        {
            venue.limit(s, account, buy, Venue.IOC, last[0], partial, 0);
        }
        else
        {
            venue.market(s, account, buy, Venue.IOC, partial);
        }
    }

    /**
     * Makers halve a spread wider than two ticks; otherwise they take the first empty tick behind
     * their side's best price (or, one time in four, join one of the top two levels), so that the
     * levels near the touch are one tick apart and hold one or two orders each.
     */
    private void make(ShadowBook b, int s, int account, boolean buy) throws IOException
    {
        long bid = b.bestBid();
        long ask = b.bestAsk();
        long price;
        if (b.count(!buy) == 0)
        {
            price = buy ? Math.min(fair[s], ask - 1) : Math.max(fair[s] + 1, bid + 1);
        }
        else if (b.count(buy) > 0 && ask - bid > 2)
        {
            price = buy ? fair[s] : fair[s] + 1;
        }
        else if (rnd.nextInt(4) == 0)
        {
            price = buy ? bid - rnd.nextInt(2) : ask + rnd.nextInt(2);
        }
        else
        {
            price = buy ? bid - 1 : ask + 1;
            while (b.hasLevel(!buy, price))
            {
                price += buy ? -1 : 1;
            }
        }
        venue.limit(s, account, buy, Venue.GTC, Math.max(1, price), 1 + rnd.nextInt(5), 0);
    }

    /** Midpoint rounded down; next to the only side when one side is empty. */
    private static long mid(ShadowBook b, long previous)
    {
        boolean bids = b.count(false) > 0;
        boolean asks = b.count(true) > 0;
        if (bids && asks)
        {
            return (b.bestBid() + b.bestAsk()) / 2;
        }
        return bids ? b.bestBid() : asks ? b.bestAsk() - 1 : previous;
    }
}
