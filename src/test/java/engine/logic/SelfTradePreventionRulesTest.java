package engine.logic;

import static engine.logic.EngineFixture.engine;

import engine.api.SelfTradePrevention;
import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Matching and Pinned details: self-trade prevention and FOK under each mode. */
class SelfTradePreventionRulesTest
{
    /** BTC-USD; accounts 1 and 2 each hold 100000 USD and 100 BTC. */
    private static EngineFixture market(final SelfTradePrevention stp)
    {
        return engine(stp).given("SYMBOL,0,BTC-USD,BTC,USD",
            "DEPOSIT,0,1,USD,100000", "DEPOSIT,0,1,BTC,100",
            "DEPOSIT,0,2,USD,100000", "DEPOSIT,0,2,BTC,100");
    }

    /** Asks: account 2's 20 at 100, account 1's own 11 at 100, account 2's 21 at 101 (1 lot each). */
    private static EngineFixture withOwnOrderInTheMiddle(final SelfTradePrevention stp)
    {
        return market(stp).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1",
            "PLACE,1,1,11,BTC-USD,SELL,LIMIT,GTC,100,1", "PLACE,1,2,21,BTC-USD,SELL,LIMIT,GTC,101,1");
    }

    @Test
    void shouldLetOwnOrdersMatchWhenStpIsNone()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.NONE).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,101,3")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY", "TRADE,BTC-USD,100,1,10,11,1,1,BUY",
                "TRADE,BTC-USD,101,1,10,21,1,2,BUY");
    }

    @Test
    void shouldCancelOwnRestingOrderAndGoOnMatchingUnderCancelResting()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_RESTING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,101,3")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY", "CANCELED,11,1,SELF_TRADE",
                "TRADE,BTC-USD,101,1,10,21,1,2,BUY")
            .thenBook("BTC-USD", "BUY,101,10,1").thenBalance(1, "BTC", 102, 0);
    }

    @Test
    void shouldCancelIncomingRemainderUnderCancelIncoming()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_INCOMING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,101,3")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY", "CANCELED,10,2,SELF_TRADE")
            .thenBook("BTC-USD", "SELL,100,11,1", "SELL,101,21,1").thenBalance(1, "USD", 99900, 0);
    }

    @Test
    void shouldCancelWholeIncomingIocWhenItsFirstMatchIsOwn()
    {
        market(SelfTradePrevention.CANCEL_INCOMING).given("PLACE,1,1,11,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,3").thenEvents("ACCEPTED,10", "CANCELED,10,3,SELF_TRADE");
    }

    @Test
    void shouldCancelOwnThenIncomingRemainderForMarketOrderUnderCancelResting()
    {
        market(SelfTradePrevention.CANCEL_RESTING).given("PLACE,1,1,11,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,3")
            .thenEvents("ACCEPTED,10", "CANCELED,11,1,SELF_TRADE", "CANCELED,10,3,IOC_REMAINDER")
            .thenBalance(1, "BTC", 100, 0);
    }

    @Test
    void shouldNotAffectOtherAccountsOrders()
    {
        market(SelfTradePrevention.CANCEL_RESTING).given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY");
    }

    @Test
    void shouldCountOwnOrdersAsFokLiquidityWhenStpIsNone()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.NONE).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,3")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY", "TRADE,BTC-USD,100,1,10,11,1,1,BUY",
                "TRADE,BTC-USD,101,1,10,21,1,2,BUY");
    }

    @Test
    void shouldNotCountOwnOrdersAsFokLiquidityUnderCancelResting()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_RESTING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,3")
            .thenEvents("REJECTED,10,FOK_NOT_FILLABLE").thenBook("BTC-USD", "SELL,100,20,1", "SELL,100,11,1",
                "SELL,101,21,1");
    }

    @Test
    void shouldCancelOwnOrdersPassedByAFillingFokUnderCancelResting()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_RESTING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,2")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY", "CANCELED,11,1,SELF_TRADE",
                "TRADE,BTC-USD,101,1,10,21,1,2,BUY")
            .thenBookEmpty("BTC-USD");
    }

    @Test
    void shouldKeepOwnOrdersBehindTheFillPointOfAFokUnderCancelResting()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_RESTING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY")
            .thenBook("BTC-USD", "SELL,100,11,1", "SELL,101,21,1");
    }

    @Test
    void shouldCountOnlyLiquidityAheadOfFirstOwnOrderForFokUnderCancelIncoming()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_INCOMING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,2")
            .thenEvents("REJECTED,10,FOK_NOT_FILLABLE");
    }

    @Test
    void shouldFillFokFromLiquidityAheadOfOwnOrderUnderCancelIncoming()
    {
        withOwnOrderInTheMiddle(SelfTradePrevention.CANCEL_INCOMING).when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,101,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY");
    }

    @Test
    void shouldRejectMarketFokWhoseBestOppositeIsOwnUnderCancelIncoming()
    {
        market(SelfTradePrevention.CANCEL_INCOMING).given("PLACE,1,2,10,BTC-USD,BUY,LIMIT,GTC,100,1",
                "PLACE,1,2,11,BTC-USD,BUY,LIMIT,GTC,99,5")
            .when("PLACE,2,2,20,BTC-USD,SELL,MARKET,FOK,,1").thenEvents("REJECTED,20,FOK_NOT_FILLABLE");
    }

    @Test
    void shouldNotCountOwnAsksForMarketFokBuyPayabilityUnderCancelResting()
    {
        // Matching would skip the own ask at 1 and take 2 lots at 100: 200 > 150.
        market(SelfTradePrevention.CANCEL_RESTING).given("DEPOSIT,0,3,USD,150", "DEPOSIT,0,3,BTC,1",
                "PLACE,1,3,31,BTC-USD,SELL,LIMIT,GTC,1,1", "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,3,30,BTC-USD,BUY,MARKET,FOK,,2").thenEvents("REJECTED,30,INSUFFICIENT_FUNDS")
            .when("DEPOSIT,3,3,USD,50")
            .when("PLACE,4,3,30,BTC-USD,BUY,MARKET,FOK,,2")
            .thenEvents("ACCEPTED,30", "CANCELED,31,1,SELF_TRADE", "TRADE,BTC-USD,100,2,30,20,3,2,BUY")
            .thenBalance(3, "USD", 0, 0).thenBalance(3, "BTC", 3, 0);
    }

    @Test
    void shouldTreatAmendedOrderAsIncomingUnderCancelIncoming()
    {
        market(SelfTradePrevention.CANCEL_INCOMING).given("PLACE,1,1,11,BTC-USD,SELL,LIMIT,GTC,101,1",
                "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,101,")
            .thenEvents("AMENDED,10,101,2", "CANCELED,10,2,SELF_TRADE")
            .thenBook("BTC-USD", "SELL,101,11,1").thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldCancelOwnMakerMetByAmendedOrderUnderCancelResting()
    {
        market(SelfTradePrevention.CANCEL_RESTING).given("PLACE,1,1,11,BTC-USD,SELL,LIMIT,GTC,101,1",
                "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,101,")
            .thenEvents("AMENDED,10,101,2", "CANCELED,11,1,SELF_TRADE")
            .thenBook("BTC-USD", "BUY,101,10,2");
    }
}
