package engine.cli;

import engine.readmodel.ReadModels;
import picocli.CommandLine.Option;

/** The read models' history limits, shared by {@code serve} and {@code project} (docs/HTTP-API.md). */
final class RetentionOptions
{
    @Option(names = "--keep-finished-orders", paramLabel = "N",
        defaultValue = "" + ReadModels.Retention.DEFAULT_FINISHED_ORDERS,
        description = "order statuses kept of finished (filled, cancelled, rejected) orders, the last N to finish; "
            + "open orders are always kept (default ${DEFAULT-VALUE})")
    private int finishedOrders;

    @Option(names = "--keep-commands", paramLabel = "N", defaultValue = "" + ReadModels.Retention.DEFAULT_COMMANDS,
        description = "command outcomes kept, the newest N; account command queries answer from these "
            + "(default ${DEFAULT-VALUE})")
    private int commands;

    @Option(names = "--keep-trades", paramLabel = "N", defaultValue = "" + ReadModels.Retention.DEFAULT_TRADES_PER_SYMBOL,
        description = "trades kept per symbol (default ${DEFAULT-VALUE})")
    private int trades;

    @Option(names = "--keep-candles", paramLabel = "N",
        defaultValue = "" + ReadModels.Retention.DEFAULT_CANDLES_PER_INTERVAL,
        description = "candles kept per symbol and interval (default ${DEFAULT-VALUE})")
    private int candles;

    @Option(names = "--keep-finished-withdrawals", paramLabel = "N",
        defaultValue = "" + ReadModels.Retention.DEFAULT_FINISHED_WITHDRAWALS,
        description = "withdrawal saga statuses kept of finished (confirmed, failed, timed out) sagas, the last N to "
            + "finish; sagas in flight are always kept (default ${DEFAULT-VALUE})")
    private int finishedWithdrawals;

    /** @throws IllegalArgumentException naming the first option below 1 */
    ReadModels.Retention retention()
    {
        atLeastOne("--keep-finished-orders", finishedOrders);
        atLeastOne("--keep-commands", commands);
        atLeastOne("--keep-trades", trades);
        atLeastOne("--keep-candles", candles);
        atLeastOne("--keep-finished-withdrawals", finishedWithdrawals);
        return ReadModels.Retention.builder().finishedOrders(finishedOrders).commands(commands)
            .tradesPerSymbol(trades).candlesPerInterval(candles).finishedWithdrawals(finishedWithdrawals).build();
    }

    private static void atLeastOne(final String option, final int value)
    {
        if (value < 1)
        {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
    }
}
