package engine.bench;

import engine.api.Command;
import engine.api.EventType;
import engine.api.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cancels of resting bids spread over the 100 bid levels (each level keeps other orders). */
@State(Scope.Thread)
public class CancelBenchmark extends BenchmarkDefaults
{
    private BookFixture book;
    private final Command[] cancels = new Command[OPS];

    @Setup(Level.Trial)
    public void build()
    {
        book = new BookFixture();
        for (int i = 0; i < OPS; i++)
        {
            cancels[i] = new Command();
        }
        prepare();
        BookFixture.require(book.logic.openOrderCount() == 1_000 + OPS, "orders to cancel rest");
        cancel();
        BookFixture.require(book.count(EventType.CANCELED) == 1, "cancel succeeds");
        BookFixture.require(book.logic.openOrderCount() == 1_000, "cancels restore the book");
    }

    @Setup(Level.Invocation)
    public void prepare()
    {
        for (int i = 0; i < OPS; i++)
        {
            final long id = book.place(Side.BUY, BookFixture.MID - 1 - i % BookFixture.LEVELS, 10);
            cancels[i].cancel(1, book.lastAccount(), id);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int cancel()
    {
        int events = 0;
        for (final Command cancel : cancels)
        {
            events += book.apply(cancel);
        }
        return events;
    }
}
