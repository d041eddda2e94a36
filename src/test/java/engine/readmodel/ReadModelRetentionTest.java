package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.book.Order;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import engine.book.Instrument;
import engine.logic.StateVisitor;
import engine.testing.GeneratedCommands;
import engine.workload.WorkloadProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read models with small retention limits keep exactly the newest history and every live order:
 * compared with models that keep everything, fed the same generated stream, each answer of the
 * small models is either the same or (for history beyond the limit) absent, and what they hold
 * stays flat however long the stream runs.
 */
class ReadModelRetentionTest
{
    private static final long TIME_UNIT = 1_000_000L;
    private static final int COMMANDS = 60_000;
    private static final ReadModels.Retention SMALL = ReadModels.Retention.builder().finishedOrders(500)
        .commands(300).commandsPerAccount(1_000).tradesPerSymbol(20).candlesPerInterval(3).build();
    private static Command[] commands;

    @BeforeAll
    static void generate() throws Exception
    {
        commands = GeneratedCommands.of(WorkloadProfile.PEER_MIX, COMMANDS);
    }

    @Test
    void shouldKeepEveryLiveOrderAndOnlyTheLastFinishedOnes()
    {
        final ReadModels all = new ReadModels(TIME_UNIT);
        final ReadModels small = new ReadModels(TIME_UNIT, SMALL);
        final TreeSet<Long> orderIds = new TreeSet<>();
        final BusinessLogic logic = run(b ->
        {
            collectOrderIds(b, orderIds);
            all.accept(b);
            small.accept(b);
        });
        final TreeSet<Long> live = liveOrders(logic);
        long newestEvicted = Long.MIN_VALUE;
        long oldestKept = Long.MAX_VALUE;
        int finishedKept = 0;
        for (final long orderId : orderIds)
        {
            final OrderView.Status expected = all.orders().status(orderId).value();
            final OrderView.Status kept = small.orders().status(orderId).value();
            if (live.contains(orderId))
            {
                assertThat(kept).as("live order %d", orderId).isNotNull().isEqualTo(expected);
                assertThat(kept.state()).isIn(OrderView.State.NEW, OrderView.State.PARTIALLY_FILLED);
            }
            else if (kept == null)
            {
                newestEvicted = Math.max(newestEvicted, expected.lastSeq());
            }
            else
            {
                assertThat(kept).isEqualTo(expected);
                oldestKept = Math.min(oldestKept, kept.lastSeq());
                finishedKept++;
            }
        }
        assertThat(finishedKept).isLessThanOrEqualTo(SMALL.finishedOrders()).isGreaterThan(SMALL.finishedOrders() / 2);
        assertThat(small.orders().evictedCount()).isGreaterThan(0);
        assertThat(all.orders().evictedCount()).isZero();
        // Evicted in finishing order: nothing kept finished before anything evicted.
        assertThat(oldestKept).isGreaterThanOrEqualTo(newestEvicted);
    }

    @Test
    void shouldKeepTheLastCommandsAndAnswerAccountQueriesFromThem()
    {
        final ReadModels all = new ReadModels(TIME_UNIT);
        final ReadModels small = new ReadModels(TIME_UNIT, SMALL);
        final ReadModels fewPerAccount = new ReadModels(TIME_UNIT, SMALL.toBuilder().commandsPerAccount(2).build());
        final TreeSet<Long> accounts = new TreeSet<>();
        run(b ->
        {
            collectAccounts(b, accounts);
            all.accept(b);
            small.accept(b);
            fewPerAccount.accept(b);
        });
        final long last = all.commands().appliedSeq();
        assertThat(last).isEqualTo(COMMANDS);
        assertThat(small.commands().oldestKeptSeq()).isEqualTo(last - SMALL.commands() + 1);
        for (long seq = 1; seq <= last; seq++)
        {
            final CommandView.CommandStatus kept = small.commands().command(seq).value();
            if (seq > last - SMALL.commands())
            {
                assertThat(kept).as("command %d", seq).isEqualTo(all.commands().command(seq).value());
            }
            else
            {
                assertThat(kept).as("command %d", seq).isNull();
            }
        }
        for (final long account : accounts)
        {
            final List<CommandView.CommandStatus> expected = new ArrayList<>();
            for (final CommandView.CommandStatus s : all.commands().commands(account, Long.MIN_VALUE, Long.MAX_VALUE,
                Integer.MAX_VALUE).value())
            {
                if (s.seq() > last - SMALL.commands())
                {
                    expected.add(s);
                }
            }
            assertThat(small.commands().commands(account, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE).value())
                .as("account %d", account).isEqualTo(expected);
            assertThat(fewPerAccount.commands().commands(account, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE)
                .value()).isEqualTo(expected.subList(Math.max(0, expected.size() - 2), expected.size()));
        }
    }

