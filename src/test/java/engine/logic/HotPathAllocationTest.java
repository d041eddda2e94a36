package engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.testing.GeneratedCommands;
import engine.workload.WorkloadProfile;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The business logic allocates nothing per command once warmed up. After a warm-up pass, the
 * next {@value #MEASURED} commands of the same workload may only grow a pool or an array when
 * a book reaches a depth it never had before; anything allocated per command (an event, a
 * boxed key, an iterator: 16 bytes or more each) would add up to far more than one byte per
 * command, which is the bound.
 */
class HotPathAllocationTest
{
    private static final int WARM_UP = 150_000;
    private static final int MEASURED = 100_000;

    @ParameterizedTest
    @EnumSource(value = WorkloadProfile.class, names = {"PEER_MIX", "HEAVY_MATCH", "MULTI"})
    void shouldNotAllocateOnTheHotPathAfterWarmUp(final WorkloadProfile profile) throws Exception
    {
        final Command[] commands = GeneratedCommands.of(profile, WARM_UP + MEASURED);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        apply(logic, events, commands, 0, WARM_UP);

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        apply(logic, events, commands, WARM_UP, commands.length);
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated by %d %s commands after warm-up", commands.length - WARM_UP,
            profile).isLessThan(commands.length - WARM_UP);
    }

    private static void apply(final BusinessLogic logic, final EventBatch events, final Command[] commands,
        final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            events.begin(commands[i], null);
            logic.apply(commands[i], events);
        }
    }
}
