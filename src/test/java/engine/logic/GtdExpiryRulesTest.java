package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Commands: GTD orders expire before any command at or after their expiry. */
class GtdExpiryRulesTest
{
    /** BTC-USD; accounts 1 and 2 each hold 100000 USD and 100 BTC (commands 1 to 5). */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD",
            "DEPOSIT,0,1,USD,100000", "DEPOSIT,0,1,BTC,100",
            "DEPOSIT,0,2,USD,100000", "DEPOSIT,0,2,BTC,100");
    }

    @Test
    void shouldExpireOnTickAtExpiry()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3")
            .when("TICK,5").thenSequencedEvents("7,CANCELED,10,3,EXPIRED")
            .thenBookEmpty("BTC-USD").thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldExpireOnTickAfterExpiry()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3")
            .when("TICK,9").thenEvents("CANCELED,10,3,EXPIRED");
    }

    @Test
    void shouldNotExpireBeforeExpiry()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3")
            .when("TICK,4").thenNoEvents().thenBook("BTC-USD", "BUY,100,10,3");
    }

    @Test
    void shouldYieldNoEventsForTickThatExpiresNothing()
    {
        market().when("TICK,100").thenNoEvents();
    }

    @Test
    void shouldExpireBeforeTheCommandsOwnEventsWithItsSeq()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTD:5,100,3")
            .when("PLACE,5,2,20,BTC-USD,BUY,LIMIT,GTC,100,1")
            .thenSequencedEvents("7,CANCELED,10,3,EXPIRED", "7,ACCEPTED,20").thenBook("BTC-USD", "BUY,100,20,1");
    }

    @Test
    void shouldExpireBeforeARejectedCommand()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTD:5,100,3")
            .when("PLACE,5,9,20,BTC-USD,BUY,LIMIT,GTC,100,1")
            .thenEvents("CANCELED,10,3,EXPIRED", "REJECTED,20,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldExpireInOrderOfExpiryThenOrderId()
    {
        market().given("PLACE,1,1,304,BTC-USD,BUY,LIMIT,GTD:10,100,1", "PLACE,1,1,303,BTC-USD,BUY,LIMIT,GTD:10,99,1",
                "PLACE,1,2,1000,BTC-USD,BUY,LIMIT,GTD:8,98,1", "PLACE,1,2,1,BTC-USD,BUY,LIMIT,GTD:11,97,1")
            .when("TICK,10")
            .thenEvents("CANCELED,1000,1,EXPIRED", "CANCELED,303,1,EXPIRED", "CANCELED,304,1,EXPIRED")
            .thenBook("BTC-USD", "BUY,97,1,1");
    }

    @Test
    void shouldFreeExpiredIdForTheSameCommand()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3")
            .when("PLACE,5,2,10,BTC-USD,BUY,LIMIT,GTC,90,1")
            .thenEvents("CANCELED,10,3,EXPIRED", "ACCEPTED,10");
    }

    @Test
    void shouldExpireOnlyTheOpenRemainder()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTD:5,100,5", "PLACE,2,2,20,BTC-USD,BUY,LIMIT,IOC,100,2")
            .when("TICK,5").thenEvents("CANCELED,10,3,EXPIRED").thenBalance(1, "BTC", 98, 0);
    }

    @Test
    void shouldAnswerCancelAtExpiryWithExpiryThenUnknownOrder()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3")
            .when("CANCEL,5,1,10").thenEvents("CANCELED,10,3,EXPIRED", "REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldKeepExpiryWhenAmendKeepsPlace()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3", "AMEND,2,1,10,,2")
            .when("TICK,5").thenEvents("CANCELED,10,2,EXPIRED");
    }

    @Test
    void shouldKeepExpiryWhenAmendLosesPlace()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,3", "AMEND,2,1,10,99,6")
            .when("TICK,5").thenEvents("CANCELED,10,6,EXPIRED").thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldNotExpireGtcOrders()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("TICK,1000000").thenNoEvents().thenBook("BTC-USD", "BUY,100,10,3");
    }

    @Test
    void shouldExpireManyOrdersInExpiryThenIdOrder()
    {
        final EngineFixture engine = market();
        final String[] expected = new String[200];
        for (int i = 0; i < 200; i++)
        {
            // ids 1000..1199, expiries 10 + (id * 37) % 50: many ties and a scrambled order.
            final int id = 1000 + i;
            engine.given("PLACE,1,1," + id + ",BTC-USD,BUY,LIMIT,GTD:" + (10 + (id * 37) % 50) + ",1,1");
        }
        final java.util.List<int[]> byExpiry = new java.util.ArrayList<>();
        for (int id = 1000; id < 1200; id++)
        {
            byExpiry.add(new int[] {10 + (id * 37) % 50, id});
        }
        byExpiry.sort(java.util.Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
        for (int i = 0; i < 200; i++)
        {
            expected[i] = "CANCELED," + byExpiry.get(i)[1] + ",1,EXPIRED";
        }
        engine.given("CANCEL,2,1,1001", "CANCEL,2,1,1100").when("TICK,100");
        final java.util.List<String> withoutCancelled = new java.util.ArrayList<>(java.util.List.of(expected));
        withoutCancelled.remove("CANCELED,1001,1,EXPIRED");
        withoutCancelled.remove("CANCELED,1100,1,EXPIRED");
        engine.thenEvents(withoutCancelled.toArray(String[]::new)).thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldNeverExpireAtTheLastTime()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:" + Long.MAX_VALUE + ",100,3")
            .when("TICK," + (Long.MAX_VALUE - 1)).thenNoEvents()
            .when("TICK," + Long.MAX_VALUE).thenEvents("CANCELED,10,3,EXPIRED");
    }
}
