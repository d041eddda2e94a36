package engine.workload;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * exchange-core's benchmark mix: per command 12% new GTC limit orders, 2% IOC, 7% cancels, 72%
 * amends moving a resting order's price a few ticks, 7% amends reducing its quantity (or, without
 * reduces, 79% price moves). Books are first filled to {@code target} resting orders each, half
 * bids and half asks.
 *
 * <p>The book size is held near the target by the IOC orders, which sweep more makers when the
 * book is above target, and by sending them at the fuller side; GTC orders go to the thinner side.
 */
final class PeerMixFlow extends OrderFlow
{
    private static final int DEPTH = 32;

    private final int target;
    private final boolean reduces;
    private final long[] last = new long[2];
    private int prefillSymbol;

    /** @param reduces whether 7% of commands are quantity amends (otherwise they are price moves too) */
    PeerMixFlow(SplittableRandom rnd, Venue venue, Holdings holdings, int target, boolean reduces)
    {
        super(rnd, venue, holdings, 10_000, 40_000);
        this.target = target;
        this.reduces = reduces;
    }

    /** Resting orders per symbol to aim for: 1,000 for one symbol, fewer per symbol for many. */
    static int targetDepth(int symbols)
    {
        return Math.max(50, Math.min(1_000, 20_000 / symbols));
    }

    @Override
    boolean prefill() throws IOException
    {
        while (prefillSymbol < fair.length && venue.book(prefillSymbol).size() >= target)
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
        venue.limit(s, holdings.pickAccount(s, rnd), buy, Venue.GTC, passivePrice(s, buy, DEPTH), qty(), 0);
        return true;
    }

    @Override
    void step() throws IOException
    {
        venue.advance(1);
        int s = pickSymbol();
        walk(s, 256);
        ShadowBook b = venue.book(s);
        int r = b.size() == 0 ? 0 : rnd.nextInt(100);
        if (r < 12)
        {
            if (b.hasRoom())
            {
                gtc(b, s);
            }
            else
            {
                venue.cancel(s, b.randomIndex(rnd));
            }
        }
        else if (r < 14)
        {
            ioc(b, s);
        }
        else if (r < 21)
        {
            venue.cancel(s, b.randomIndex(rnd));
        }
        else if (r < 93 || !reduces)
        {
            int i = b.randomIndex(rnd);
            venue.amendPrice(s, i, movedPrice(b, i, s, DEPTH));
        }
        else
        {
            int i = reducible(b);
            venue.amendQty(s, i, reducedTotal(b, i));
        }
    }

    private void gtc(ShadowBook b, int s) throws IOException
    {
        // Favour the thinner side so the book stays balanced.
        boolean buy = rnd.nextInt(b.size() + 2) < b.count(true) + 1;
        long price = rnd.nextInt(40) == 0 ? aggressivePrice(b, s, buy, 1) : passivePrice(s, buy, DEPTH);
        venue.limit(s, holdings.pickAccount(s, rnd), buy, Venue.GTC, price, qty(), 0);
    }

    private void ioc(ShadowBook b, int s) throws IOException
    {
        // Take from the fuller side. Below target, take part of the first maker; above it, sweep
        // more makers the further above it the book is.
        boolean buy = rnd.nextInt(b.size() + 2) < b.count(true) + 1;
        int orders = b.size() < target ? 1 : 1 + rnd.nextInt(3) + (b.size() - target) * 16 / target;
        long qty = b.depthQty(buy, orders, last);
        long price = last[0];
        if (qty == 0)
        {
            qty = qty();
            price = buy ? fair[s] + 1 : fair[s] - 1;
        }
        else if (b.size() < target && last[1] > 1)
        {
            qty = 1 + rnd.nextLong(last[1] - 1);
        }
        venue.limit(s, holdings.pickAccount(s, rnd), buy, Venue.IOC, price, qty, 0);
    }

    /** exchange-core's order size: 1 + a*b*c with a, b, c uniform in 0..5. */
    private long qty()
    {
        return 1 + rnd.nextInt(6) * rnd.nextInt(6) * rnd.nextInt(6);
    }
}
