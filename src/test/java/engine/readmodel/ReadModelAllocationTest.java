package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import engine.testing.GeneratedCommands;
import engine.workload.WorkloadProfile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Applying events to every read model, and appending them to the event store, allocates nothing
 * once the models hold all the history their retention allows. The business logic (itself
 * allocation-free, see {@code HotPathAllocationTest}) feeds them on the measuring thread; after
 * a warm-up that fills the retention, the next {@value #MEASURED} commands may only grow a pool
 * or an array when the open orders or a book reach a size they never had; anything allocated per
 * command or per event (a status record, a boxed key, a name) would add up to far more than one
 * byte per command, which is the bound.
 */
class ReadModelAllocationTest
{
    private static final int WARM_UP = 120_000;
    private static final int MEASURED = 100_000;
    /** Small enough that the warm-up fills every ring: the steady state a long run reaches. */
    private static final ReadModels.Retention RETENTION = ReadModels.Retention.builder().finishedOrders(10_000)
        .commands(10_000).commandsPerAccount(100).tradesPerSymbol(50).candlesPerInterval(10).build();

    @ParameterizedTest
    @EnumSource(value = WorkloadProfile.class, names = {"PEER_MIX", "REALISTIC", "MULTI"})
    void shouldNotAllocateWhenApplyingEventsAfterWarmUp(final WorkloadProfile profile, @TempDir final Path dir)
        throws Exception
    {
        final Command[] commands = GeneratedCommands.of(profile, WARM_UP + MEASURED);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        final ReadModels models = new ReadModels(1_000_000L, RETENTION);
        // Listeners attached as by a stream hub with viewers, but none of these symbols watched.
        models.trades().onTrade(symbol -> false, trade -> { });
        models.depth().onChange((symbol, seq) -> { });
        try (EventStoreWriter store = new EventStoreWriter(dir.resolve("events")))
        {
            apply(logic, events, models, store, commands, 0, WARM_UP);
            assertThat(models.orders().keptCount()).as("finished orders fill their retention in the warm-up")
                .isGreaterThanOrEqualTo(RETENTION.finishedOrders());
            assertThat(models.commands().keptCount()).isEqualTo(RETENTION.commands());

            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long thread = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(thread);
            apply(logic, events, models, store, commands, WARM_UP, commands.length);
            final long allocated = threads.getThreadAllocatedBytes(thread) - before;

            assertThat(allocated).as("bytes allocated applying %d %s commands after warm-up", commands.length - WARM_UP,
                profile).isLessThan(commands.length - WARM_UP);
        }
    }

    private static void apply(final BusinessLogic logic, final EventBatch events, final ReadModels models,
        final EventStoreWriter store, final Command[] commands, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            events.begin(commands[i], null);
            logic.apply(commands[i], events);
            models.accept(events);
            store.onEvent(events, i, true);
        }
    }
}
