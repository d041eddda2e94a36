package engine.bench;

import engine.api.Command;
import engine.api.EventType;
import engine.api.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Amends of one resting ask in the middle of the warm book. {@code keepPriority} lowers its quantity
 * by one lot (it keeps its place in the queue); {@code movePrice} moves it between two existing ask
 * levels (it goes to the back of the other queue). Both leave the book as large as it was, so no
 * per-invocation set-up is needed.
 */
@State(Scope.Thread)
public class AmendBenchmark extends BenchmarkDefaults
{
    private static final long PRICE_A = BookFixture.ASK_BASE + 40;
    private static final long PRICE_B = BookFixture.ASK_BASE + 45;
    private BookFixture book;
    private final Command amend = new Command();
    private long reduceId;
    private long reduceAccount;
    private long reduceQty = 1_000_000_000_000L;
    private long moveId;
    private long moveAccount;
    private boolean atA = true;

    @Setup
    public void build()
    {
        book = new BookFixture();
        reduceId = book.place(Side.SELL, BookFixture.ASK_BASE + 50, reduceQty);
        reduceAccount = book.lastAccount();
        book.place(Side.SELL, BookFixture.ASK_BASE + 50, 10);
        moveId = book.place(Side.SELL, PRICE_A, 10);
        moveAccount = book.lastAccount();
        keepPriority();
        BookFixture.require(book.count(EventType.AMENDED) == 1 && book.count(EventType.TRADE) == 0, "amend qty");
        movePrice();
        BookFixture.require(book.count(EventType.AMENDED) == 1 && book.count(EventType.TRADE) == 0, "amend price");
        BookFixture.require(book.logic.openOrderCount() == 1_003, "amends keep the orders");
    }

    @Benchmark
    public int keepPriority()
    {
        return book.apply(amend.amend(1, reduceAccount, reduceId, false, 0, true, --reduceQty));
    }

    @Benchmark
    public int movePrice()
    {
        atA = !atA;
        return book.apply(amend.amend(1, moveAccount, moveId, true, atA ? PRICE_A : PRICE_B, false, 0));
    }
}
