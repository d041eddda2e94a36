package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Reservation, Matching and Pinned details: market orders. */
class MarketOrderRulesTest
{
    /** BTC-USD; sellers 2 and 3 hold 100 BTC each; buyer 1 gets {@code usd} USD. */
    private static EngineFixture buyerWith(final long usd)
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,BTC,1", "DEPOSIT,0,1,USD," + usd,
            "DEPOSIT,0,2,BTC,100", "DEPOSIT,0,3,BTC,100", "DEPOSIT,0,2,USD,100000", "DEPOSIT,0,3,USD,100000");
    }

    @Test
    void shouldPayEachMarketBuyFillFromAvailable()
    {
        buyerWith(1000).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,3")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "TRADE,BTC-USD,101,3,10,30,1,3,BUY")
            .thenBalance(1, "USD", 497, 0).thenBalance(1, "BTC", 6, 0);
    }

    @Test
    void shouldTakeOnlyTheLotsItCanPayForAndCancelTheRestForFunds()
    {
        buyerWith(250).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "CANCELED,10,3,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 50, 0).thenBook("BTC-USD", "SELL,100,20,3");
    }

    @Test
    void shouldApplyFloorRuleAtTheLevelWhereFundsRunOut()
    {
        // 2 at 100 cost 200, leaving 150; 3 at 150 would cost 450, so floor(150 / 150) = 1 lot.
        buyerWith(350).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,150,3")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "TRADE,BTC-USD,150,1,10,30,1,3,BUY",
                "CANCELED,10,2,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 0, 0);
    }

    @Test
    void shouldAcceptThenCancelMarketBuyThatCanPayForNoLot()
    {
        buyerWith(99).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "CANCELED,10,5,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldCancelMarketBuyRemainderAsIocWhenBookRunsOutFirst()
    {
        buyerWith(100000).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "CANCELED,10,3,IOC_REMAINDER");
    }

    @Test
    void shouldCancelMarketBuyOnEmptyBookAsIocEvenWithoutFunds()
    {
        buyerWith(1).given("WITHDRAW,0,1,USD,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "CANCELED,10,5,IOC_REMAINDER");
    }

    @Test
    void shouldSweepBidsWithMarketSellAtBidPrices()
    {
        buyerWith(1).given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,BUY,LIMIT,GTC,90,3")
            .when("PLACE,2,1,10,BTC-USD,SELL,MARKET,IOC,,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,SELL")
            .thenBalance(1, "USD", 101, 0).thenBalance(1, "BTC", 0, 0);
    }

    @Test
    void shouldCancelMarketSellRemainderAsIoc()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,BTC,10", "DEPOSIT,0,2,USD,1000",
                "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2", "PLACE,1,2,21,BTC-USD,BUY,LIMIT,GTC,90,3")
            .when("PLACE,2,1,10,BTC-USD,SELL,MARKET,IOC,,8")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,SELL", "TRADE,BTC-USD,90,3,10,21,1,2,SELL",
                "CANCELED,10,3,IOC_REMAINDER")
            .thenBalance(1, "BTC", 5, 0).thenBalance(1, "USD", 470, 0);
    }

    @Test
    void shouldFillMarketFokBuyItCanPayFor()
    {
        buyerWith(500).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,100,3")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,FOK,,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "TRADE,BTC-USD,100,3,10,30,1,3,BUY")
            .thenBalance(1, "USD", 0, 0);
    }

    @Test
    void shouldRejectMarketFokBuyThatCanFillButCannotPay()
    {
        buyerWith(499).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,100,3")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,FOK,,5").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS")
            .thenBook("BTC-USD", "SELL,100,20,2", "SELL,100,30,3").thenBalance(1, "USD", 499, 0);
    }

    @Test
    void shouldRejectMarketFokThatCannotFill()
    {
        buyerWith(100000).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,FOK,,5").thenEvents("REJECTED,10,FOK_NOT_FILLABLE");
    }

    @Test
    void shouldJudgeFillabilityBeforePayabilityForMarketFokBuy()
    {
        buyerWith(1).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,FOK,,5").thenEvents("REJECTED,10,FOK_NOT_FILLABLE");
    }

    @Test
    void shouldRejectMarketFokSellThatCannotFill()
    {
        buyerWith(1).given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("PLACE,2,3,10,BTC-USD,SELL,MARKET,FOK,,5").thenEvents("REJECTED,10,FOK_NOT_FILLABLE")
            .thenBalance(3, "BTC", 100, 0);
    }
}
