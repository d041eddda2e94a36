package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import engine.testing.GeneratedCommands;
import engine.workload.WorkloadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paging the command model by time, account and outcome gives exactly what filtering every
 * command one by one gives, in seq order, whatever the page size and scan limit.
 */
class CommandViewPageTest
{
    private static final int COMMANDS = 6_000;
    private static Command[] commands;

    @BeforeAll
    static void generate() throws Exception
    {
        commands = GeneratedCommands.of(WorkloadProfile.REALISTIC, COMMANDS);
    }

    private static CommandView fed(final int capacity)
    {
        final CommandView view = new CommandView(capacity, capacity);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        for (final Command command : commands)
        {
            events.begin(command, null);
            logic.apply(command, events);
            view.accept(events);
        }
        return view;
    }

    /** Every page of {@code query}, followed to the end; each page checked against the limits. */
    private static List<CommandView.CommandStatus> pages(final CommandView view, final CommandView.Query query,
        final int limit, final int scanLimit)
    {
        final List<CommandView.CommandStatus> out = new ArrayList<>();
        long afterSeq = query.afterSeq();
        while (true)
        {
            final CommandView.Page page = view.page(new CommandView.Query(query.account(), query.from(), query.to(),
                query.accepted(), afterSeq), limit, scanLimit).value();
            assertThat(page.commands().size()).isLessThanOrEqualTo(limit);
            out.addAll(page.commands());
            if (page.nextAfterSeq() < 0)
            {
                return out;
            }
            assertThat(page.nextAfterSeq()).as("a cursor moves on").isGreaterThan(afterSeq);
            afterSeq = page.nextAfterSeq();
        }
    }

    private static List<CommandView.CommandStatus> oneByOne(final CommandView view, final Predicate<CommandView.CommandStatus> p)
    {
        final List<CommandView.CommandStatus> out = new ArrayList<>();
        for (long seq = 1; seq <= COMMANDS; seq++)
        {
            final CommandView.CommandStatus status = view.command(seq).value();
            if (status != null && p.test(status))
            {
                out.add(status);
            }
        }
        return out;
    }

    @Test
    void shouldPageExactlyWhatFilteringOneByOneGives()
    {
        final CommandView view = fed(COMMANDS);
        final long from = view.command(1_000).value().timestamp();
        final long to = view.command(5_000).value().timestamp();
        final long account = view.command(2_000).value().account();

        assertThat(pages(view, new CommandView.Query(null, Long.MIN_VALUE, Long.MAX_VALUE, null, 0), 1000, 1 << 16))
            .hasSize(COMMANDS);
        assertThat(pages(view, new CommandView.Query(null, from, to, null, 0), 37, 50))
            .isEqualTo(oneByOne(view, s -> s.timestamp() >= from && s.timestamp() <= to));
        assertThat(pages(view, new CommandView.Query(account, from, to, null, 0), 5, 64))
            .isEqualTo(oneByOne(view, s -> s.account() != null && s.account() == account && s.timestamp() >= from &&
                s.timestamp() <= to)).isNotEmpty();
        final List<CommandView.CommandStatus> rejected = oneByOne(view, s -> !s.accepted());
        assertThat(rejected).isNotEmpty();
        assertThat(pages(view, new CommandView.Query(null, Long.MIN_VALUE, Long.MAX_VALUE, false, 0), 10, 100))
            .isEqualTo(rejected);
        assertThat(pages(view, new CommandView.Query(null, Long.MIN_VALUE, Long.MAX_VALUE, true, 0), 1000, 1 << 16))
            .hasSize(COMMANDS - rejected.size());
    }

    @Test
    void shouldStopAtTheScanLimitWithACursorToGoOn()
    {
        final CommandView view = fed(COMMANDS);
        // No command matches: each page looks at 100, finds none, and says where to go on.
        final CommandView.Page page = view.page(new CommandView.Query(-42L, Long.MIN_VALUE, Long.MAX_VALUE, null, 0), 10, 100)
            .value();
        assertThat(page.commands()).isEmpty();
        assertThat(page.nextAfterSeq()).isEqualTo(100);
        assertThat(pages(view, new CommandView.Query(-42L, Long.MIN_VALUE, Long.MAX_VALUE, null, 0), 10, 100)).isEmpty();
    }

    @Test
    void shouldSayWhatRetentionDropped()
    {
        final CommandView view = fed(1_000);
        final CommandView.Page all = view.page(new CommandView.Query(null, Long.MIN_VALUE, Long.MAX_VALUE, null, 0), 1000,
            1 << 16).value();
        assertThat(all.truncated()).isTrue();
        assertThat(all.commands()).hasSize(1_000);
        assertThat(all.commands().get(0).seq()).isEqualTo(COMMANDS - 999);
        final CommandView.Page stale = view.page(new CommandView.Query(null, Long.MIN_VALUE, Long.MAX_VALUE, null, 10), 10,
            100).value();
        assertThat(stale.cursorExpired()).isTrue();
        assertThat(stale.commands()).isEmpty();
        final CommandView.Page fresh = view.page(new CommandView.Query(null, Long.MIN_VALUE, Long.MAX_VALUE, null,
            COMMANDS - 1_000), 10, 100).value();
        assertThat(fresh.cursorExpired()).as("nothing after the cursor was dropped").isFalse();
        assertThat(fresh.truncated()).isFalse();
        assertThat(fresh.commands().get(0).seq()).isEqualTo(COMMANDS - 999);
    }
}
