package engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.format.CommandFileParser;
import engine.reference.RandomCommandFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random streams with trade busts woven in: after some commands, a bust of a trade seen so far (often one
 * busted already, or one whose accounts have since spent what they got) or of an id that names no trade. The
 * invariants hold after every command (conservation through busts, no negative balance, each bust reverses a real
 * trade once, a twin engine agrees), a small recent-trades ring evicts along the way, and some busts do go through.
 */
class TradeBustRandomStreamTest
{
    private static final int SEEDS = 6;
    private static final int COMMANDS = 1_500;
    private static final int RECENT_TRADES = 64;

    @Test
    void shouldHoldInvariantsWithBustsWovenIn()
    {
        int busted = 0;
        int refused = 0;
        for (int s = 1; s <= SEEDS; s++)
        {
            final long seed = 7_777L * s;
            final SelfTradePrevention stp = SelfTradePrevention.values()[s % SelfTradePrevention.values().length];
            final BusinessLogic logic = new BusinessLogic(stp, 1 << 12, 1 << 8, RECENT_TRADES);
            final InvariantChecker invariants = new InvariantChecker(stp, RECENT_TRADES);
            final Random random = new Random(seed);
            final CommandFileParser parser = new CommandFileParser();
            final Command command = new Command();
            final EventBatch events = new EventBatch();
            final List<long[]> tradeIds = new ArrayList<>();
            long seq = 0;
            for (final String line : RandomCommandFiles.generate(seed, COMMANDS))
            {
                if (parser.parse(line, command) != CommandFileParser.Outcome.COMMAND)
                {
                    continue;
                }
                final long time = command.timestamp();
                final int[] outcome = apply(command.seq(++seq), events, logic, invariants, tradeIds, "seed " + seed);
                if (!tradeIds.isEmpty() && random.nextInt(4) == 0)
                {
                    final long[] id = random.nextInt(10) == 0 ? new long[] {seq + 1, 0} :
                        tradeIds.get(tradeIds.size() - 1 - random.nextInt(Math.min(tradeIds.size(), 2 * RECENT_TRADES)));
                    final int[] bust = apply(command.tradeBust(time, id[0], id[1]).seq(++seq), events, logic, invariants,
                        tradeIds, "seed " + seed);
                    busted += bust[0];
                    refused += bust[1];
                }
                assertThat(outcome[0]).as("busts among the stream's own commands").isZero();
            }
        }
        assertThat(busted).as("busts that went through").isGreaterThan(50);
        assertThat(refused).as("busts refused").isGreaterThan(50);
    }

    /** Applies one command and checks the invariants; returns {TRADE_BUSTED count, REJECTED count}. */
    private static int[] apply(final Command command, final EventBatch events, final BusinessLogic logic,
        final InvariantChecker invariants, final List<long[]> tradeIds, final String where)
    {
        events.begin(command, null);
        logic.apply(command, events);
        try
        {
            invariants.afterCommand(command, events, logic);
        }
        catch (final AssertionError e)
        {
            throw new AssertionError(where + ": " + e.getMessage(), e);
        }
        final int[] counts = new int[2];
        int index = 0;
        for (int i = 0; i < events.count(); i++)
        {
            if (events.type(i) == EventType.TRADE)
            {
                tradeIds.add(new long[] {command.seq(), index++});
            }
            counts[0] += events.type(i) == EventType.TRADE_BUSTED ? 1 : 0;
            counts[1] += events.type(i) == EventType.REJECTED ? 1 : 0;
        }
        return counts;
    }
}
