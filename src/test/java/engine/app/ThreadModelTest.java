package engine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.api.CommandResult;
import engine.core.CommandSlot;
import engine.core.EventBatch;
import engine.core.WaitStrategyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's thread model: two threads named by role whatever is attached (journal stages,
 * inline handlers), parked when there is no work, woken by the next command, and results held
 * until the journal stage has passed their command. Timeouts only guard against hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadModelTest
{
    /** A journal stage that can be held shut, counting what it passed. */
    static final class GateStage implements EventHandler<CommandSlot>
    {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicLong passedSeq = new AtomicLong();

        @Override
        public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch) throws Exception
        {
            open.await();
            passedSeq.set(slot.seq());
        }
    }

    /** Counts the commands it sees. */
    static final class Counter implements EventHandler<EventBatch>
    {
        final AtomicLong lastSeq = new AtomicLong();

        @Override
        public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
        {
            lastSeq.set(batch.seq());
        }
    }

    private static EngineConfig config(final WaitStrategyType wait)
    {
        return EngineConfig.builder().waitStrategy(wait).ingressRingSize(1024).outputRingSize(256)
            .expectedOrders(64).expectedAccounts(16).build();
    }

    /** Engine threads that were not there before: other tests' engines may still be winding down. */
    private static List<Thread> engineThreadsStartedSince(final Set<Thread> before)
    {
        final List<Thread> started = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().startsWith("engine-") && !before.contains(thread))
            {
                started.add(thread);
            }
        }
        return started;
    }

    private static void awaitParked(final List<Thread> threads, final String name) throws InterruptedException
    {
        for (final Thread thread : threads)
        {
            if (thread.getName().equals(name))
            {
                while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING)
                {
                    Thread.sleep(10);
                }
                return;
            }
        }
        throw new AssertionError("no thread " + name);
    }

    @Test
    void shouldRunTwoEngineThreadsNamedByRoleWithJournalAndInlineHandlersAttached()
    {
        final GateStage journal = new GateStage();
        journal.open.countDown();
        final Set<Thread> before = Thread.getAllStackTraces().keySet();
        final Engine engine = Engine.builder(config(WaitStrategyType.BACKOFF)).journalStage(journal)
            .onResultThread(new Counter()).onResultThread(new Counter()).start();
        final List<Thread> started = engineThreadsStartedSince(before);
        try
        {
            assertThat(started).extracting(Thread::getName)
                .containsExactlyInAnyOrder(Engine.BLP_THREAD, Engine.IO_THREAD);
        }
        finally
        {
            engine.close();
        }
        assertThat(started).as("threads alive after close").noneMatch(Thread::isAlive);
    }

    @Test
    void shouldParkBothEngineThreadsWhenIdleAndWakeForTheNextCommand() throws Exception
    {
        final Counter counter = new Counter();
        final Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Engine engine = Engine.builder(config(WaitStrategyType.BACKOFF)).onResultThread(counter).start())
        {
            final List<Thread> threads = engineThreadsStartedSince(before);
            assertThat(engine.submit(new Command().tick(1)).get(30, TimeUnit.SECONDS).seq()).isEqualTo(1);
            awaitParked(threads, Engine.BLP_THREAD);
            awaitParked(threads, Engine.IO_THREAD);

            final CommandResult woken = engine.submit(new Command().tick(2)).get(30, TimeUnit.SECONDS);

            assertThat(woken.seq()).isEqualTo(2);
            engine.awaitIdle();
            assertThat(counter.lastSeq.get()).isEqualTo(2);
        }
    }

    @Test
    void shouldHoldResultsAndInlineHandlersUntilTheJournalStageHasTheCommand() throws Exception
    {
        final GateStage journal = new GateStage();
        final Counter inline = new Counter();
        final Counter ownThread = new Counter();
        try (Engine engine = Engine.builder(config(WaitStrategyType.BACKOFF)).journalStage(journal)
            .onResultThread(inline).outputHandler(ownThread).start())
        {
            final CompletableFuture<CommandResult> result = engine.submit(new Command().tick(1));

            // An own-thread output handler sees the business logic's output before the journal:
            // the business logic does not wait for the write.
            while (ownThread.lastSeq.get() < 1)
            {
                Thread.sleep(5);
            }
            assertThat(result).isNotDone();
            assertThat(inline.lastSeq.get()).isZero();

            journal.open.countDown();

            assertThat(result.get(30, TimeUnit.SECONDS).seq()).isEqualTo(1);
            engine.awaitIdle();
            assertThat(inline.lastSeq.get()).isEqualTo(1);
            assertThat(journal.passedSeq.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(WaitStrategyType.class)
    void shouldDeliverEveryResultInOrderWithEveryWaitStrategy(final WaitStrategyType wait) throws Exception
    {
        final GateStage journal = new GateStage();
        journal.open.countDown();
        try (Engine engine = Engine.builder(config(wait)).journalStage(journal).start())
        {
            final List<CompletableFuture<CommandResult>> results = new ArrayList<>();
            for (int i = 1; i <= 3_000; i++)
            {
                results.add(engine.submit(new Command().tick(i)));
            }
            for (int i = 0; i < results.size(); i++)
            {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS).seq()).isEqualTo(i + 1);
            }
            assertThat(journal.passedSeq.get()).isEqualTo(3_000);
        }
    }
}
