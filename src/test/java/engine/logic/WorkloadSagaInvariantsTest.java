package engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.testing.GeneratedCommands;
import engine.testing.TestSettings;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The invariants after every command of generated workloads with saga steps mixed in ({@code gen --sagas}):
 * withdrawals in flight between trades, retried and timed out on the workload's clock, confirmations and
 * failures of current, stale and unknown sagas, repeated deposit notifications and adjustments. Small
 * universes (the state is walked after every command); the seed is printed and fixed with {@code -Dtest.seed=N}.
 */
class WorkloadSagaInvariantsTest
{
    private static final int COMMANDS = 7_000;

    @ParameterizedTest
    @EnumSource(value = WorkloadProfile.class, names = {"REALISTIC", "PEER_MIX", "HEAVY_MATCH"})
    void shouldHoldInvariantsWithSagaStepsBetweenTheOrders(final WorkloadProfile profile) throws Exception
    {
        final long seed = TestSettings.seed("WorkloadSagaInvariantsTest " + profile);
        final Command[] commands = GeneratedCommands.of(new WorkloadGenerator(profile, seed, 2, 30).sagaEvery(4), COMMANDS);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final InvariantChecker invariants = new InvariantChecker(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        final TreeSet<String> seen = new TreeSet<>();
        for (final Command command : commands)
        {
            events.begin(command, null);
            logic.apply(command, events);
            try
            {
                invariants.afterCommand(command, events, logic);
            }
            catch (final AssertionError e)
            {
                throw new AssertionError(profile + " seed " + seed + " (rerun with -Dtest.seed=" + seed + "): " + e.getMessage(), e);
            }
            for (final String event : InvariantChecker.lines(events))
            {
                final String[] f = event.split(",");
                seen.add(f[1].equals("REJECTED") ? "REJECTED " + f[3] : f[1]);
            }
        }
        assertThat(invariants.commandsChecked()).isEqualTo(COMMANDS);
        assertThat(seen).as("what the saga steps reached").contains("WITHDRAW_PENDING", "WITHDRAW_ATTEMPT",
            "WITHDRAW_CANCELLING", "WITHDRAW_CONFIRMED", "WITHDRAW_FAILED", "WITHDRAW_TIMED_OUT", "BALANCE_ADJUSTED",
            "REJECTED DUPLICATE_TRANSFER", "REJECTED STALE_ATTEMPT", "REJECTED UNKNOWN_WITHDRAWAL");
    }
}
