package engine.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The generator's mirror of one symbol's resting orders: what the engine's book holds when every
 * generated command is accepted and self-trade prevention is off. It is what lets cancels and amends
 * target orders that are still open, and it counts the trades the workload will produce.
 *
 * <p>Orders sit in parallel primitive arrays in no particular order, with a count of orders per price
 * on each side that gives the best prices at once. Price-time priority among crossing orders is found
 * by scanning, which is cheap because only crossing orders scan and the book is capped.
 */
final class ShadowBook
{
    static final long NO_EXPIRY = Long.MAX_VALUE;
    private static final byte SELL = 1;
    private static final byte POST_ONLY = 2;
    private static final byte TRADED = 4;

    private final int capacity;
    private long[] ids;
    private long[] prices;
    private long[] openQty;
    private long[] totalQty;
    private long[] seqs;
    private long[] expiries;
    private int[] accounts;
    private byte[] flags;
    private int[] candidates;
    private int[] removals;
    private int size;
    private int bids;
    private long nextSeq;
    private long minExpiry = NO_EXPIRY;
    private final PriceLevels bidLevels = new PriceLevels(true);
    private final PriceLevels askLevels = new PriceLevels(false);
    private int makersFilled;
    private int makersFirstTraded;

    ShadowBook(int capacity)
    {
        this.capacity = capacity;
        allocate(Math.min(capacity, 4));
    }

    int size()
    {
        return size;
    }

    boolean hasRoom()
    {
        return size < capacity;
    }

    int count(boolean sell)
    {
        return sell ? size - bids : bids;
    }

    long id(int i)
    {
        return ids[i];
    }

    long price(int i)
    {
        return prices[i];
    }

    long open(int i)
    {
        return openQty[i];
    }

    long total(int i)
    {
        return totalQty[i];
    }

    int account(int i)
    {
        return accounts[i];
    }

    boolean isSell(int i)
    {
        return (flags[i] & SELL) != 0;
    }

    boolean isPostOnly(int i)
    {
        return (flags[i] & POST_ONLY) != 0;
    }

    int randomIndex(SplittableRandom rnd)
    {
        return rnd.nextInt(size);
    }

    /** Best bid price, or {@code Long.MIN_VALUE} when there are no bids. */
    long bestBid()
    {
        return bidLevels.best();
    }

    /** Best ask price, or {@code Long.MAX_VALUE} when there are no asks. */
    long bestAsk()
    {
        return askLevels.best();
    }

    /** Whether some order on this side rests at this price. */
    boolean hasLevel(boolean sell, long price)
    {
        return (sell ? askLevels : bidLevels).contains(price);
    }

    /** Maker fills (TRADE events) of the last {@link #match}. */
    int makersFilled()
    {
        return makersFilled;
    }

    /** Makers that traded for the first time in the last {@link #match}. */
    int makersFirstTraded()
    {
        return makersFirstTraded;
    }

    /** Whether an incoming order on this side at this limit would trade on arrival. */
    boolean crosses(boolean buy, long limit)
    {
        return buy ? bestAsk() <= limit : bestBid() >= limit;
    }

    /** Whether an incoming order at this limit could fill {@code qty} at once (the FOK test). */
    boolean canFill(boolean buy, long limit, long qty)
    {
        if (!crosses(buy, limit))
        {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < size && sum < qty; i++)
        {
            if (isCandidate(i, buy, limit))
            {
                sum += openQty[i];
            }
        }
        return sum >= qty;
    }

    /**
     * Quantity of the first {@code orders} makers an incoming order on this side would meet, in
     * priority order; {@code lastOut} receives the price and open quantity of the last of them.
     */
    long depthQty(boolean buy, int orders, long[] lastOut)
    {
        int m = gather(buy, buy ? Long.MAX_VALUE : Long.MIN_VALUE);
        long qty = 0;
        for (int n = 0; n < orders && m > 0; n++)
        {
            int k = bestCandidate(m, buy);
            int i = candidates[k];
            qty += openQty[i];
            lastOut[0] = prices[i];
            lastOut[1] = openQty[i];
            candidates[k] = candidates[--m];
        }
        return qty;
    }

