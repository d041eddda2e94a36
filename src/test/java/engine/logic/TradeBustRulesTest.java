package engine.logic;

import static engine.logic.EngineFixture.engine;
import static engine.logic.EngineFixture.engineKeepingTrades;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TRADING-RULES.md, Trade busts: an operator's TRADE_BUST names a trade by its id (the seq of the command that
 * produced it, and its 0-based index among that command's trades) and reverses its settlement between the two
 * accounts, in available balances, all or nothing. The orders are not revived and the book is not touched. The
 * invariants (conservation among them) are checked after every command.
 */
class TradeBustRulesTest
{
    /**
     * BTC-USD; account 1 holds 1000 USD, account 2 holds 10 BTC; account 2 sells 6 at 100 (seq 4), account 1 buys 4
     * at a limit of 101 (seq 5): trade (5, 0) of 4 BTC for 400 USD. Account 1 then has 600 USD and 4 BTC, account 2
     * 6 BTC (2 of them reserved by the rest of its order) and 400 USD.
     */
    private static EngineFixture traded()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,2,BTC,10",
            "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,6", "PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,101,4");
    }

    @Test
    void shouldRestoreBothBalancesExactly()
    {
        traded().thenBalance(1, "USD", 600, 0).thenBalance(1, "BTC", 4, 0)
            .thenBalance(2, "BTC", 4, 2).thenBalance(2, "USD", 400, 0)
            .when("TRADE_BUST,3,5,0").thenSequencedEvents("6,TRADE_BUSTED,5,0,BTC-USD,100,4,1,2")
            .thenBalance(1, "USD", 1000, 0).thenBalance(1, "BTC", 0, 0)
            .thenBalance(2, "BTC", 8, 2).thenBalance(2, "USD", 0, 0);
    }

    @Test
    void shouldLeaveTheOrdersAsTheyAreAndTheBookUntouched()
    {
        traded().thenBook("BTC-USD", "SELL,100,20,2")
            .when("TRADE_BUST,3,5,0").thenEvents("TRADE_BUSTED,5,0,BTC-USD,100,4,1,2")
            .thenBook("BTC-USD", "SELL,100,20,2")
            .when("CANCEL,4,2,20").thenEvents("CANCELED,20,2,USER").thenBalance(2, "BTC", 10, 0);
    }

    @Test
    void shouldRefuseASecondBustOfTheSameTrade()
    {
        traded().given("TRADE_BUST,3,5,0")
            .when("TRADE_BUST,4,5,0").thenEvents("REJECTED,,DUPLICATE_BUST")
            .thenBalance(1, "USD", 1000, 0).thenBalance(2, "BTC", 8, 2);
    }

    @Test
    void shouldRefuseABustAfterTheBuyerWithdrewTheBaseLeavingBalancesUntouched()
    {
        traded().given("WITHDRAW,3,1,BTC,1")
            .when("TRADE_BUST,4,5,0").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 600, 0).thenBalance(1, "BTC", 3, 0)
            .thenBalance(2, "BTC", 4, 2).thenBalance(2, "USD", 400, 0);
    }

    @Test
    void shouldBustOnceTheOperatorHasMadeTheMissingBalanceGoodAgain()
    {
        traded().given("WITHDRAW,3,1,BTC,1", "TRADE_BUST,4,5,0", "BALANCE_ADJUST,5,1,BTC,1,3")
            .when("TRADE_BUST,6,5,0").thenEvents("TRADE_BUSTED,5,0,BTC-USD,100,4,1,2")
            .thenBalance(1, "BTC", 0, 0).thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldRefuseABustWhenTheSellerSpentTheQuote()
    {
        traded().given("WITHDRAW,3,2,USD,1")
            .when("TRADE_BUST,4,5,0").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "BTC", 4, 0).thenBalance(2, "USD", 399, 0);
    }

    @Test
    void shouldNotTakeWhatOpenOrdersHoldBack()
    {
        // The buyer offers its 4 BTC again: they are reserved, not available, so the bust cannot take them.
        traded().given("PLACE,3,1,11,BTC-USD,SELL,LIMIT,GTC,200,4")
            .when("TRADE_BUST,4,5,0").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "BTC", 0, 4)
            .given("CANCEL,5,1,11")
            .when("TRADE_BUST,6,5,0").thenEvents("TRADE_BUSTED,5,0,BTC-USD,100,4,1,2");
    }

    @Test
    void shouldRefuseAnUnknownTradeId()
    {
        traded().when("TRADE_BUST,3,4,0").thenEvents("REJECTED,,UNKNOWN_TRADE")
            .when("TRADE_BUST,3,5,1").thenEvents("REJECTED,,UNKNOWN_TRADE")
            .when("TRADE_BUST,3,99,0").thenEvents("REJECTED,,UNKNOWN_TRADE")
            .when("TRADE_BUST,3,5,-1").thenEvents("REJECTED,,UNKNOWN_TRADE")
            .thenBalance(1, "USD", 600, 0).thenBalance(2, "USD", 400, 0);
    }

    @Test
    void shouldNumberTheTradesOfOneCommandFromZeroAndBustOnlyTheOneNamed()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,2,BTC,5", "DEPOSIT,0,3,BTC,5",
                "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,3")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,101,5")
            .thenSequencedEvents("7,ACCEPTED,10", "7,TRADE,BTC-USD,100,2,10,20,1,2,BUY", "7,TRADE,BTC-USD,101,3,10,30,1,3,BUY")
            .when("TRADE_BUST,3,7,1").thenEvents("TRADE_BUSTED,7,1,BTC-USD,101,3,1,3")
            .thenBalance(1, "USD", 1000 - 200, 0).thenBalance(1, "BTC", 2, 0)
            .thenBalance(2, "USD", 200, 0).thenBalance(3, "BTC", 5, 0).thenBalance(3, "USD", 0, 0);
    }

    @Test
    void shouldGiveBackWhatAMarketBuyPaidAndScaledAmounts()
    {
        // Base scale 10, quote scale 100: 3 lots at 7 moved 30 ETH and 2100 USD.
        engine().given("SYMBOL,0,ETH-USD,ETH,USD,10,100", "DEPOSIT,0,1,USD,5000", "DEPOSIT,0,2,ETH,50",
                "PLACE,1,2,20,ETH-USD,SELL,LIMIT,GTC,7,3", "PLACE,2,1,10,ETH-USD,BUY,MARKET,IOC,,3")
            .thenBalance(1, "USD", 2900, 0).thenBalance(1, "ETH", 30, 0).thenBalance(2, "USD", 2100, 0)
            .when("TRADE_BUST,3,5,0").thenEvents("TRADE_BUSTED,5,0,ETH-USD,7,3,1,2")
            .thenBalance(1, "USD", 5000, 0).thenBalance(1, "ETH", 0, 0)
            .thenBalance(2, "ETH", 50, 0).thenBalance(2, "USD", 0, 0);
    }

    @Test
    void shouldBustASelfTradeWithoutMovingAnything()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,5",
                "PLACE,1,1,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("TRADE_BUST,3,5,0").thenEvents("TRADE_BUSTED,5,0,BTC-USD,100,2,1,1")
            .thenBalance(1, "USD", 1000, 0).thenBalance(1, "BTC", 5, 0)
            .when("TRADE_BUST,4,5,0").thenEvents("REJECTED,,DUPLICATE_BUST");
    }

    @Test
    void shouldRefuseATradeThatLeftTheRecentTrades()
    {
        // Only the last 2 trades are kept: the third trade pushes the first out.
        engineKeepingTrades(2).given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,2,BTC,10",
                "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,9",
                "PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,1", "PLACE,3,1,11,BTC-USD,BUY,LIMIT,IOC,100,1",
                "PLACE,4,1,12,BTC-USD,BUY,LIMIT,IOC,100,1")
            .when("TRADE_BUST,5,5,0").thenEvents("REJECTED,,UNKNOWN_TRADE")
            .thenBalance(1, "BTC", 3, 0)
            .when("TRADE_BUST,6,6,0").thenEvents("TRADE_BUSTED,6,0,BTC-USD,100,1,1,2")
            .when("TRADE_BUST,7,7,0").thenEvents("TRADE_BUSTED,7,0,BTC-USD,100,1,1,2")
            .thenBalance(1, "BTC", 1, 0).thenBalance(1, "USD", 900, 0);
    }

    @Test
    void shouldCountTheRecentTradesAndTheirBustsInTheStateHash()
    {
        // A self-trade's bust moves no balance: only the recent trades tell the two states apart.
        final String[] selfTrade = {"SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,5",
            "PLACE,1,1,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,2"};
        final long busted = engine().given(selfTrade).given("TRADE_BUST,3,5,0").stateHash();
        final long notBusted = engine().given(selfTrade).given("TICK,3").stateHash();
        final long noTrades = engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,5")
            .stateHash();

        assertThat(busted).isNotEqualTo(notBusted);
        assertThat(notBusted).isNotEqualTo(noTrades);
        assertThat(engine().given(selfTrade).given("TRADE_BUST,3,5,0").stateHash()).isEqualTo(busted);
    }
}