    @Test
    void shouldKeepTheLastTradesAndCandlesOfEachSymbol()
    {
        final ReadModels all = new ReadModels(TIME_UNIT);
        final ReadModels small = new ReadModels(TIME_UNIT, SMALL);
        final TreeSet<String> symbols = new TreeSet<>();
        run(b ->
        {
            for (int i = 0; i < b.count(); i++)
            {
                if (b.type(i) == EventType.SYMBOL_ADDED)
                {
                    symbols.add(new Name(b.nameHi(i), b.nameLo(i)).toString());
                }
            }
            all.accept(b);
            small.accept(b);
        });
        assertThat(symbols).isNotEmpty();
        for (final String symbol : symbols)
        {
            assertThat(all.trades().keptTrades(symbol)).isGreaterThan(SMALL.tradesPerSymbol());
            assertThat(small.trades().trades(symbol, Integer.MAX_VALUE).value())
                .isEqualTo(all.trades().trades(symbol, SMALL.tradesPerSymbol()).value());
            for (final TradeView.Interval interval : TradeView.Interval.values())
            {
                assertThat(small.trades().candles(symbol, interval, Integer.MAX_VALUE).value())
                    .isEqualTo(all.trades().candles(symbol, interval, SMALL.candlesPerInterval()).value());
            }
        }
    }

    @Test
    void shouldHoldAFlatAmountOfHistoryOverALongStream()
    {
        final ReadModels small = new ReadModels(TIME_UNIT, SMALL);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        final List<String> symbols = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < commands.length; i++)
        {
            events.begin(commands[i], null);
            logic.apply(commands[i], events);
            small.accept(events);
            if (i > 0 && i % 5_000 == 0)
            {
                checked++;
                final int live = liveOrders(logic).size();
                assertThat(small.orders().keptCount()).as("after %d commands", i)
                    .isLessThanOrEqualTo(live + SMALL.finishedOrders());
                assertThat(small.commands().keptCount()).isEqualTo(SMALL.commands());
                symbols.clear();
                logic.visit(new StateVisitor()
                {
                    @Override
                    public void instrument(final Instrument instrument)
                    {
                        symbols.add(new Name(instrument.symbolHi(), instrument.symbolLo()).toString());
                    }
                });
                for (final String symbol : symbols)
                {
                    assertThat(small.trades().keptTrades(symbol)).isLessThanOrEqualTo(SMALL.tradesPerSymbol());
                    for (final TradeView.Interval interval : TradeView.Interval.values())
                    {
                        assertThat(small.trades().keptCandles(symbol, interval))
                            .isLessThanOrEqualTo(SMALL.candlesPerInterval());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void shouldTrimASnapshotRestoredIntoSmallerRetentionToTheNewestHistory(@TempDir final Path dir) throws Exception
    {
        final ReadModels all = new ReadModels(TIME_UNIT);
        final ReadModels small = new ReadModels(TIME_UNIT, SMALL);
        final TreeSet<Long> orderIds = new TreeSet<>();
        final TreeSet<Long> accounts = new TreeSet<>();
        run(b ->
        {
            collectOrderIds(b, orderIds);
            collectAccounts(b, accounts);
            all.accept(b);
            small.accept(b);
        });
        final ReadModelSnapshots store = new ReadModelSnapshots(dir, message -> { }, 1);
        store.write(ReadModelSnapshots.capture(all));
        final ReadModels restored = store.restoreNewest(TIME_UNIT, SMALL).orElseThrow().models();
        assertThat(restored.orders().keptCount()).isEqualTo(small.orders().keptCount());
        for (final long orderId : orderIds)
        {
            assertThat(restored.orders().status(orderId)).isEqualTo(small.orders().status(orderId));
        }
        for (final long account : accounts)
        {
            assertThat(restored.commands().commands(account, 0, Long.MAX_VALUE, 10_000))
                .isEqualTo(small.commands().commands(account, 0, Long.MAX_VALUE, 10_000));
        }
        assertThat(restored.commands().keptCount()).isEqualTo(SMALL.commands());
    }

    @Test
    void shouldRefuseARetentionBelowOneNamingTheLimit()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadModels.Retention.builder().tradesPerSymbol(0).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tradesPerSymbol");
    }

    /** Runs every command through a fresh business logic, handing each command's events on. */
    private static BusinessLogic run(final Consumer<EventBatch> onBatch)
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        for (final Command command : commands)
        {
            events.begin(command, null);
            logic.apply(command, events);
            onBatch.accept(events);
        }
        return logic;
    }

    private static TreeSet<Long> liveOrders(final BusinessLogic logic)
    {
        final TreeSet<Long> live = new TreeSet<>();
        logic.visit(new StateVisitor()
        {
            @Override
            public void restingOrder(final Instrument instrument, final Order order)
            {
                live.add(order.orderId());
            }
        });
        return live;
    }

    private static void collectOrderIds(final EventBatch b, final TreeSet<Long> orderIds)
    {
        for (int i = 0; i < b.count(); i++)
        {
            if (b.type(i) == EventType.ACCEPTED || b.type(i) == EventType.REJECTED && b.hasOrderId(i))
            {
                orderIds.add(b.orderId(i));
            }
        }
    }

    private static void collectAccounts(final EventBatch b, final TreeSet<Long> accounts)
    {
        for (int i = 0; i < b.count(); i++)
        {
            if (b.type(i) != EventType.SYMBOL_ADDED)
            {
                accounts.add(b.account(i));
            }
        }
    }
}
