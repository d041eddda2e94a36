package engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import engine.testing.GeneratedCommands;
import engine.workload.WorkloadProfile;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Writing commands as command-file lines and their events as canonical lines allocates nothing once
 * the buffers have grown: the writers run on the output ring and in {@code gen}, once per command.
 * Anything allocated per command (a string, a boxed number: 16 bytes or more) would exceed the bound
 * of one byte per command.
 */
class FormatAllocationTest
{
    private static final int WARM_UP = 150_000;
    private static final int MEASURED = 100_000;

    @Test
    void shouldWriteCommandsAndEventsWithoutAllocatingAfterWarmUp() throws Exception
    {
        final Command[] commands = GeneratedCommands.of(WorkloadProfile.HEAVY_MATCH, WARM_UP + MEASURED);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        final CommandFileWriter lines = new CommandFileWriter();
        lines.target(Writer.nullWriter());
        final AsciiBuffer canonical = new AsciiBuffer(1 << 10);
        final long[] written = new long[1];
        write(logic, events, lines, canonical, commands, 0, WARM_UP, written);

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        write(logic, events, lines, canonical, commands, WARM_UP, commands.length, written);
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(written[0]).as("canonical bytes written").isGreaterThan(commands.length);
        assertThat(allocated).as("bytes allocated writing %d commands and their events", MEASURED).isLessThan(MEASURED);
    }

    private static void write(final BusinessLogic logic, final EventBatch events, final CommandFileWriter lines,
        final AsciiBuffer canonical, final Command[] commands, final int from, final int to, final long[] written)
        throws IOException
    {
        for (int i = from; i < to; i++)
        {
            lines.command(commands[i]).end();
            events.begin(commands[i], null);
            logic.apply(commands[i], events);
            CanonicalFormat.appendLines(events, canonical);
            written[0] += canonical.length();
            canonical.clear();
        }
        lines.flush();
    }
}