    /** Matches an incoming order against the book and returns the quantity filled. */
    long match(boolean buy, long limit, long qty)
    {
        makersFilled = 0;
        makersFirstTraded = 0;
        if (!crosses(buy, limit))
        {
            return 0;
        }
        int m = gather(buy, limit);
        int nRemove = 0;
        long left = qty;
        while (left > 0 && m > 0)
        {
            int k = bestCandidate(m, buy);
            int i = candidates[k];
            long fill = Math.min(left, openQty[i]);
            openQty[i] -= fill;
            left -= fill;
            makersFilled++;
            if ((flags[i] & TRADED) == 0)
            {
                flags[i] |= TRADED;
                makersFirstTraded++;
            }
            if (openQty[i] == 0)
            {
                removals[nRemove++] = i;
            }
            candidates[k] = candidates[--m];
        }
        // Swap-removal moves the last slot down, so remove from the highest index first.
        Arrays.sort(removals, 0, nRemove);
        for (int n = nRemove - 1; n >= 0; n--)
        {
            removeAt(removals[n]);
        }
        return qty - left;
    }

    /** Rests an order; the caller has checked {@link #hasRoom()}. */
    void add(long id, int account, boolean sell, boolean postOnly, boolean traded,
             long price, long open, long total, long expiry)
    {
        if (size == capacity)
        {
            throw new IllegalStateException("shadow book full");
        }
        if (size == ids.length)
        {
            allocate(Math.min(capacity, size * 2));
        }
        int i = size++;
        ids[i] = id;
        accounts[i] = account;
        flags[i] = (byte) ((sell ? SELL : 0) | (postOnly ? POST_ONLY : 0) | (traded ? TRADED : 0));
        prices[i] = price;
        openQty[i] = open;
        totalQty[i] = total;
        seqs[i] = nextSeq++;
        expiries[i] = expiry;
        minExpiry = Math.min(minExpiry, expiry);
        if (sell)
        {
            askLevels.add(price);
        }
        else
        {
            bids++;
            bidLevels.add(price);
        }
    }

    /** Shrinks an order's quantity in place: it keeps its place in the queue. */
    void reduce(int i, long newOpen, long newTotal)
    {
        openQty[i] = newOpen;
        totalQty[i] = newTotal;
    }

    boolean traded(int i)
    {
        return (flags[i] & TRADED) != 0;
    }

    long expiry(int i)
    {
        return expiries[i];
    }

    void removeAt(int i)
    {
        if (isSell(i))
        {
            askLevels.remove(prices[i]);
        }
        else
        {
            bids--;
            bidLevels.remove(prices[i]);
        }
        int last = --size;
        if (i != last)
        {
            ids[i] = ids[last];
            accounts[i] = accounts[last];
            flags[i] = flags[last];
            prices[i] = prices[last];
            openQty[i] = openQty[last];
            totalQty[i] = totalQty[last];
            seqs[i] = seqs[last];
            expiries[i] = expiries[last];
        }
    }

    /** Drops GTD orders with {@code expiry <= now}, as the engine does before a command at {@code now}. */
    void expire(long now)
    {
        if (now < minExpiry)
        {
            return;
        }
        long min = NO_EXPIRY;
        for (int i = size - 1; i >= 0; i--)
        {
            if (expiries[i] <= now)
            {
                removeAt(i);
            }
        }
        for (int i = 0; i < size; i++)
        {
            min = Math.min(min, expiries[i]);
        }
        minExpiry = min;
    }

    private boolean isCandidate(int i, boolean buy, long limit)
    {
        boolean sell = (flags[i] & SELL) != 0;
        return buy ? sell && prices[i] <= limit : !sell && prices[i] >= limit;
    }

    private int gather(boolean buy, long limit)
    {
        int m = 0;
        for (int i = 0; i < size; i++)
        {
            if (isCandidate(i, buy, limit))
            {
                candidates[m++] = i;
            }
        }
        return m;
    }

    /** Index into {@code candidates} of the maker with the best price, then the oldest. */
    private int bestCandidate(int m, boolean buy)
    {
        int best = 0;
        for (int k = 1; k < m; k++)
        {
            int a = candidates[k];
            int b = candidates[best];
            boolean better = prices[a] == prices[b]
                    ? seqs[a] < seqs[b]
                    : (buy ? prices[a] < prices[b] : prices[a] > prices[b]);
            if (better)
            {
                best = k;
            }
        }
        return best;
    }

    private void allocate(int n)
    {
        ids = grow(ids, n);
        prices = grow(prices, n);
        openQty = grow(openQty, n);
        totalQty = grow(totalQty, n);
        seqs = grow(seqs, n);
        expiries = grow(expiries, n);
        accounts = accounts == null ? new int[n] : Arrays.copyOf(accounts, n);
        flags = flags == null ? new byte[n] : Arrays.copyOf(flags, n);
        candidates = new int[n];
        removals = new int[n];
    }

    private static long[] grow(long[] a, int n)
    {
        return a == null ? new long[n] : Arrays.copyOf(a, n);
    }
}
