package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.SelfTradePrevention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trade tape shows each trade's index among its command's trades, so that (seq, tradeIndex) names the trade for
 * a TRADE_BUST; where the tape has dropped a command's first trades the index is unknown (-1), never a wrong one.
 */
class TradeTapeIndexTest
{
    /** Seq 7 sweeps three asks: trades (7, 0), (7, 1), (7, 2); seq 8 trades once: (8, 0). */
    private static final List<String> SESSION = List.of(
        "SYMBOL,0,BTC-USD,BTC,USD",
        "DEPOSIT,0,1,USD,100000",
        "DEPOSIT,0,2,BTC,100",
        "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1",
        "PLACE,1,2,21,BTC-USD,SELL,LIMIT,GTC,101,1",
        "PLACE,1,2,22,BTC-USD,SELL,LIMIT,GTC,102,2",
        "PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,102,3",
        "PLACE,3,1,11,BTC-USD,BUY,LIMIT,IOC,102,1");

    @Test
    void shouldNumberEachCommandsTradesFromZeroOnTheTapeAndToListeners()
    {
        final TradeView trades = new TradeView(1_000_000L, 10, 10);
        final List<TradeView.Trade> heard = new ArrayList<>();
        trades.onTrade(symbol -> true, heard::add);
        new EngineReplay(SelfTradePrevention.NONE).run(SESSION, trades::accept);

        assertThat(trades.trades("BTC-USD", 10).value()).extracting(TradeView.Trade::seq, TradeView.Trade::tradeIndex)
            .containsExactly(tuple(8, 0), tuple(7, 2), tuple(7, 1), tuple(7, 0));
        assertThat(heard).extracting(TradeView.Trade::seq, TradeView.Trade::tradeIndex)
            .containsExactly(tuple(7, 0), tuple(7, 1), tuple(7, 2), tuple(8, 0));
    }

    @Test
    void shouldNotGuessAnIndexWhenTheTapeDroppedTheCommandsFirstTrades()
    {
        final TradeView trades = new TradeView(1_000_000L, 3, 10);
        new EngineReplay(SelfTradePrevention.NONE).run(SESSION, trades::accept);

        // (7, 0) fell off a tape of 3: (7, 1) is the oldest left and might not have been the first of its command.
        assertThat(trades.trades("BTC-USD", 10).value()).extracting(TradeView.Trade::seq, TradeView.Trade::tradeIndex)
            .containsExactly(tuple(8, 0), tuple(7, -1), tuple(7, -1));
    }

    private static org.assertj.core.groups.Tuple tuple(final long seq, final long index)
    {
        return org.assertj.core.groups.Tuple.tuple(seq, index);
    }
}
