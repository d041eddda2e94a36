package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Numbers: scales, and overflow that is rejected, never wrapped. */
class ScalesAndOverflowRulesTest
{
    private static final long MAX = Long.MAX_VALUE;

    /** XAU.EUR with baseScale 100, quoteScale 10; account 1 holds 10000 EUR, account 2 holds 1000 XAU. */
    private static EngineFixture scaled()
    {
        return engine().given("SYMBOL,0,XAU.EUR,XAU,EUR,100,10", "DEPOSIT,0,1,EUR,10000", "DEPOSIT,0,2,XAU,1000");
    }

    /** BTC-USD with scales 1; account 1 holds 3 BTC and 1000 USD. */
    private static EngineFixture unscaled()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,BTC,3", "DEPOSIT,0,1,USD,1000");
    }

    @Test
    void shouldReservePriceTimesQtyTimesQuoteScaleForBuy()
    {
        scaled().when("PLACE,1,1,10,XAU.EUR,BUY,LIMIT,GTC,50,5").thenBalance(1, "EUR", 7500, 2500);
    }

    @Test
    void shouldReserveQtyTimesBaseScaleForSell()
    {
        scaled().when("PLACE,1,2,20,XAU.EUR,SELL,LIMIT,GTC,50,3").thenBalance(2, "XAU", 700, 300);
    }

    @Test
    void shouldMoveScaledAmountsOnTrade()
    {
        scaled().given("PLACE,1,1,10,XAU.EUR,BUY,LIMIT,GTC,50,5")
            .when("PLACE,2,2,20,XAU.EUR,SELL,LIMIT,GTC,50,3")
            .thenEvents("ACCEPTED,20", "TRADE,XAU.EUR,50,3,20,10,2,1,SELL")
            .thenBalance(1, "EUR", 7500, 1000).thenBalance(1, "XAU", 300, 0)
            .thenBalance(2, "EUR", 1500, 0).thenBalance(2, "XAU", 700, 0);
    }

    @Test
    void shouldReleaseScaledPriceImprovement()
    {
        // reserve 60*3*10 = 1800; fill at 50 costs 1500, 300 comes back.
        scaled().given("PLACE,1,2,20,XAU.EUR,SELL,LIMIT,GTC,50,3")
            .when("PLACE,2,1,10,XAU.EUR,BUY,LIMIT,GTC,60,3").thenBalance(1, "EUR", 8500, 0);
    }

    @Test
    void shouldFloorMarketBuyOnPricePerLotTimesQuoteScale()
    {
        // A lot at 50 costs 500: 1234 pays for 2.
        engine().given("SYMBOL,0,XAU.EUR,XAU,EUR,100,10", "DEPOSIT,0,1,EUR,1234", "DEPOSIT,0,2,XAU,1000",
                "PLACE,1,2,20,XAU.EUR,SELL,LIMIT,GTC,50,5")
            .when("PLACE,2,1,10,XAU.EUR,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "TRADE,XAU.EUR,50,2,10,20,1,2,BUY", "CANCELED,10,3,INSUFFICIENT_FUNDS")
            .thenBalance(1, "EUR", 234, 0).thenBalance(1, "XAU", 200, 0);
    }

    @Test
    void shouldRejectLimitQtyWhoseBaseAmountOverflows()
    {
        scaled().when("PLACE,1,2,20,XAU.EUR,SELL,LIMIT,GTC,1," + (MAX / 100 + 1)).thenEvents("REJECTED,20,INVALID_QTY");
    }

    @Test
    void shouldRejectMarketQtyWhoseBaseAmountOverflows()
    {
        scaled().when("PLACE,1,1,10,XAU.EUR,BUY,MARKET,IOC,," + (MAX / 100 + 1)).thenEvents("REJECTED,10,INVALID_QTY");
    }

    @Test
    void shouldAcceptLargestQtyWhoseBaseAmountFits()
    {
        scaled().when("PLACE,1,2,20,XAU.EUR,SELL,MARKET,IOC,," + MAX / 100).thenEvents("REJECTED,20,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldRejectBuyWhoseNotionalOverflows()
    {
        unscaled().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,4294967296,4294967296").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectSellWhoseNotionalOverflows()
    {
        unscaled().when("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC," + MAX + ",2").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectNotionalThatOverflowsOnlyByQuoteScale()
    {
        // 10^9 * 10^9 fits a long, times quoteScale 10 does not.
        scaled().when("PLACE,1,2,20,XAU.EUR,SELL,LIMIT,GTC,1000000000,1000000000").thenEvents("REJECTED,20,INVALID_PRICE");
    }

    @Test
    void shouldAcceptSellWhoseNotionalJustFits()
    {
        unscaled().when("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC," + MAX + ",1").thenEvents("ACCEPTED,10")
            .thenBook("BTC-USD", "SELL," + MAX + ",10,1");
    }

    @Test
    void shouldRejectAmendWhoseNewTotalBaseAmountOverflows()
    {
        scaled().given("PLACE,1,2,20,XAU.EUR,SELL,LIMIT,GTC,1,3")
            .when("AMEND,2,2,20,," + (MAX / 100 + 1)).thenEvents("REJECTED,20,INVALID_QTY")
            .thenBook("XAU.EUR", "SELL,1,20,3");
    }

    @Test
    void shouldRejectAmendWhoseNewPriceOverflowsNotional()
    {
        unscaled().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10," + MAX + ",").thenEvents("REJECTED,10,INVALID_PRICE")
            .thenBook("BTC-USD", "SELL,100,10,2");
    }

    @Test
    void shouldRejectAmendWhoseNewQtyOverflowsNotionalAsInvalidPrice()
    {
        unscaled().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC," + MAX / 2 + ",1")
            .when("AMEND,2,1,10,,3").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectBuyAmendWhoseNotionalOverflows()
    {
        unscaled().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,4294967296,4294967296").thenEvents("REJECTED,10,INVALID_PRICE")
            .thenBalance(1, "USD", 800, 200);
    }

    @Test
    void shouldRejectDepositBeyondLongRange()
    {
        engine().given("DEPOSIT,0,1,USD," + MAX).when("DEPOSIT,1,1,USD,1").thenEvents("REJECTED,,INVALID_AMOUNT")
            .thenBalance(1, "USD", MAX, 0);
    }

    @Test
    void shouldCountReservedFundsInDepositLimit()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD," + MAX, "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,1,1")
            .when("DEPOSIT,2,1,USD,1").thenEvents("REJECTED,,INVALID_AMOUNT").thenBalance(1, "USD", MAX - 1, 1);
    }

    @Test
    void shouldAcceptDepositUpToLongMax()
    {
        engine().given("DEPOSIT,0,1,USD," + (MAX - 1)).when("DEPOSIT,1,1,USD,1").thenEvents("DEPOSITED,1,USD,1")
            .thenBalance(1, "USD", MAX, 0);
    }

    @Test
    void shouldCountLiquidityOfAHugeLevelWithoutWrappingForFok()
    {
        // Two resting sells of Long.MAX_VALUE lots at one price: the level holds more than a long.
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,10", "DEPOSIT,0,2,BTC," + MAX,
                "DEPOSIT,0,3,BTC," + MAX, "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,1," + MAX,
                "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,1," + MAX)
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,1,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,1,1,10,20,1,2,BUY");
    }

    @Test
    void shouldCountHugeLiquidityWithoutWrappingForFokUnderSelfTradePrevention()
    {
        // Under STP the fillable quantity is summed order by order: MAX - 1 + MAX must not wrap.
        engine(engine.api.SelfTradePrevention.CANCEL_RESTING)
            .given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD," + MAX, "DEPOSIT,0,2,BTC," + MAX,
                "DEPOSIT,0,3,BTC," + MAX, "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,1," + (MAX - 1),
                "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,1," + MAX)
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,1," + MAX)
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,1," + (MAX - 1) + ",10,20,1,2,BUY",
                "TRADE,BTC-USD,1,1,10,30,1,3,BUY");
    }
}
