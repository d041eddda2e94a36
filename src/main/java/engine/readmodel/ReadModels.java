package engine.readmodel;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The full set of read models, built the same way in the engine's JVM (as output handlers)
 * and in a projection JVM (fed from the event store).
 */
public final class ReadModels
{
    private final DepthView depth = new DepthView();
    private final TradeView trades;
    private final AccountView accounts = new AccountView();
    private final OrderView orders = new OrderView();
    private final CommandView commands = new CommandView(1 << 20, 10_000);
    private final List<ReadModel> all;

    /** @param timeUnitNanos the unit of command timestamps, for candle widths (1 ms live) */
    public ReadModels(final long timeUnitNanos)
    {
        trades = new TradeView(timeUnitNanos, 1_000, 1_000);
        all = List.of(depth, trades, accounts, orders, commands);
    }

    /** One output handler per model; register each with {@code Engine.Builder.outputHandler}. */
    public List<EventHandler<EventBatch>> handlers()
    {
        return List.copyOf(all);
    }

    /**
     * One output handler that applies every model in turn on a single thread: for machines with
     * few cores, where five consumers cost more than they parallelise. Each model still owns its
     * data and its applied sequence. Register either this or {@link #handlers()}, not both.
     */
    public EventHandler<EventBatch> singleHandler()
    {
        return (batch, sequence, endOfBatch) -> accept(batch);
    }

    /** Applies one command's events to every model on the caller's thread (event store, tests). */
    public void accept(final EventBatch batch)
    {
        for (final ReadModel model : all)
        {
            model.accept(batch);
        }
    }

    /** The five models, for snapshots. */
    List<ReadModel> all()
    {
        return all;
    }

    /** The lowest sequence every model has applied. */
    public long appliedSeq()
    {
        long min = Long.MAX_VALUE;
        for (final ReadModel model : all)
        {
            min = Math.min(min, model.appliedSeq());
        }
        return min;
    }

    /** Waits until every model has applied {@code seq}. */
    public void awaitApplied(final long seq, final long timeoutMillis) throws TimeoutException
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        for (final ReadModel model : all)
        {
            model.awaitApplied(seq, Math.max(0, deadline - System.currentTimeMillis()));
        }
    }

    public DepthView depth()
    {
        return depth;
    }

    public TradeView trades()
    {
        return trades;
    }

    public AccountView accounts()
    {
        return accounts;
    }

    public OrderView orders()
    {
        return orders;
    }

    public CommandView commands()
    {
        return commands;
    }
}
