package engine.workload;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A plausible trading day: time in milliseconds, skewed symbol popularity, a fair price per symbol
 * that random-walks, mostly passive limit orders (GTC, GTD, POST_ONLY) around it, some marketable
 * limits, IOC, FOK and market orders, cancels and amends of resting orders, and now and then a
 * withdrawal, a top-up deposit or a TICK that lets GTD orders expire.
 */
final class RealisticFlow extends OrderFlow
{
    private static final int DEPTH = 30;
    private static final int PREFILL = 20;

    private final int softLimit;
    private int prefillSymbol;

    RealisticFlow(SplittableRandom rnd, Venue venue, Holdings holdings, int softLimit)
    {
        super(rnd, venue, holdings, 5_000, 45_000);
        this.softLimit = softLimit;
    }

    /** Resting orders per symbol above which new passive orders give way to cancels. */
    static int softLimit(int symbols)
    {
        return Math.max(32, Math.min(400, 200_000 / symbols));
    }

    @Override
    boolean prefill() throws IOException
    {
        while (prefillSymbol < fair.length && venue.book(prefillSymbol).size() >= Math.min(PREFILL, softLimit))
        {
            prefillSymbol++;
        }
        if (prefillSymbol == fair.length)
        {
            return false;
        }
        int s = prefillSymbol;
        boolean buy = venue.book(s).size() % 2 == 0;
        venue.limit(s, holdings.pickAccount(s, rnd), buy, Venue.GTC, passivePrice(s, buy, DEPTH), qty(), 0);
        return true;
    }

    @Override
    void step() throws IOException
    {
        int t = rnd.nextInt(10);
        venue.advance(t < 4 ? 0 : t < 8 ? 1 : 2 + rnd.nextInt(4));
        int r = rnd.nextInt(1000);
        if (r < 5)
        {
            venue.advance(100 + rnd.nextInt(1_900));
            venue.tick();
        }
        else if (r < 10)
        {
            int account = holdings.pickAnyAccount(rnd);
            venue.withdraw(account, anyAsset(account), 1 + rnd.nextInt(1_000_000));
        }
        else if (r < 13)
        {
            int account = holdings.pickAnyAccount(rnd);
            venue.deposit(account, anyAsset(account), 1_000_000 + rnd.nextInt(10_000_000));
        }
        else
        {
            order(pickSymbol());
        }
    }

    private void order(int s) throws IOException
    {
        walk(s, 16);
        ShadowBook b = venue.book(s);
        int r = rnd.nextInt(100);
        if (r >= 62 && b.size() == 0)
        {
            r = 0;
        }
        if (r < 55 && b.size() >= softLimit)
        {
            r = 62; // a full book: cancel instead
        }
        int account = holdings.pickAccount(s, rnd);
        boolean buy = rnd.nextBoolean();
        if (r < 55)
        {
            passiveOrAggressive(b, s, account, buy);
        }
        else if (r < 58)
        {
            venue.limit(s, account, buy, Venue.IOC, aggressivePrice(b, s, buy, 3), qty(), 0);
        }
        else if (r < 60)
        {
            venue.limit(s, account, buy, Venue.FOK, aggressivePrice(b, s, buy, 3), qty(), 0);
        }
        else if (r < 62)
        {
            venue.market(s, account, buy, rnd.nextInt(5) == 0 ? Venue.FOK : Venue.IOC, 1 + rnd.nextInt(20));
        }
        else if (r < 84)
        {
            venue.cancel(s, b.randomIndex(rnd));
        }
        else if (r < 95)
        {
            int i = b.randomIndex(rnd);
            venue.amendPrice(s, i, movedPrice(b, i, s, DEPTH));
        }
        else
        {
            boolean grow = rnd.nextInt(4) == 0;
            int i = grow ? b.randomIndex(rnd) : reducible(b);
            venue.amendQty(s, i, grow ? b.total(i) + 1 + rnd.nextInt(10) : reducedTotal(b, i));
        }
    }

    private void passiveOrAggressive(ShadowBook b, int s, int account, boolean buy) throws IOException
    {
        int kind = rnd.nextInt(100);
        if (kind < 15)
        {
            venue.limit(s, account, buy, Venue.POST_ONLY, passivePrice(s, buy, DEPTH), qty(), 0);
            return;
        }
        int tif = kind < 30 ? Venue.GTD : Venue.GTC;
        long expiry = venue.now() + 1_000 + rnd.nextInt(59_000);
        long price = rnd.nextInt(100) < 6 ? aggressivePrice(b, s, buy, 3) : passivePrice(s, buy, DEPTH);
        venue.limit(s, account, buy, tif, price, qty(), expiry);
    }

    private String anyAsset(int account)
    {
        int j = rnd.nextInt(holdings.perAccount() + 1);
        return j == 0 ? Holdings.QUOTE : Holdings.baseAsset(holdings.symbolOf(account - 1, j - 1));
    }

    /** 1 to 100 lots, small sizes most likely. */
    private long qty()
    {
        return 1 + rnd.nextInt(10) * (1 + rnd.nextInt(10));
    }
}
