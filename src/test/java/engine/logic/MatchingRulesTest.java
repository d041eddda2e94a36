package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Matching: price-time priority, maker price, sweeping, an uncrossed book. */
class MatchingRulesTest
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
    void shouldMatchBestPriceFirst()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,101,1", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,101,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,30,1,3,BUY")
            .thenBook("BTC-USD", "SELL,101,20,1");
    }

    @Test
    void shouldMatchOldestFirstWithinAPrice()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY")
            .thenBook("BTC-USD", "SELL,100,30,1");
    }

    @Test
    void shouldTradeAtMakerPriceForBuyTaker()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,105,2")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY");
    }

    @Test
    void shouldTradeAtMakerPriceForSellTaker()
    {
        market().given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("PLACE,2,1,10,BTC-USD,SELL,LIMIT,GTC,95,2")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,SELL")
            .thenBalance(1, "USD", 100200, 0).thenBalance(2, "BTC", 102, 0);
    }

    @Test
    void shouldTradeMinOfTakerLeftAndMakerLeft()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,3")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,3,10,20,1,2,BUY")
            .thenBook("BTC-USD", "SELL,100,20,2");
    }

    @Test
    void shouldSweepSeveralLevelsAndRestTheRemainder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,3",
                "PLACE,1,2,21,BTC-USD,SELL,LIMIT,GTC,102,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,101,10")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,BUY", "TRADE,BTC-USD,101,3,10,30,1,3,BUY")
            .thenBook("BTC-USD", "BUY,101,10,5", "SELL,102,21,5");
    }

    @Test
    void shouldSweepBidsForSellTaker()
    {
        market().given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2", "PLACE,1,3,30,BTC-USD,BUY,LIMIT,GTC,99,3",
                "PLACE,1,2,21,BTC-USD,BUY,LIMIT,GTC,98,5")
            .when("PLACE,2,1,10,BTC-USD,SELL,LIMIT,GTC,98,6")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,2,10,20,1,2,SELL", "TRADE,BTC-USD,99,3,10,30,1,3,SELL",
                "TRADE,BTC-USD,98,1,10,21,1,2,SELL")
            .thenBook("BTC-USD", "BUY,98,21,4");
    }

    @Test
    void shouldRestWithoutTradingWhenNotCrossing()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,101,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,1").thenEvents("ACCEPTED,10")
            .thenBook("BTC-USD", "BUY,100,10,1", "SELL,101,20,1");
    }

    @Test
    void shouldCrossWhenBuyPriceEqualsBestAsk()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .thenEvents("ACCEPTED,10", "TRADE,BTC-USD,100,1,10,20,1,2,BUY").thenBookEmpty("BTC-USD");
    }

    @Test
    void shouldListBookBestFirstAndOldestFirst()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,98,1", "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,99,1",
                "PLACE,1,3,30,BTC-USD,BUY,LIMIT,GTC,98,1", "PLACE,1,1,11,BTC-USD,SELL,LIMIT,GTC,103,1",
                "PLACE,1,2,21,BTC-USD,SELL,LIMIT,GTC,102,1")
            .thenBook("BTC-USD", "BUY,99,20,1", "BUY,98,10,1", "BUY,98,30,1", "SELL,102,21,1", "SELL,103,11,1");
    }

    @Test
    void shouldKeepBooksOfDifferentSymbolsApart()
    {
        market().given("SYMBOL,0,ETH-USD,ETH,USD", "DEPOSIT,0,2,ETH,10",
                "PLACE,1,2,20,ETH-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,100,1").thenEvents("ACCEPTED,10")
            .thenBook("BTC-USD", "BUY,100,10,1").thenBook("ETH-USD", "SELL,100,20,1");
    }

    @Test
    void shouldMoveBaseAndQuoteOnTrade()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,250,4")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,250,4")
            .thenBalance(1, "USD", 99000, 0).thenBalance(1, "BTC", 104, 0)
            .thenBalance(2, "USD", 101000, 0).thenBalance(2, "BTC", 96, 0);
    }

    @Test
    void shouldSweepADeepBookInPriceOrder()
    {
        final EngineFixture engine = market().given("DEPOSIT,0,1,USD,1000000", "DEPOSIT,0,2,BTC,1000", "DEPOSIT,0,3,BTC,1000");
        final String[] expected = new String[301];
        expected[0] = "ACCEPTED,10";
        for (int i = 0; i < 300; i++)
        {
            // Placed in a scrambled price order: 1000 + (i * 7) % 300.
            final int price = 1000 + (i * 7) % 300;
            engine.given("PLACE,1," + (2 + i % 2) + "," + (100 + price) + ",BTC-USD,SELL,LIMIT,GTC," + price + ",1");
        }
        for (int rank = 0; rank < 300; rank++)
        {
            final int price = 1000 + rank;
            final int maker = 100 + price;
            final int placedAt = (rank * 43) % 300; // 7 * 43 = 301 = 1 (mod 300)
            expected[rank + 1] = "TRADE,BTC-USD," + price + ",1,10," + maker + ",1," + (2 + placedAt % 2) + ",BUY";
        }
        engine.when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,1299,300").thenEvents(expected).thenBookEmpty("BTC-USD");
    }
}
