package engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.SelfTradePrevention;
import engine.reference.RandomCommandFiles;
import engine.reference.ReferenceEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast engine and a deliberately simple reference written for the tests agree, event for
 * event and on the final book and balances, on many seeded random command streams.
 */
class ReferenceAgreementTest
{
    private static final int SEEDS = Integer.getInteger("reference.seeds", 40);
    private static final int COMMANDS = 2_000;

    @ParameterizedTest
    @EnumSource(SelfTradePrevention.class)
    void shouldAgreeWithReferenceOnRandomStreams(final SelfTradePrevention stp)
    {
        for (long seed = 1; seed <= SEEDS; seed++)
        {
            final List<String> lines = RandomCommandFiles.generate(seed * 7919 + stp.ordinal(), COMMANDS);
            final ReferenceEngine reference = new ReferenceEngine(stp.name());
            final List<String> expected = new ArrayList<>(reference.run(lines));
            expected.addAll(reference.dump());

            final EngineRun run = EngineRun.of(lines, stp, true);
            assertThat(OutputDiff.firstDifference(expected, run.withoutHash()))
                .as("seed %d, stp %s", seed * 7919 + stp.ordinal(), stp).isNull();
        }
    }
}
