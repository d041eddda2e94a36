package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.CommandType;
import engine.api.Reason;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each read model against one hand-checked session (times in ms, so 1 s = 1000). */
class ReadModelsScenarioTest
{
    private static final List<String> SESSION = List.of(
        "SYMBOL,0,BTC-USD,BTC,USD",                        // 1
        "DEPOSIT,0,1,USD,100000",                          // 2
        "DEPOSIT,0,2,BTC,100",                             // 3
        "PLACE,1,2,501,BTC-USD,SELL,LIMIT,GTC,300,5",      // 4  rests
        "PLACE,2,2,502,BTC-USD,SELL,LIMIT,GTC,310,10",     // 5  rests
        "PLACE,1500,1,601,BTC-USD,BUY,LIMIT,IOC,305,7",    // 6  5 @ 300, 2 cancelled
        "PLACE,2500,1,602,BTC-USD,BUY,LIMIT,GTC,290,4",    // 7  rests
        "PLACE,61000,1,603,BTC-USD,BUY,LIMIT,GTC,311,3",   // 8  3 @ 310, 3 released
        "CANCEL,61000,2,502",                              // 9  7 left cancelled
        "CANCEL,61001,2,602",                              // 10 not the owner
        "AMEND,61002,1,602,295,",                          // 11 re-priced, re-reserved
        "PLACE,61003,3,700,BTC-USD,BUY,LIMIT,GTC,1,1");    // 12 unknown account

    private ReadModels models;

    @BeforeEach
    void replaySession()
    {
        models = new ReadModels(1_000_000L);
        new EngineReplay(SelfTradePrevention.NONE).run(SESSION, models::accept);
        assertThat(models.appliedSeq()).isEqualTo(12);
    }

    @Test
    void shouldAggregateDepthFromRestingOrders()
    {
        final AsOf<DepthView.Depth> depth = models.depth().depth("BTC-USD", 10);
        assertThat(depth.asOfSeq()).isEqualTo(12);
        assertThat(depth.value().bids()).containsExactly(new DepthView.Level(295, 4, 1));
        assertThat(depth.value().asks()).isEmpty();
        assertThat(depth.value().bestBid()).isEqualTo(295);
        assertThat(depth.value().bestAsk()).isNull();
        assertThat(models.depth().depth("ETH-USD", 10).value()).isNull();
    }

    @Test
    void shouldKeepTapeNewestFirstAndCandlesPerInterval()
    {
        assertThat(models.trades().trades("BTC-USD", 10).value()).containsExactly(
            new TradeView.Trade(8, 61000, "BTC-USD", 310, 3, Side.BUY, 603, 502, 0),
            new TradeView.Trade(6, 1500, "BTC-USD", 300, 5, Side.BUY, 601, 501, 0));
        assertThat(models.trades().candles("BTC-USD", TradeView.Interval.S1, 10).value()).containsExactly(
            new TradeView.Candle(1000, 300, 300, 300, 300, 5, 1), new TradeView.Candle(61000, 310, 310, 310, 310, 3, 1));
        assertThat(models.trades().candles("BTC-USD", TradeView.Interval.M1, 1).value()).containsExactly(
            new TradeView.Candle(60000, 310, 310, 310, 310, 3, 1));
    }

    @Test
    void shouldMergeTradesIntoFiveMinuteAndHourlyCandles()
    {
        // The trades at 1.5 s and 61 s fall into the same 5-minute and the same hourly candle.
        assertThat(models.trades().candles("BTC-USD", TradeView.Interval.M5, 10).value()).containsExactly(
            new TradeView.Candle(0, 300, 310, 300, 310, 8, 2));
        assertThat(models.trades().candles("BTC-USD", TradeView.Interval.H1, 10).value()).containsExactly(
            new TradeView.Candle(0, 300, 310, 300, 310, 8, 2));
    }

