package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Events: which events a command yields, in which order, with which seq. */
class EventOrderRulesTest
{
    /** BTC-USD; accounts 1, 2 and 3 each hold 100000 USD and 100 BTC (commands 1 to 7). */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD",
            "DEPOSIT,0,1,USD,100000", "DEPOSIT,0,1,BTC,100",
            "DEPOSIT,0,2,USD,100000", "DEPOSIT,0,2,BTC,100",
            "DEPOSIT,0,3,USD,100000", "DEPOSIT,0,3,BTC,100");
    }

    @Test
    void shouldEmitAcceptedThenTradesThenCanceledRemainder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,101,5")
            .thenSequencedEvents("10,ACCEPTED,10", "10,TRADE,BTC-USD,100,1,10,20,1,2,BUY",
                "10,TRADE,BTC-USD,101,1,10,30,1,3,BUY", "10,CANCELED,10,3,IOC_REMAINDER");
    }

    @Test
    void shouldEmitOnlyRejectedForARejectedOrder()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,FOK,100,5").thenSequencedEvents("9,REJECTED,10,FOK_NOT_FILLABLE");
    }

    @Test
    void shouldEmitExpiriesFirstThenTheCommandsOwnEventsAllWithItsSeq()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTD:5,100,1", "PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,1",
                "PLACE,1,3,31,BTC-USD,SELL,LIMIT,GTD:4,102,1")
            .when("PLACE,5,1,10,BTC-USD,BUY,LIMIT,GTC,102,2")
            .thenSequencedEvents("11,CANCELED,31,1,EXPIRED", "11,CANCELED,20,1,EXPIRED", "11,ACCEPTED,10",
                "11,TRADE,BTC-USD,101,1,10,30,1,3,BUY")
            .thenBook("BTC-USD", "BUY,102,10,1");
    }

    @Test
    void shouldEmitAmendedBeforeTheTradesItMakes()
    {
        market().given("PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,101,1", "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .when("AMEND,2,1,10,101,").thenSequencedEvents("10,AMENDED,10,101,1", "10,TRADE,BTC-USD,101,1,10,20,1,2,BUY");
    }

    @Test
    void shouldEmitMarketBuyFundsCancelAfterItsTrades()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,150", "DEPOSIT,0,2,BTC,10",
                "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5")
            .when("PLACE,2,1,10,BTC-USD,BUY,MARKET,IOC,,5")
            .thenSequencedEvents("5,ACCEPTED,10", "5,TRADE,BTC-USD,100,1,10,20,1,2,BUY",
                "5,CANCELED,10,4,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldEmitOneEventPerTransferAndSymbol()
    {
        engine().when("SYMBOL,0,BTC-USD,BTC,USD").thenSequencedEvents("1,SYMBOL_ADDED,BTC-USD")
            .when("DEPOSIT,0,1,USD,5").thenSequencedEvents("2,DEPOSITED,1,USD,5")
            .when("WITHDRAW,0,1,USD,5").thenSequencedEvents("3,WITHDRAWN,1,USD,5");
    }

    @Test
    void shouldUseASeqForATickThatYieldsNothing()
    {
        market().given("TICK,1").when("DEPOSIT,1,1,USD,1").thenSequencedEvents("9,DEPOSITED,1,USD,1");
    }
}
