package engine.bench.ec;

import exchange.core2.core.IEventsHandler;
import exchange.core2.core.common.cmd.CommandResultCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * exchange-core's events (through its {@code SimpleEventsProcessor}) written as one line per trade,
 * {@code takerOrderId,makerOrderId,price,qty}, in the order they happened: the format the engine's
 * side of the benchmark compares with its own trades. Also counts the command results by code.
 * Runs on exchange-core's results thread; used for the untimed check pass only.
 */
final class TradeLog implements IEventsHandler, AutoCloseable
{
    private final Writer out;
    private final Map<CommandResultCode, Long> results = new EnumMap<>(CommandResultCode.class);
    private volatile long commands;
    private long trades;
    private long volume;

    TradeLog(final Path file) throws IOException
    {
        out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 16);
    }

    @Override
    public void commandResult(final ApiCommandResult result)
    {
        results.merge(result.resultCode, 1L, Long::sum);
        commands++;
    }

    @Override
    public void tradeEvent(final TradeEvent event)
    {
        try
        {
            for (final Trade t : event.trades)
            {
                out.write(event.takerOrderId + "," + t.makerOrderId + "," + t.price + "," + t.volume + "\n");
                trades++;
                volume += t.volume;
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void rejectEvent(final RejectEvent event)
    {
        // An IOC remainder: not a trade.
    }

    @Override
    public void reduceEvent(final ReduceEvent event)
    {
        // A cancel: not a trade.
    }

    @Override
    public void orderBook(final OrderBook book)
    {
        // No market data is requested.
    }

    /** Results seen so far (volatile read: the results thread writes it). */
    long commands()
    {
        return commands;
    }

    long trades()
    {
        return trades;
    }

    long volume()
    {
        return volume;
    }

    Map<CommandResultCode, Long> results()
    {
        return results;
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }
}
