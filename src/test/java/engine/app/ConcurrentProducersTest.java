package engine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import engine.api.AsciiName;
import engine.api.Command;
import engine.api.CommandResult;
import engine.api.CommandType;
import engine.api.Event;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import engine.core.Results;
import engine.core.WaitStrategyType;
import engine.format.CanonicalFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real pipeline under several submitting threads: each client gets exactly the results of
 * its own commands, sequence numbers are unique and gap-free, output handlers see one total
 * order, a full ring is reported busy rather than dropping, and a failing client callback
 * does not stop the engine. Timeouts only guard against hangs; nothing asserts on timing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrentProducersTest
{
    private static final int PRODUCERS = 4;
    private static final int COMMANDS_PER_PRODUCER = 2_000;
    private static final long SYMBOL_HI = AsciiName.hi("BTC-USD");
    private static final long SYMBOL_LO = AsciiName.lo("BTC-USD");

    /** Copies every batch the output ring carries, in the order it sees them. */
    static final class CapturingOutput implements EventHandler<EventBatch>
    {
        final List<CommandResult> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
        {
            seen.add(Results.copy(batch));
        }
    }

    /** Blocks on the first batch until released, so the rings fill up behind it. */
    static final class BlockingOutput implements EventHandler<EventBatch>
    {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();

        @Override
        public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch) throws Exception
        {
            release.await();
            seen.incrementAndGet();
        }
    }

    private record Sent(CommandType type, long account, long orderId, CompletableFuture<CommandResult> result)
    {
    }

    private static EngineConfig.Builder config()
    {
        return EngineConfig.builder().waitStrategy(WaitStrategyType.BLOCKING).ingressRingSize(1024).outputRingSize(1024)
            .expectedOrders(1 << 12).expectedAccounts(16);
    }

    @Test
    void shouldGiveEveryConcurrentClientExactlyItsOwnResultsInOneGapFreeTotalOrder() throws Exception
    {
        final CapturingOutput output = new CapturingOutput();
        final List<Sent> all = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.builder(config().build()).outputHandler(output).start())
        {
            setUpMarket(engine, all);
            final CyclicBarrier start = new CyclicBarrier(PRODUCERS);
            final List<Thread> producers = new ArrayList<>();
            final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            for (int p = 0; p < PRODUCERS; p++)
            {
                final long account = p + 1;
                final Thread thread = new Thread(() ->
                {
                    try
                    {
                        start.await();
                        produce(engine, account, all);
                    }
                    catch (final Throwable t)
                    {
                        failures.add(t);
                    }
                }, "producer-" + account);
                producers.add(thread);
                thread.start();
            }
            for (final Thread thread : producers)
            {
                thread.join();
            }
            assertThat(failures).isEmpty();
            CompletableFuture.allOf(all.stream().map(Sent::result).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            engine.awaitIdle();

            final int total = all.size();
            for (final Sent sent : all)
            {
                assertOwnResult(sent, sent.result().join());
            }
            final long[] seqs = all.stream().mapToLong(s -> s.result().join().seq()).sorted().toArray();
            assertThat(seqs).as("sequence numbers of all results").containsExactly(LongStream.rangeClosed(1, total).toArray());

            final List<CommandResult> seen = List.copyOf(output.seen);
            assertThat(seen).hasSize(total);
            for (int i = 0; i < total; i++)
            {
                assertThat(seen.get(i).seq()).as("output position %d", i).isEqualTo(i + 1);
            }
            for (final Sent sent : all)
            {
                final CommandResult result = sent.result().join();
                assertThat(seen.get((int)result.seq() - 1)).as("output at seq %d", result.seq()).isEqualTo(result);
            }
            assertThat(seen.stream().flatMap(r -> r.events().stream()).filter(e -> e.type() == EventType.TRADE))
                .as("producers traded with each other").isNotEmpty();
        }
    }

    private static void setUpMarket(final Engine engine, final List<Sent> all)
    {
        all.add(new Sent(CommandType.SYMBOL, 0, 0, engine.submit(new Command()
            .symbol(0, SYMBOL_HI, SYMBOL_LO, AsciiName.hi("BTC"), AsciiName.lo("BTC"), AsciiName.hi("USD"),
                AsciiName.lo("USD"), 1, 1))));
        for (long account = 1; account <= PRODUCERS; account++)
        {
            all.add(new Sent(CommandType.DEPOSIT, account, 0, engine.submit(new Command()
                .deposit(0, account, AsciiName.hi("USD"), AsciiName.lo("USD"), 1_000_000_000L))));
            all.add(new Sent(CommandType.DEPOSIT, account, 0, engine.submit(new Command()
                .deposit(0, account, AsciiName.hi("BTC"), AsciiName.lo("BTC"), 1_000_000L))));
        }
        all.forEach(sent -> assertThat(sent.result().join().rejected()).isFalse());
    }

    /** Places limit orders around 100 on both sides, and cancels some of its own earlier ones. */
    private static void produce(final Engine engine, final long account, final List<Sent> all)
    {
        final Random random = new Random(account);
        final Command command = new Command();
        long lastOrderId = -1;
        for (int i = 0; i < COMMANDS_PER_PRODUCER; i++)
        {
            if (i % 4 == 3 && lastOrderId > 0)
            {
                command.cancel(0, account, lastOrderId);
                all.add(new Sent(CommandType.CANCEL, account, lastOrderId, engine.submit(command)));
                continue;
            }
            final long orderId = account * 1_000_000L + i;
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            command.place(0, account, orderId, SYMBOL_HI, SYMBOL_LO, side, OrderType.LIMIT,
                random.nextInt(4) == 0 ? TimeInForce.IOC : TimeInForce.GTC, 0, true, 99 + random.nextInt(3),
                1 + random.nextInt(5));
            all.add(new Sent(CommandType.PLACE, account, orderId, engine.submit(command)));
            lastOrderId = orderId;
        }
    }

    /** Every event of an order command names the order and account that client sent. */
    private static void assertOwnResult(final Sent sent, final CommandResult result)
    {
        assertThat(result.commandType()).as("result %s", result).isEqualTo(sent.type());
        assertThat(result.events()).as("events of seq %d", result.seq()).isNotEmpty();
        for (final Event event : result.events())
        {
            assertThat(event.seq()).isEqualTo(result.seq());
            switch (sent.type())
            {
                case PLACE, CANCEL ->
                {
                    assertThat(event.orderId()).as("order id in %s", event).isEqualTo(sent.orderId());
                    assertThat(event.account()).as("account in %s", event).isEqualTo(sent.account());
                }
                case DEPOSIT -> assertThat(event.account()).as("account in %s", event).isEqualTo(sent.account());
                default ->
                {
                }
            }
        }
        if (sent.type() == CommandType.PLACE)
        {
            assertThat(result.events().get(0).type()).isIn(EventType.ACCEPTED, EventType.REJECTED);
        }
        if (sent.type() == CommandType.CANCEL)
        {
            assertThat(result.events()).hasSize(1);
            assertThat(result.events().get(0).type()).isIn(EventType.CANCELED, EventType.REJECTED);
        }
    }

    @Test
    void shouldReportBusyWhenRingIsFullAndCompleteEveryAcceptedCommandAfterwards()
    {
        final BlockingOutput blocking = new BlockingOutput();
        final ConcurrentLinkedQueue<Long> completed = new ConcurrentLinkedQueue<>();
        final EngineConfig tiny = config().ingressRingSize(4).outputRingSize(4).build();
        try (Engine engine = Engine.builder(tiny).outputHandler(blocking).start())
        {
            final Command deposit = new Command().deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 1);
            int accepted = 0;
            boolean busy = false;
            for (int attempt = 0; attempt < 1_000_000 && !busy; attempt++)
            {
                if (engine.trySubmit(deposit, result -> completed.add(result.seq())))
                {
                    accepted++;
                }
                else
                {
                    busy = true;
                }
            }
            assertThat(busy).as("trySubmit reported busy with the output blocked").isTrue();
            assertThat(accepted).isPositive();

            blocking.release.countDown();
            engine.awaitIdle();
            assertThat(completed).as("every accepted command completed, nothing dropped")
                .containsExactlyInAnyOrder(LongStream.rangeClosed(1, accepted).boxed().toArray(Long[]::new));
            assertThat(blocking.seen.get()).isEqualTo(accepted);
            assertThat(engine.submit(deposit).join().seq()).isEqualTo(accepted + 1);
        }
        finally
        {
            blocking.release.countDown();
        }
    }

    @Test
    void shouldKeepRunningWhenAResultListenerThrows()
    {
        final ByteArrayOutputStream faultText = new ByteArrayOutputStream();
        final FaultLog faults = new FaultLog(new PrintStream(faultText, true, StandardCharsets.UTF_8));
        final CapturingOutput output = new CapturingOutput();
        try (Engine engine = Engine.builder(config().build()).faultLog(faults).outputHandler(output).start())
        {
            final Command deposit = new Command().deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 5);
            engine.submit(deposit, result ->
            {
                throw new IllegalStateException("client bug");
            });
            final CommandResult next = engine.submit(deposit).join();
            engine.awaitIdle();

            assertThat(next.seq()).isEqualTo(2);
            assertThat(next.events()).extracting(CanonicalFormat::line).containsExactly("2,DEPOSITED,1,USD,5");
            assertThat(faults.count()).isEqualTo(1);
            assertThat(faultText.toString(StandardCharsets.UTF_8)).contains("client bug");
            assertThat(output.seen).extracting(CommandResult::seq).containsExactly(1L, 2L);
        }
    }
}
