package engine.logic;

import static engine.logic.EngineFixture.engine;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Orders: each validation failure, and the order the checks run in. */
class ValidationRulesTest
{
    /** BTC-USD; account 1 holds 1000 USD and 10 BTC, account 2 holds 1000 USD. */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,10",
            "DEPOSIT,0,2,USD,1000");
    }

    @Test
    void shouldRejectOrderOnUnknownSymbol()
    {
        market().when("PLACE,1,1,10,ETH-USD,BUY,LIMIT,GTC,100,1").thenEvents("REJECTED,10,UNKNOWN_SYMBOL");
    }

    @Test
    void shouldTreatSymbolsAsCaseSensitive()
    {
        market().when("PLACE,1,1,10,btc-usd,BUY,LIMIT,GTC,100,1").thenEvents("REJECTED,10,UNKNOWN_SYMBOL");
    }

    @Test
    void shouldRejectOrderFromAccountWithoutDeposit()
    {
        market().when("PLACE,1,9,10,BTC-USD,BUY,LIMIT,GTC,100,1").thenEvents("REJECTED,10,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldKeepAccountUnknownWhenItsOnlyDepositWasRejected()
    {
        market().given("DEPOSIT,0,9,USD,0")
            .when("PLACE,1,9,10,BTC-USD,BUY,LIMIT,GTC,100,1").thenEvents("REJECTED,10,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldRejectZeroQty()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,0").thenEvents("REJECTED,10,INVALID_QTY");
    }

    @Test
    void shouldRejectNegativeQty()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,IOC,,-3").thenEvents("REJECTED,10,INVALID_QTY");
    }

    @Test
    void shouldRejectLimitOrderWithoutPrice()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,,1").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectZeroLimitPrice()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,0,1").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectNegativeLimitPrice()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,-1,1").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectMarketOrderWithPrice()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,IOC,100,1").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectMarketOrderThatIsGtc()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,GTC,,1").thenEvents("REJECTED,10,INVALID_TIF");
    }

    @Test
    void shouldRejectMarketOrderThatIsPostOnly()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,POST_ONLY,,1").thenEvents("REJECTED,10,INVALID_TIF");
    }

    @Test
    void shouldRejectMarketOrderThatIsGtd()
    {
        market().when("PLACE,1,1,10,BTC-USD,SELL,MARKET,GTD:50,,1").thenEvents("REJECTED,10,INVALID_TIF");
    }

    @Test
    void shouldRejectGtdExpiringAtTheCommandTime()
    {
        market().when("PLACE,5,1,10,BTC-USD,BUY,LIMIT,GTD:5,100,1").thenEvents("REJECTED,10,INVALID_TIF");
    }

    @Test
    void shouldRejectGtdExpiringBeforeTheCommandTime()
    {
        market().when("PLACE,5,1,10,BTC-USD,BUY,LIMIT,GTD:-5,100,1").thenEvents("REJECTED,10,INVALID_TIF");
    }

    @Test
    void shouldRejectIdOfAnOpenOrderEvenFromAnotherAccount()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .when("PLACE,2,2,10,BTC-USD,BUY,LIMIT,GTC,90,1").thenEvents("REJECTED,10,DUPLICATE_ORDER_ID")
            .thenBook("BTC-USD", "BUY,100,10,1");
    }

    @Test
    void shouldAcceptIdOfAnOrderThatIsDone()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,1", "CANCEL,2,1,10")
            .when("PLACE,3,2,10,BTC-USD,BUY,LIMIT,GTC,90,1").thenEvents("ACCEPTED,10");
    }

    @Test
    void shouldRejectOrderWhenFundsShort()
    {
        market().when("PLACE,1,2,10,BTC-USD,BUY,LIMIT,GTC,101,10").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldRejectSellOfAnAssetNeverHeld()
    {
        market().when("PLACE,1,2,10,BTC-USD,SELL,LIMIT,GTC,100,1").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldLeaveNoTraceOfARejectedOrder()
    {
        final EngineFixture engine = market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,2");
        final long hash = engine.stateHash();
        engine.when("PLACE,1,2,11,BTC-USD,SELL,LIMIT,GTC,100,1").thenEvents("REJECTED,11,INSUFFICIENT_FUNDS")
            .thenBook("BTC-USD", "BUY,100,10,2").thenBalance(2, "USD", 1000, 0);
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldCheckUnknownSymbolBeforeUnknownAccount()
    {
        market().when("PLACE,1,9,10,ETH-USD,BUY,LIMIT,GTC,0,0").thenEvents("REJECTED,10,UNKNOWN_SYMBOL");
    }

    @Test
    void shouldCheckUnknownAccountBeforeQty()
    {
        market().when("PLACE,1,9,10,BTC-USD,BUY,LIMIT,GTC,0,0").thenEvents("REJECTED,10,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldCheckQtyBeforePrice()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,0,0").thenEvents("REJECTED,10,INVALID_QTY");
    }

    @Test
    void shouldCheckPriceBeforeTif()
    {
        market().when("PLACE,1,1,10,BTC-USD,BUY,MARKET,GTC,100,1").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldCheckTifBeforeDuplicateId()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:1,100,1").thenEvents("REJECTED,10,INVALID_TIF");
    }

    @Test
    void shouldCheckDuplicateIdBeforeFunds()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,1")
            .when("PLACE,1,2,10,BTC-USD,BUY,LIMIT,GTC,100,1000").thenEvents("REJECTED,10,DUPLICATE_ORDER_ID");
    }

    @Test
    void shouldCheckFundsBeforeFillability()
    {
        market().when("PLACE,1,2,10,BTC-USD,BUY,LIMIT,FOK,100,11").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldCheckFundsBeforePostOnlyCrossing()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,1")
            .when("PLACE,1,2,11,BTC-USD,BUY,LIMIT,POST_ONLY,100,11").thenEvents("REJECTED,11,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldAcceptZeroAndNegativeOrderIdsAsOrdinaryValues()
    {
        market().given("PLACE,1,1,0,BTC-USD,BUY,LIMIT,GTC,100,1", "PLACE,1,1,-1,BTC-USD,BUY,LIMIT,GTC,99,1",
                "PLACE,1,1," + Long.MIN_VALUE + ",BTC-USD,BUY,LIMIT,GTC,98,1")
            .thenBook("BTC-USD", "BUY,100,0,1", "BUY,99,-1,1", "BUY,98," + Long.MIN_VALUE + ",1")
            .when("PLACE,1,2,0,BTC-USD,BUY,LIMIT,GTC,90,1").thenEvents("REJECTED,0,DUPLICATE_ORDER_ID")
            .when("CANCEL,2,1,0").thenEvents("CANCELED,0,1,USER")
            .when("CANCEL,2,1," + Long.MIN_VALUE).thenEvents("CANCELED," + Long.MIN_VALUE + ",1,USER");
    }

    @Test
    void shouldAcceptZeroAndNegativeAccountsAsOrdinaryValues()
    {
        market().given("DEPOSIT,0,0,USD,100", "DEPOSIT,0,-7,BTC,1")
            .when("PLACE,1,0,10,BTC-USD,BUY,LIMIT,GTC,100,1").thenEvents("ACCEPTED,10")
            .when("PLACE,1,-7,11,BTC-USD,SELL,LIMIT,GTC,100,1").thenEvents("ACCEPTED,11", "TRADE,BTC-USD,100,1,11,10,-7,0,SELL")
            .thenBalance(0, "BTC", 1, 0).thenBalance(-7, "USD", 100, 0);
    }
}
