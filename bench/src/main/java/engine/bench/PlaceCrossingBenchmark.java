package engine.bench;

import engine.api.Command;
import engine.api.EventType;
import engine.api.Side;
import engine.api.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A GTC limit buy that takes {@code levels} whole ask levels of {@link #MAKERS_PER_LEVEL} makers
 * each and is filled completely: per operation {@code 2 x levels} trades, makers and levels retired.
 * The makers are laid, outside the timing, between the warm book's bids and asks.
 */
@State(Scope.Thread)
public class PlaceCrossingBenchmark extends BenchmarkDefaults
{
    static final int MAKERS_PER_LEVEL = 2;
    static final long MAKER_QTY = 10;

    @Param({"1", "5"})
    public int levels;

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
        BookFixture.require(book.logic.openOrderCount() == 1_000 + OPS * levels * MAKERS_PER_LEVEL, "makers rest");
        cross();
        BookFixture.require(book.count(EventType.TRADE) == levels * MAKERS_PER_LEVEL, "taker trades every maker of its levels");
        BookFixture.require(book.logic.openOrderCount() == 1_000, "takers consume exactly the makers");
    }

    @Setup(Level.Invocation)
    public void prepare()
    {
        // Worst level first: each new level is then the best one and no level array shifts.
        for (int level = OPS * levels - 1; level >= 0; level--)
        {
            for (int m = 0; m < MAKERS_PER_LEVEL; m++)
            {
                book.place(Side.SELL, BookFixture.MID + 1 + level, MAKER_QTY);
            }
        }
        for (int i = 0; i < OPS; i++)
        {
            final long limit = BookFixture.MID + (long)(i + 1) * levels;
            BookFixture.limit(takers[i], book.nextAccount(), book.nextOrderId(), Side.BUY, TimeInForce.GTC, limit,
                MAKER_QTY * MAKERS_PER_LEVEL * levels);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int cross()
    {
        int events = 0;
        for (final Command taker : takers)
        {
            events += book.apply(taker);
        }
        return events;
    }
}
