package engine.readmodel;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The full set of read models, built the same way in the engine's JVM (as output handlers)
 * and in a projection JVM (fed from the event store). Memory is bounded by a {@link Retention};
 * once the models hold what it allows, applying a command allocates nothing.
 */
public final class ReadModels
{
    /**
     * How much history the read models keep; every limit is a count of records, at least 1.
     * Live (open) orders and balances are always kept: they are current state, not history.
     *
     * @param finishedOrders order statuses kept of filled, cancelled and rejected orders (the last to finish)
     * @param commands command outcomes kept (the newest, by sequence)
     * @param commandsPerAccount the most of an account's newest kept commands an account query answers from
     * @param tradesPerSymbol trades kept on each symbol's tape
     * @param candlesPerInterval candles kept per symbol and interval
     * @param finishedWithdrawals withdrawal sagas kept of confirmed, failed and timed-out ones (the last to finish)
     */
    public record Retention(int finishedOrders, int commands, int commandsPerAccount, int tradesPerSymbol,
        int candlesPerInterval, int finishedWithdrawals)
    {
        public static final int DEFAULT_FINISHED_ORDERS = 1_000_000;
        public static final int DEFAULT_COMMANDS = 1_000_000;
        public static final int DEFAULT_COMMANDS_PER_ACCOUNT = 10_000;
        public static final int DEFAULT_TRADES_PER_SYMBOL = 10_000;
        public static final int DEFAULT_CANDLES_PER_INTERVAL = 1_000;
        /** Withdrawals are rare next to orders: 100,000 finished sagas (a few hundred bytes each) is tens of MB at most. */
        public static final int DEFAULT_FINISHED_WITHDRAWALS = 100_000;
        private static final Retention DEFAULTS = new Retention(DEFAULT_FINISHED_ORDERS, DEFAULT_COMMANDS,
            DEFAULT_COMMANDS_PER_ACCOUNT, DEFAULT_TRADES_PER_SYMBOL, DEFAULT_CANDLES_PER_INTERVAL,
            DEFAULT_FINISHED_WITHDRAWALS);

        public Retention
        {
            positive("finishedOrders", finishedOrders);
            positive("commands", commands);
            positive("commandsPerAccount", commandsPerAccount);
            positive("tradesPerSymbol", tradesPerSymbol);
            positive("candlesPerInterval", candlesPerInterval);
            positive("finishedWithdrawals", finishedWithdrawals);
        }

        private static void positive(final String name, final int value)
        {
            if (value < 1)
            {
                throw new IllegalArgumentException("read-model retention " + name + " must be at least 1, not " + value);
            }
        }

        /**
         * 1,000,000 finished orders, 1,000,000 commands (10,000 per account), 10,000 trades, 1,000 candles and
         * 100,000 finished withdrawals.
         */
        public static Retention defaults()
        {
            return DEFAULTS;
        }

        public static Builder builder()
        {
            return new Builder(DEFAULTS);
        }

        public Builder toBuilder()
        {
            return new Builder(this);
        }

        /** Starts from the defaults (or a given retention); set what differs. */
        public static final class Builder
        {
            private int finishedOrders;
            private int commands;
            private int commandsPerAccount;
            private int tradesPerSymbol;
            private int candlesPerInterval;
            private int finishedWithdrawals;

            private Builder(final Retention from)
            {
                finishedOrders = from.finishedOrders;
                commands = from.commands;
                commandsPerAccount = from.commandsPerAccount;
                tradesPerSymbol = from.tradesPerSymbol;
                candlesPerInterval = from.candlesPerInterval;
                finishedWithdrawals = from.finishedWithdrawals;
            }

            public Builder finishedOrders(final int value)
            {
                finishedOrders = value;
                return this;
            }

            public Builder commands(final int value)
            {
                commands = value;
                return this;
            }

            public Builder commandsPerAccount(final int value)
            {
                commandsPerAccount = value;
                return this;
            }

            public Builder tradesPerSymbol(final int value)
            {
                tradesPerSymbol = value;
                return this;
            }

            public Builder candlesPerInterval(final int value)
            {
                candlesPerInterval = value;
                return this;
            }

            public Builder finishedWithdrawals(final int value)
            {
                finishedWithdrawals = value;
                return this;
            }

            /** @throws IllegalArgumentException naming the first limit below 1 */
            public Retention build()
            {
                return new Retention(finishedOrders, commands, commandsPerAccount, tradesPerSymbol,
                    candlesPerInterval, finishedWithdrawals);
            }
        }
    }

    private final DepthView depth = new DepthView();
    private final TradeView trades;
    private final AccountView accounts = new AccountView();
    private final OrderView orders;
    private final CommandView commands;
    private final WithdrawalView withdrawals;
    private final Retention retention;
    private final long timeUnitNanos;
    private final List<ReadModel> all;
    /** The same models as an array: iterating a List would make an iterator per command. */
    private final ReadModel[] each;

    /** Models with the default {@link Retention}. */
    public ReadModels(final long timeUnitNanos)
    {
        this(timeUnitNanos, Retention.defaults());
    }

    /**
     * @param timeUnitNanos the unit of command timestamps, for candle widths (1 ms live)
     * @param retention how much history to keep
     */
    public ReadModels(final long timeUnitNanos, final Retention retention)
    {
        this.retention = retention;
        this.timeUnitNanos = timeUnitNanos;
        trades = new TradeView(timeUnitNanos, retention.tradesPerSymbol(), retention.candlesPerInterval());
        orders = new OrderView(retention.finishedOrders());
        commands = new CommandView(retention.commands(), retention.commandsPerAccount());
        withdrawals = new WithdrawalView(retention.finishedWithdrawals());
        all = List.of(depth, trades, accounts, orders, commands, withdrawals);
        each = all.toArray(new ReadModel[0]);
    }

    /** One output handler per model; register each with {@code Engine.Builder.outputHandler}. */
    public List<EventHandler<EventBatch>> handlers()
    {
        return List.copyOf(all);
    }

    /**
     * One output handler that applies every model in turn on a single thread: for machines with
     * few cores, where six consumers cost more than they parallelise. Each model still owns its
     * data and its applied sequence. Register either this or {@link #handlers()}, not both.
     */
    public EventHandler<EventBatch> singleHandler()
    {
        return (batch, sequence, endOfBatch) -> accept(batch);
    }

    /** Applies one command's events to every model on the caller's thread (event store, tests). */
    public void accept(final EventBatch batch)
    {
        for (final ReadModel model : each)
        {
            model.accept(batch);
        }
    }

    /** The six models, for snapshots. */
    List<ReadModel> all()
    {
        return all;
    }

    /** How much history these models keep. */
    public Retention retention()
    {
        return retention;
    }

    /** The unit of command timestamps in nanoseconds (1,000,000 live: milliseconds). */
    public long timeUnitNanos()
    {
        return timeUnitNanos;
    }

    /** The lowest sequence every model has applied. */
    public long appliedSeq()
    {
        long min = Long.MAX_VALUE;
        for (final ReadModel model : each)
        {
            min = Math.min(min, model.appliedSeq());
        }
        return min;
    }

    /** Waits until every model has applied {@code seq}. */
    public void awaitApplied(final long seq, final long timeoutMillis) throws TimeoutException
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        for (final ReadModel model : each)
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

    public WithdrawalView withdrawals()
    {
        return withdrawals;
    }
}
