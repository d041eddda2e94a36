package engine.bench.ec;

import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.config.ExchangeConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;

/**
 * One exchange-core instance started for one run: built from a configuration and a results
 * consumer, loaded with a file's symbols and untimed set-up (users, balances, pre-filled book),
 * and shut down on close. Uses exchange-core's public API only.
 */
final class EcExchange implements AutoCloseable
{
    final ExchangeApi api;
    private final ExchangeCore core;

    EcExchange(final ExchangeConfiguration config, final ObjLongConsumer<OrderCommand> results)
    {
        core = ExchangeCore.builder().exchangeConfiguration(config).resultsConsumer(results).build();
        core.startup();
        api = core.getApi();
    }

    /**
     * Adds the symbols and applies the set-up commands, waiting for each result.
     *
     * @throws IllegalStateException naming the first set-up command exchange-core did not accept
     */
    void load(final EcCommands commands)
    {
        for (final var spec : commands.symbols)
        {
            final CommandResultCode code = api.submitBinaryDataAsync(new BatchAddSymbolsCommand(spec)).join();
            if (code != CommandResultCode.SUCCESS)
            {
                throw new IllegalStateException("exchange-core refused symbol " + spec + ": " + code);
            }
        }
        final List<CompletableFuture<CommandResultCode>> results = new ArrayList<>(commands.setup.size());
        for (final ApiCommand c : commands.setup)
        {
            results.add(api.submitCommandAsync(c));
        }
        for (int i = 0; i < results.size(); i++)
        {
            final CommandResultCode code = results.get(i).join();
            if (code != CommandResultCode.SUCCESS && code != CommandResultCode.ACCEPTED)
            {
                throw new IllegalStateException("exchange-core refused set-up command " + (i + 1) + " (" +
                    commands.setup.get(i) + "): " + code);
            }
        }
    }

    @Override
    public void close()
    {
        core.shutdown(30, TimeUnit.SECONDS);
    }
}
