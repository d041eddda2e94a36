package engine.logic;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.format.CommandFileParser;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: it passes an honest engine and catches state that the events do not
 * explain. Each case shows the checker a state from one engine and events from another.
 */
class InvariantCheckerTest
{
    private final CommandFileParser parser = new CommandFileParser();
    private long seq;

    private Command command(final String line)
    {
        final Command command = new Command();
        parser.parse(line, command);
        return command.seq(++seq);
    }

    private static EventBatch apply(final BusinessLogic logic, final Command command)
    {
        final EventBatch events = new EventBatch();
        events.begin(command, null);
        logic.apply(command, events);
        return events;
    }

    @Test
    void shouldPassAnHonestEngine()
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final InvariantChecker checker = new InvariantChecker(SelfTradePrevention.NONE);
        for (final String line : new String[] {"SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000",
            "DEPOSIT,0,2,BTC,10", "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,99,3"})
        {
            final Command c = command(line);
            final EventBatch events = apply(logic, c);
            assertThatCode(() -> checker.afterCommand(c, events, logic)).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldCatchBalanceThatDepositsDoNotExplain()
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final InvariantChecker checker = new InvariantChecker(SelfTradePrevention.NONE);
        final Command real = command("DEPOSIT,0,1,USD,100");
        logic.apply(real, new EventBatch());
        final EventBatch told = apply(new BusinessLogic(SelfTradePrevention.NONE), command("DEPOSIT,0,1,USD,50"));
        assertThatThrownBy(() -> checker.afterCommand(real, told, logic)).hasMessageContaining("invariant 1");
    }

    @Test
    void shouldCatchRestingOrderThatNoEventAccepted()
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final InvariantChecker checker = new InvariantChecker(SelfTradePrevention.NONE);
        for (final String line : new String[] {"SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000"})
        {
            final Command c = command(line);
            final EventBatch events = apply(logic, c);
            checker.afterCommand(c, events, logic);
        }
        final Command place = command("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5");
        apply(logic, place);
        final EventBatch nothing = new EventBatch();
        nothing.begin(place, null);
        assertThatThrownBy(() -> checker.afterCommand(place, nothing, logic)).hasMessageContaining("invariant 4");
    }

    @Test
    void shouldCatchEngineThatAppliedACommandTheCheckerNeverSaw()
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final InvariantChecker checker = new InvariantChecker(SelfTradePrevention.NONE);
        final Command first = command("DEPOSIT,0,1,USD,100");
        final EventBatch events = apply(logic, first);
        checker.afterCommand(first, events, logic);
        // The engine under test applied a command the checker (and its twin) never saw.
        final Command second = command("DEPOSIT,0,1,USD,7");
        apply(logic, second);
        final Command third = command("DEPOSIT,0,1,USD,7");
        final EventBatch thirdEvents = apply(logic, third);
        assertThatThrownBy(() -> checker.afterCommand(third, thirdEvents, logic)).hasMessageContaining("invariant");
    }
}
