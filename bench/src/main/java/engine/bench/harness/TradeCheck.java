package engine.bench.harness;

import engine.api.Command;
import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Do both engines make the same trades on the same file? Runs the engine's business logic once over
 * the whole workload (set-up and flow, untimed) and compares its trades, one by one and in order, as
 * {@code takerOrderId,makerOrderId,price,qty}, with the lines exchange-core's side wrote. The
 * pipeline applies the same business logic to the same commands in the same order, so its trades
 * are these (the replay invariant the engine's tests check).
 */
final class TradeCheck
{
    /**
     * @param firstDifference null when they agree; otherwise the first trade (1-based) that differs,
     *                        with both sides' lines
     */
    record Outcome(long ourTrades, long ourQty, long theirTrades, long theirQty, String firstDifference)
    {
        boolean agree()
        {
            return firstDifference == null;
        }

        String describe()
        {
            return agree()
                ? String.format("AGREE: %,d trades, traded quantity %,d in both; the sequence of (taker order, maker " +
                "order, price, qty) is identical", ourTrades, ourQty)
                : String.format("DISAGREE: ours %,d trades (quantity %,d), exchange-core %,d trades (quantity %,d); " +
                "first difference at %s", ourTrades, ourQty, theirTrades, theirQty, firstDifference);
        }
    }

    private TradeCheck()
    {
    }

    static Outcome compare(final Workload workload, final Path theirTrades) throws IOException
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE, 1 << 16,
            Throughput.maxAccount(workload.setup()));
        final EventBatch sink = new EventBatch();
        long ours = 0;
        long ourQty = 0;
        long theirs = 0;
        long theirQty = 0;
        String difference = null;
        try (BufferedReader in = Files.newBufferedReader(theirTrades, StandardCharsets.US_ASCII))
        {
            for (final Command[] part : new Command[][] {workload.setup(), workload.flow()})
            {
                for (final Command c : part)
                {
                    sink.begin(c, null);
                    logic.apply(c, sink);
                    for (int i = 0; i < sink.count(); i++)
                    {
                        if (sink.type(i) != EventType.TRADE)
                        {
                            continue;
                        }
                        ours++;
                        ourQty += sink.qty(i);
                        final String mine = sink.orderId(i) + "," + sink.makerOrderId(i) + "," + sink.price(i) + "," +
                            sink.qty(i);
                        final String line = in.readLine();
                        if (line != null)
                        {
                            theirs++;
                            theirQty += qty(line);
                        }
                        if (difference == null && !mine.equals(line))
                        {
                            difference = "trade " + ours + " (taker,maker,price,qty): ours " + mine + ", exchange-core " +
                                (line == null ? "none (it made fewer trades)" : line);
                        }
                    }
                }
            }
            String line;
            while ((line = in.readLine()) != null)
            {
                theirs++;
                theirQty += qty(line);
                if (difference == null)
                {
                    difference = "trade " + theirs + ": ours none (we made fewer trades), exchange-core " + line;
                }
            }
        }
        return new Outcome(ours, ourQty, theirs, theirQty, difference);
    }

    private static long qty(final String line)
    {
        return Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
    }
}
