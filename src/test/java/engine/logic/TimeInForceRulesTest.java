package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Orders and Matching: what each tif does with what is left after matching. */
class TimeInForceRulesTest
{
    /** BTC-USD; accounts 1, 2 and 3 each hold 100000 USD and 100 BTC. */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD",
            "DEPOSIT,0,1,USD,100000", "DEPOSIT,0,1,BTC,100",
            "DEPOSIT,0,2,USD,100000", "DEPOSIT,0,2,BTC,100",
            "DEPOSIT,0,3,USD,100000", "DEPOSIT,0,3,BTC,100");
    }

    @Test
    void shouldRestGtcRemainder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY").thenBook("BTC-USD", "BUY,100,10,3");
    }

    @Test
    void shouldRestGtdRemainder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTD:50,100,5").thenBook("BTC-USD", "BUY,100,10,3");
    }

    @Test
    void shouldCancelIocRemainder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "CANCELED,10,3,IOC_REMAINDER")
            .thenBookEmpty("BTC-USD");
    }

    @Test
    void shouldCancelWholeIocWhenNothingCrosses()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,101,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,5")
            .thenEvents("ACCEPTED,10", "CANCELED,10,5,IOC_REMAINDER").thenBook("BTC-USD", "SELL,101,20,2");
    }

    @Test
    void shouldEmitNoCancelWhenIocFillsCompletely()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,5,10,20,1,2,BUY");
    }

    @Test
    void shouldFillFokCompletelyAcrossLevels()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,3")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "TRADE,BTC-USD,101,3,10,30,1,3,BUY")
            .thenBookEmpty("BTC-USD");
    }

    @Test
    void shouldRejectFokWhenBookIsShort()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,4")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,100,5").thenEvents("REJECTED,10,FOK_NOT_FILLABLE")
            .thenBook("BTC-USD", "SELL,100,20,4").thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldCountOnlyLiquidityWithinTheLimitForFok()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,105,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,103,5").thenEvents("REJECTED,10,FOK_NOT_FILLABLE")
            .thenBook("BTC-USD", "SELL,100,20,2", "SELL,105,30,5");
    }

    @Test
    void shouldCountOnlyLiquidityWithinTheLimitForSellFok()
    {
        market().given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,BUY,LIMIT,GTC,95,5")
            .when("PLACE,2,1,10,BTC-USD,SELL,LIMIT,FOK,96,3").thenEvents("REJECTED,10,FOK_NOT_FILLABLE");
    }

    @Test
    void shouldRestPostOnlyThatDoesNotCross()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,101,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,POST_ONLY,100,5").thenEvents("ACCEPTED,10")
            .thenBook("BTC-USD", "BUY,100,10,5", "SELL,101,20,2");
    }

    @Test
    void shouldRejectPostOnlyThatWouldTake()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,POST_ONLY,100,5").thenEvents("REJECTED,10,POST_ONLY_WOULD_TAKE")
            .thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldRejectPostOnlySellThatWouldTake()
    {
        market().given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,SELL,LIMIT,POST_ONLY,99,5").thenEvents("REJECTED,10,POST_ONLY_WOULD_TAKE");
    }

    @Test
    void shouldJudgePostOnlyOnPriceEvenAgainstOwnOrder()
    {
        engine(engine.api.SelfTradePrevention.CANCEL_RESTING)
            .given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,10",
                "PLACE,1,1,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,POST_ONLY,100,1").thenEvents("REJECTED,10,POST_ONLY_WOULD_TAKE")
            .thenBook("BTC-USD", "SELL,100,20,2");
    }
}
