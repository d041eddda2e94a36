package engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.testing.GeneratedCommands;
import engine.workload.WorkloadProfile;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
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
    private static final int BUSTS = 2_000;

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

    @Test
    void shouldNotAllocateWhenBustingTrades() throws Exception
    {
        final Command[] commands = GeneratedCommands.of(WorkloadProfile.HEAVY_MATCH, WARM_UP);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        // The busts name the last trades of the workload, each twice (the second is a DUPLICATE_BUST), and ids
        // that name no trade; some go through, some are refused for funds the accounts have spent since.
        final Command[] busts = new Command[3 * BUSTS];
        int n = 0;
        for (int i = 0; i < commands.length; i++)
        {
            events.begin(commands[i], null);
            logic.apply(commands[i], events);
            for (int e = 0, index = 0; e < events.count() && i >= commands.length - 2 * BUSTS && n < busts.length; e++)
            {
                if (events.type(e) == EventType.TRADE)
                {
                    busts[n++] = new Command().tradeBust(commands[i].timestamp(), commands[i].seq(), index++);
                }
            }
        }
        final long time = commands[commands.length - 1].timestamp();
        for (long seq = commands[commands.length - 1].seq() + 1; n < busts.length; seq++)
        {
            busts[n++] = new Command().tradeBust(time, seq, 0);
        }
        for (int i = 0; i < busts.length; i++)
        {
            busts[i].seq(commands.length + 1 + i).timestamp(time);
        }

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        int busted = 0;
        for (final Command bust : busts)
        {
            events.begin(bust, null);
            logic.apply(bust, events);
            busted += events.count() > 0 && events.type(0) == EventType.TRADE_BUSTED ? 1 : 0;
        }
        for (final Command bust : busts)
        {
            events.begin(bust, null);
            logic.apply(bust, events);
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(busted).as("busts that went through").isGreaterThan(0);
        assertThat(allocated).as("bytes allocated by %d busts", 2 * busts.length).isLessThan(2L * busts.length);
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
