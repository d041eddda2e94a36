package engine.bench;

import engine.api.Command;
import engine.api.EventType;
import engine.api.Side;
import engine.api.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A GTC limit buy that does not cross and joins the back of an existing bid level. */
@State(Scope.Thread)
public class PlaceRestingBenchmark extends BenchmarkDefaults
{
    private BookFixture book;
    private final Command[] places = new Command[OPS];
    private final Command cancel = new Command();
    private final long[] ids = new long[OPS];
    private final long[] accounts = new long[OPS];

    @Setup(Level.Trial)
    public void build()
    {
        book = new BookFixture();
        for (int i = 0; i < OPS; i++)
        {
            places[i] = new Command();
        }
        prepare();
        placeResting();
        BookFixture.require(book.count(EventType.ACCEPTED) == 1 && book.count(EventType.TRADE) == 0, "place rests");
        BookFixture.require(book.logic.openOrderCount() == 1_000 + OPS, "every place rests");
        undo();
        BookFixture.require(book.logic.openOrderCount() == 1_000, "cancels restore the book");
    }

    @Setup(Level.Invocation)
    public void prepare()
    {
        for (int i = 0; i < OPS; i++)
        {
            ids[i] = book.nextOrderId();
            accounts[i] = book.nextAccount();
            BookFixture.limit(places[i], accounts[i], ids[i], Side.BUY, TimeInForce.GTC,
                BookFixture.MID - 1 - i % BookFixture.LEVELS, 10);
        }
    }

    @TearDown(Level.Invocation)
    public void undo()
    {
        for (int i = 0; i < OPS; i++)
        {
            book.apply(cancel.cancel(1, accounts[i], ids[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int placeResting()
    {
        int events = 0;
        for (final Command place : places)
        {
            events += book.apply(place);
        }
        return events;
    }
}
