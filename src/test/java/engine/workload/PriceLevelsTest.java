package engine.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PriceLevelsTest
{

    @Test
    void shouldTrackCountsAndBestPricesLikeASortedMap()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            checkAgainstTreeMap(seed, true);
            checkAgainstTreeMap(seed, false);
        }
    }

    @Test
    void shouldReportNoBestPriceWhenEmpty()
    {
        PriceLevels bids = new PriceLevels(true);
        PriceLevels asks = new PriceLevels(false);
        bids.add(100);
        bids.remove(100);

        assertThat(bids.best()).isEqualTo(Long.MIN_VALUE);
        assertThat(asks.best()).isEqualTo(Long.MAX_VALUE);
        assertThat(bids.contains(100)).isFalse();
    }

    private static void checkAgainstTreeMap(long seed, boolean bids)
    {
        SplittableRandom rnd = new SplittableRandom(seed);
        PriceLevels levels = new PriceLevels(bids);
        TreeMap<Long, Integer> expected = new TreeMap<>();
        List<Long> resting = new ArrayList<>();
        for (int step = 0; step < 20_000; step++)
        {
            // Mostly near 1,000, sometimes far away, so both the near walk and the table scan run.
            boolean add = resting.isEmpty() || rnd.nextInt(100) < (resting.size() < 300 ? 60 : 40);
            if (add)
            {
                long price = rnd.nextInt(50) == 0 ? 1 + rnd.nextInt(1_000_000) : 900 + rnd.nextInt(200);
                levels.add(price);
                expected.merge(price, 1, Integer::sum);
                resting.add(price);
            }
            else
            {
                int k = rnd.nextInt(resting.size());
                long price = resting.get(k);
                resting.set(k, resting.get(resting.size() - 1));
                resting.remove(resting.size() - 1);
                levels.remove(price);
                expected.merge(price, -1, (a, b) -> a + b == 0 ? null : a + b);
            }
            long best = expected.isEmpty() ? (bids ? Long.MIN_VALUE : Long.MAX_VALUE)
                    : bids ? expected.lastKey() : expected.firstKey();
            assertThat(levels.best()).as("seed %d, step %d", seed, step).isEqualTo(best);
        }
        for (long p = 890; p <= 1_110; p++)
        {
            assertThat(levels.contains(p)).as("seed %d, price %d", seed, p).isEqualTo(expected.containsKey(p));
        }
    }
}
