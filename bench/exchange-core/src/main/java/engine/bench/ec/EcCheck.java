package engine.bench.ec;

import exchange.core2.core.SimpleEventsProcessor;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.config.ExchangeConfiguration;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The untimed check pass: the whole file (set-up and flow) through one exchange-core, its trades
 * written by {@link TradeLog} for the engine's side to compare with its own.
 */
final class EcCheck
{
    private EcCheck()
    {
    }

    /** @return what the pass saw, for the summary: trades, traded quantity, results by code */
    static String run(final EcCommands commands, final ExchangeConfiguration config, final Path trades)
        throws IOException
    {
        final FlowCounter counter = new FlowCounter();
        try (TradeLog log = new TradeLog(trades))
        {
            final SimpleEventsProcessor events = new SimpleEventsProcessor(log);
            try (EcExchange exchange = new EcExchange(config, (cmd, seq) ->
            {
                events.accept(cmd, seq);
                counter.accept(cmd, seq);
            }))
            {
                exchange.load(commands);
                final long target = counter.done() + commands.flow.length;
                for (final ApiCommand c : commands.flow)
                {
                    exchange.api.submitCommand(c);
                }
                counter.awaitDone(target);
            }
            return "trades " + log.trades() + ", traded quantity " + log.volume() + ", results " + log.results();
        }
    }
}
