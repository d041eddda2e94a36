package engine.bench;

import engine.api.Command;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A market IOC buy that takes the whole best ask level (2 makers): 2 trades per operation. */
@State(Scope.Thread)
public class MarketOrderBenchmark extends BenchmarkDefaults
{
    private static final long MAKER_QTY = 10;
    private BookFixture book;
    private final Command[] takers = new Command[OPS];

    @Setup(Level.Trial)
    public void build()
    {
        book = new BookFixture();
        for (int i = 0; i < OPS; i++)
        {
            takers[i] = new Command();
        }
        prepare();
        market();
        BookFixture.require(book.count(EventType.TRADE) == 2 && book.count(EventType.CANCELED) == 0,
            "market order fills against one level");
        BookFixture.require(book.logic.openOrderCount() == 1_000, "takers consume exactly the makers");
    }

    @Setup(Level.Invocation)
    public void prepare()
    {
        // Worst level first: each new level is then the best one and no level array shifts.
        for (int level = OPS - 1; level >= 0; level--)
        {
            book.place(Side.SELL, BookFixture.MID + 1 + level, MAKER_QTY);
            book.place(Side.SELL, BookFixture.MID + 1 + level, MAKER_QTY);
        }
        for (int i = 0; i < OPS; i++)
        {
            takers[i].place(1, book.nextAccount(), book.nextOrderId(), BookFixture.SYMBOL_HI, BookFixture.SYMBOL_LO,
                Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, false, 0, 2 * MAKER_QTY);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int market()
    {
        int events = 0;
        for (final Command taker : takers)
        {
            events += book.apply(taker);
        }
        return events;
    }
}
