package engine.bench.ec;

import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.config.ExchangeConfiguration;
import java.io.PrintStream;

/**
 * Commands per second through exchange-core, measured as the engine's harness measures its own
 * pipeline: a fresh exchange-core per round, the set-up applied untimed, then the whole flow
 * submitted back to back ({@code ExchangeApi.submitCommand}) from one thread, and the clock stops
 * when the results consumer has seen the last command's result. The first {@code warmup} rounds
 * are printed and left out.
 */
final class EcThroughput
{
    private final EcCommands commands;
    private final ExchangeConfiguration config;

    EcThroughput(final EcCommands commands, final ExchangeConfiguration config)
    {
        this.commands = commands;
        this.config = config;
    }

    /** @return commands/s of each measured round */
    double[] run(final int warmup, final int runs, final PrintStream log)
    {
        final double[] rates = new double[runs];
        for (int round = 0; round < warmup + runs; round++)
        {
            final double rate = commands.flow.length * 1e9 / runOnce();
            final boolean measured = round >= warmup;
            if (measured)
            {
                rates[round - warmup] = rate;
            }
            log.printf("exchange-core round %2d: %,12.0f commands/s%s%n", round + 1, rate,
                measured ? "" : "  warm-up, excluded");
        }
        return rates;
    }

    private long runOnce()
    {
        final FlowCounter counter = new FlowCounter();
        try (EcExchange exchange = new EcExchange(config, counter))
        {
            exchange.load(commands);
            final long target = counter.done() + commands.flow.length;
            final long started = System.nanoTime();
            submit(exchange, commands.flow);
            counter.awaitDone(target);
            return System.nanoTime() - started;
        }
    }

    private static void submit(final EcExchange exchange, final ApiCommand[] flow)
    {
        // In chunks, so that the loop is an ordinary hot method and not one long on-stack-replaced loop.
        for (int from = 0; from < flow.length; from += 1024)
        {
            submitRange(exchange, flow, from, Math.min(flow.length, from + 1024));
        }
    }

    private static void submitRange(final EcExchange exchange, final ApiCommand[] flow, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            exchange.api.submitCommand(flow[i]);
        }
    }
}
