package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Reservation (pre-trade risk). */
class ReservationRulesTest
{
    /** BTC-USD; accounts 1 and 2 each hold 1000 USD and 10 BTC. */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,10",
            "DEPOSIT,0,2,USD,1000", "DEPOSIT,0,2,BTC,10");
    }

    @Test
    void shouldReservePriceTimesQtyOfQuoteForLimitBuy()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,4").thenEvents("ACCEPTED,10")
            .thenBalance(1, "USD", 600, 400).thenBalance(1, "BTC", 10, 0);
    }

    @Test
    void shouldReserveQtyOfBaseForLimitSell()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,4").thenEvents("ACCEPTED,10")
            .thenBalance(1, "BTC", 6, 4).thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldAcceptReservationThatExactlyFitsAvailable()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,10").thenEvents("ACCEPTED,10")
            .thenBalance(1, "USD", 0, 1000);
    }

    @Test
    void shouldRejectReservationOneUnitShort()
    {
        market().given("WITHDRAW,0,1,USD,1")
            .when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,10").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 999, 0);
    }

    @Test
    void shouldNotCountReservedFundsAsAvailable()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,6")
            .when("PLACE,2,1,11,BTC-USD,BUY,LIMIT,GTC,100,5").thenEvents("REJECTED,11,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldReserveBaseForMarketSellAndReleaseItsRemainder()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,IOC,,4")
            .thenEvents("ACCEPTED,10", "CANCELED,10,4,IOC_REMAINDER").thenBalance(1, "BTC", 10, 0);
    }

    @Test
    void shouldRejectMarketSellWhenBaseShort()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,IOC,,11").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldReserveNothingUpFrontForMarketBuy()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,BTC,1", "DEPOSIT,0,2,BTC,10",
                "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenEvents("ACCEPTED,10", "CANCELED,10,5,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 0, 0).thenBook("BTC-USD", "SELL,100,20,5");
    }

    @Test
    void shouldReleasePriceImprovementAtOnce()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,110,5")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,5,10,20,1,2,BUY")
            .thenBalance(1, "USD", 500, 0).thenBalance(1, "BTC", 15, 0)
            .thenBalance(2, "USD", 1500, 0).thenBalance(2, "BTC", 5, 0);
    }

    @Test
    void shouldKeepLimitReservationForRestingRemainderAfterImprovement()
    {
        // reserve 110*8 = 880; 5 fill at 100: 550 leaves reserved, 50 comes back; 3*110 = 330 stays.
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,110,8")
            .thenBalance(1, "USD", 170, 330).thenBook("BTC-USD", "BUY,110,10,3");
    }

    @Test
    void shouldReleaseReservationOnCancel()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,4")
            .when("CANCEL,2,1,10").thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldReleaseReservationOnExpiry()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTD:5,100,4")
            .when("TICK,5").thenBalance(1, "BTC", 10, 0);
    }

    @Test
    void shouldReleaseReservationOfIocRemainder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,4")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY", "CANCELED,10,3,IOC_REMAINDER")
            .thenBalance(1, "USD", 900, 0);
    }

    @Test
    void shouldNotLetReservedFundsBeWithdrawn()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,4")
            .when("WITHDRAW,2,1,USD,601").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .when("WITHDRAW,2,1,USD,600").thenEvents("WITHDRAWN,1,USD,600").thenBalance(1, "USD", 0, 400);
    }

    @Test
    void shouldPaySellerFromReservedBaseOnTrade()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,4")
            .when("PLACE,2,2,20,BTC-USD,BUY,LIMIT,GTC,100,3")
            .thenBalance(1, "BTC", 6, 1).thenBalance(1, "USD", 1300, 0)
            .thenBalance(2, "BTC", 13, 0).thenBalance(2, "USD", 700, 0);
    }
}