    @Test
    void shouldDeriveBalancesFromReservationsAndFills()
    {
        // Account 1: paid 1500 + 930, holds 295 * 4 for order 602.
        assertThat(models.accounts().balances(1).value()).containsExactly(
            new AccountView.Balance("BTC", 8, 0), new AccountView.Balance("USD", 96390, 1180));
        assertThat(models.accounts().balances(2).value()).containsExactly(
            new AccountView.Balance("BTC", 92, 0), new AccountView.Balance("USD", 2430, 0));
        assertThat(models.accounts().openOrders(1).value()).extracting(AccountView.OpenOrder::orderId).containsExactly(602L);
        assertThat(models.accounts().openOrders(2).value()).isEmpty();
    }

    @Test
    void shouldTrackOrderStatusThroughFillsCancelsAndRejections()
    {
        final OrderView orders = models.orders();
        assertThat(orders.status(601).value()).extracting("state", "filledQty", "openQty", "avgPrice", "reason")
            .containsExactly(OrderView.State.CANCELLED, 5L, 0L, "300", Reason.IOC_REMAINDER);
        assertThat(orders.status(501).value()).extracting("state", "filledQty", "avgPrice")
            .containsExactly(OrderView.State.FILLED, 5L, "300");
        assertThat(orders.status(502).value()).extracting("state", "filledQty", "reason")
            .containsExactly(OrderView.State.CANCELLED, 3L, Reason.USER);
        assertThat(orders.status(602).value()).extracting("state", "price", "qty", "openQty")
            .containsExactly(OrderView.State.NEW, 295L, 4L, 4L);
        assertThat(orders.status(700).value()).extracting("state", "account", "reason")
            .containsExactly(OrderView.State.REJECTED, 3L, Reason.UNKNOWN_ACCOUNT);
        assertThat(orders.status(999).value()).isNull();
    }

    @Test
    void shouldAnswerCommandStatusBySeqAndAccountCommandsByTime()
    {
        final CommandView commands = models.commands();
        assertThat(commands.command(10).value()).isEqualTo(
            new CommandView.CommandStatus(10, 61001, CommandType.CANCEL, false, Reason.UNKNOWN_ORDER, 2L, 602L, 1));
        assertThat(commands.command(1).value().account()).isNull();
        assertThat(commands.command(6).value().accepted()).isTrue();
        assertThat(commands.command(13).value()).isNull();
        assertThat(commands.commands(1, 0, 2500, 100).value()).extracting(CommandView.CommandStatus::seq)
            .containsExactly(2L, 6L, 7L);
    }

    @Test
    void shouldReverseABustedTradeInBalancesAndLeaveOpenOrdersAlone()
    {
        // Bust (6, 0), 5 @ 300 between buyer 1 and seller 2: 5 BTC back to 2, 1500 USD back to 1, all in available.
        final ReadModels busted = new ReadModels(1_000_000L);
        final List<String> session = new java.util.ArrayList<>(SESSION);
        session.add("TRADE_BUST,61004,6,0");                // 13
        session.add("TRADE_BUST,61005,6,0");                // 14 busted already: nothing moves
        new EngineReplay(SelfTradePrevention.NONE).run(session, busted::accept);

        assertThat(busted.appliedSeq()).isEqualTo(14);
        assertThat(busted.accounts().balances(1).value()).containsExactly(
            new AccountView.Balance("BTC", 3, 0), new AccountView.Balance("USD", 97890, 1180));
        assertThat(busted.accounts().balances(2).value()).containsExactly(
            new AccountView.Balance("BTC", 97, 0), new AccountView.Balance("USD", 930, 0));
        assertThat(busted.accounts().openOrders(1).value()).extracting(AccountView.OpenOrder::orderId).containsExactly(602L);
        assertThat(busted.commands().command(13).value().commandType()).isEqualTo(CommandType.TRADE_BUST);
        assertThat(busted.commands().command(14).value().reason()).isEqualTo(Reason.DUPLICATE_BUST);
    }

    @Test
    void shouldSkipBatchesAlreadyApplied()
    {
        new EngineReplay(SelfTradePrevention.NONE).run(SESSION, models::accept);
        assertThat(models.accounts().balances(2).value()).containsExactly(
            new AccountView.Balance("BTC", 92, 0), new AccountView.Balance("USD", 2430, 0));
    }
}
