package engine.workload;

import java.util.Arrays;

/**
 * How many resting orders one side of a {@link ShadowBook} holds at each price, and its best price.
 * An open-addressing map from price to count, grown by doubling. When the last order at the best
 * price leaves, the next best is looked for tick by tick (levels near the touch are dense) before
 * falling back to a scan of the table.
 */
final class PriceLevels
{
    private static final long FREE = Long.MIN_VALUE;
    private static final int NEAR_TICKS = 64;

    private final boolean bids;
    private final long none;
    private long[] prices = new long[8];
    private int[] counts = new int[8];
    private int mask = 7;
    private int used;
    private long best;

    /** @param bids whether higher prices are better */
    PriceLevels(boolean bids)
    {
        this.bids = bids;
        this.none = bids ? Long.MIN_VALUE : Long.MAX_VALUE;
        this.best = none;
        Arrays.fill(prices, FREE);
    }

    /** The best price, or {@code Long.MIN_VALUE} for empty bids and {@code Long.MAX_VALUE} for empty asks. */
    long best()
    {
        return best;
    }

    boolean contains(long price)
    {
        return prices[slot(price)] == price;
    }

    void add(long price)
    {
        int i = slot(price);
        if (prices[i] == price)
        {
            counts[i]++;
        }
        else
        {
            prices[i] = price;
            counts[i] = 1;
            if (++used * 2 > prices.length)
            {
                rehash(prices.length * 2);
            }
        }
        if (bids ? price > best : price < best)
        {
            best = price;
        }
    }

    void remove(long price)
    {
        int i = slot(price);
        if (prices[i] != price)
        {
            throw new IllegalStateException("no order at " + price);
        }
        if (--counts[i] > 0)
        {
            return;
        }
        delete(i);
        used--;
        if (price == best)
        {
            best = nextBest(price);
        }
    }

    private long nextBest(long from)
    {
        if (used == 0)
        {
            return none;
        }
        for (int step = 1; step <= NEAR_TICKS; step++)
        {
            long p = bids ? from - step : from + step;
            if (contains(p))
            {
                return p;
            }
        }
        long found = none;
        for (long p : prices)
        {
            if (p != FREE && (bids ? p > found : p < found))
            {
                found = p;
            }
        }
        return found;
    }

    /** The slot holding {@code price}, or the free slot where it would go. */
    private int slot(long price)
    {
        int i = hash(price);
        while (prices[i] != FREE && prices[i] != price)
        {
            i = (i + 1) & mask;
        }
        return i;
    }

    private int hash(long price)
    {
        return (int) ((price * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    /** Linear-probing delete: shift later entries of the probe run back so none is orphaned. */
    private void delete(int hole)
    {
        int i = hole;
        int j = hole;
        while (true)
        {
            j = (j + 1) & mask;
            if (prices[j] == FREE)
            {
                break;
            }
            int home = hash(prices[j]);
            if (((j - home) & mask) >= ((j - i) & mask))
            {
                prices[i] = prices[j];
                counts[i] = counts[j];
                i = j;
            }
        }
        prices[i] = FREE;
        counts[i] = 0;
    }

    private void rehash(int length)
    {
        long[] oldPrices = prices;
        int[] oldCounts = counts;
        prices = new long[length];
        counts = new int[length];
        Arrays.fill(prices, FREE);
        mask = length - 1;
        for (int k = 0; k < oldPrices.length; k++)
        {
            if (oldPrices[k] != FREE)
            {
                int i = slot(oldPrices[k]);
                prices[i] = oldPrices[k];
                counts[i] = oldCounts[k];
            }
        }
    }
}
