package engine.logic;

import static engine.logic.EngineFixture.engine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Cancel and amend: cancel. */
class CancelRulesTest
{
    /** BTC-USD; accounts 1 and 2 each hold 100000 USD and 100 BTC. */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD",
            "DEPOSIT,0,1,USD,100000", "DEPOSIT,0,1,BTC,100",
            "DEPOSIT,0,2,USD,100000", "DEPOSIT,0,2,BTC,100");
    }

    @Test
    void shouldCancelOwnOrderWithReasonUser()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("CANCEL,2,1,10").thenEvents("CANCELED,10,3,USER")
            .thenBookEmpty("BTC-USD").thenBalance(1, "USD", 100000, 0);
    }

    @Test
    void shouldReleaseBaseWhenSellIsCancelled()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,3")
            .when("CANCEL,2,1,10").thenBalance(1, "BTC", 100, 0);
    }

    @Test
    void shouldCancelOnlyTheOpenQuantity()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,5", "PLACE,2,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("CANCEL,3,1,10").thenEvents("CANCELED,10,3,USER").thenBalance(1, "BTC", 98, 0);
    }

    @Test
    void shouldRejectCancelOfAnotherAccountsOrderAndKeepIt()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("CANCEL,2,2,10").thenEvents("REJECTED,10,UNKNOWN_ORDER")
            .thenBook("BTC-USD", "BUY,100,10,3");
    }

    @Test
    void shouldAnswerForeignAndUnknownOrdersAlike()
    {
        final List<String> foreign = market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("CANCEL,2,2,10").events();
        final List<String> unknown = market().given("PLACE,1,1,11,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("CANCEL,2,2,10").events();
        assertThat(foreign).isEqualTo(unknown).containsExactly("7,REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectCancelOfUnknownOrder()
    {
        market().when("CANCEL,1,1,77").thenEvents("REJECTED,77,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectCancelFromUnknownAccountAsUnknownOrder()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("CANCEL,2,9,10").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectSecondCancel()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,3", "CANCEL,2,1,10")
            .when("CANCEL,3,1,10").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectCancelOfFilledOrder()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,2", "PLACE,2,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("CANCEL,3,1,10").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectCancelOfIocThatNeverRested()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,IOC,100,2")
            .when("CANCEL,2,1,10").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldLeaveOtherOrdersInPlaceWhenCancelling()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,1", "PLACE,1,1,11,BTC-USD,BUY,LIMIT,GTC,100,1",
                "PLACE,1,2,12,BTC-USD,BUY,LIMIT,GTC,100,1")
            .when("CANCEL,2,1,11").thenBook("BTC-USD", "BUY,100,10,1", "BUY,100,12,1");
    }
}
