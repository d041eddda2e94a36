package engine.logic;

import engine.book.Instrument;
import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.book.Order;
import engine.core.EventBatch;
import engine.format.CommandFileParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Given / when / then over the business logic, in command-file lines (COMMAND-FILE.md):
 * <pre>
 * engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000")
 *     .when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5")
 *     .thenEvents("ACCEPTED,10")
 *     .thenBalance(1, "USD", 500, 500);
 * </pre>
 * Events are compared as canonical lines without the leading {@code seq,} (use
 * {@link #thenSequencedEvents} when the seq matters). Every command, given or when, is
 * followed by the five invariants of {@link InvariantChecker}.
 */
final class EngineFixture
{
    private final BusinessLogic logic;
    private final InvariantChecker invariants;
    private final CommandFileParser parser = new CommandFileParser();
    private final Command command = new Command();
    private final EventBatch events = new EventBatch();
    private long seq;
    private String lastLine = "";
    private List<String> lastEvents = List.of();

    private EngineFixture(final SelfTradePrevention stp, final int recentTrades)
    {
        logic = new BusinessLogic(stp, 1 << 16, 1 << 12, recentTrades);
        invariants = new InvariantChecker(stp, recentTrades);
    }

    static EngineFixture engine()
    {
        return new EngineFixture(SelfTradePrevention.NONE, BusinessLogic.DEFAULT_RECENT_TRADES);
    }

    static EngineFixture engine(final SelfTradePrevention stp)
    {
        return new EngineFixture(stp, BusinessLogic.DEFAULT_RECENT_TRADES);
    }

    /** An engine that keeps only the last {@code recentTrades} trades for busting. */
    static EngineFixture engineKeepingTrades(final int recentTrades)
    {
        return new EngineFixture(SelfTradePrevention.NONE, recentTrades);
    }

    /** Applies setup lines; their events are not checked, the invariants are. */
    EngineFixture given(final String... lines)
    {
        for (final String line : lines)
        {
            apply(line);
        }
        return this;
    }

    /** Applies the command under test. */
    EngineFixture when(final String line)
    {
        apply(line);
        return this;
    }

    /** The events of the last command, without their seq prefix, in order. */
    EngineFixture thenEvents(final String... expected)
    {
        assertThat(withoutSeq(lastEvents)).as("events of [%s]", lastLine).containsExactly(expected);
        return this;
    }

    /** The events of the last command, as full canonical lines with their seq. */
    EngineFixture thenSequencedEvents(final String... expected)
    {
        assertThat(lastEvents).as("events of [%s]", lastLine).containsExactly(expected);
        return this;
    }

    EngineFixture thenNoEvents()
    {
        return thenEvents();
    }

    /** One account's balance of one asset (0, 0 when it holds none). */
    EngineFixture thenBalance(final long account, final String asset, final long available, final long reserved)
    {
        final long[] found = {0, 0};
        logic.visit(new StateVisitor()
        {
            @Override
            public void balance(final long acc, final long hi, final long lo, final long avail, final long res)
            {
                if (acc == account && AsciiName.toString(hi, lo).equals(asset))
                {
                    found[0] = avail;
                    found[1] = res;
                }
            }
        });
        assertThat(found).as("balance of account %d in %s (available, reserved) after [%s]", account, asset, lastLine)
            .containsExactly(available, reserved);
        return this;
    }

    /**
     * The resting orders of one symbol in priority order (bids best first, then asks best first,
     * oldest first within a price), each as {@code SIDE,price,orderId,openQty}.
     */
    EngineFixture thenBook(final String symbol, final String... orders)
    {
        assertThat(book(symbol)).as("book of %s after [%s]", symbol, lastLine).containsExactly(orders);
        return this;
    }

    EngineFixture thenBookEmpty(final String symbol)
    {
        return thenBook(symbol);
    }

    List<String> book(final String symbol)
    {
        final List<String> lines = new ArrayList<>();
        logic.visit(new StateVisitor()
        {
            @Override
            public void restingOrder(final Instrument instrument, final Order order)
            {
                if (AsciiName.toString(instrument.symbolHi(), instrument.symbolLo()).equals(symbol))
                {
                    lines.add(order.side() + "," + order.price() + "," + order.orderId() + "," + order.openQty());
                }
            }
        });
        return lines;
    }

    /** The last command's events as full canonical lines. */
    List<String> events()
    {
        return lastEvents;
    }

    long stateHash()
    {
        return logic.stateHash();
    }

    long seq()
    {
        return seq;
    }

    private void apply(final String line)
    {
        final CommandFileParser.Outcome outcome = parser.parse(line, command);
        assertThat(outcome).as("parsing [%s]: %s", line, parser.error()).isEqualTo(CommandFileParser.Outcome.COMMAND);
        command.seq(++seq);
        lastLine = line;
        events.begin(command, null);
        logic.apply(command, events);
        lastEvents = InvariantChecker.lines(events);
        invariants.afterCommand(command, events, logic);
    }

    private static List<String> withoutSeq(final List<String> lines)
    {
        return lines.stream().map(line -> line.substring(line.indexOf(',') + 1)).toList();
    }
}
