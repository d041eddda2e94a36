package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Cancel and amend (FIX cancel/replace) and the amend check order. */
class AmendRulesTest
{
    /** BTC-USD; accounts 1, 2 and 3 each hold 1000 USD and 100 BTC. */
    private static EngineFixture market()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD",
            "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,1,BTC,100",
            "DEPOSIT,0,2,USD,1000", "DEPOSIT,0,2,BTC,100",
            "DEPOSIT,0,3,USD,1000", "DEPOSIT,0,3,BTC,100");
    }

    /** Bids at 100: account 1's 10 (5 lots), then account 2's 20 (5 lots). */
    private static EngineFixture twoBids()
    {
        return market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,5");
    }

    @Test
    void shouldKeepPriorityWhenSamePriceAndSmallerQty()
    {
        twoBids().when("AMEND,2,1,10,,3").thenEvents("AMENDED,10,100,3")
            .thenBook("BTC-USD", "BUY,100,10,3", "BUY,100,20,5").thenBalance(1, "USD", 700, 300)
            .when("PLACE,3,3,30,BTC-USD,SELL,LIMIT,GTC,100,1")
            .thenEvents("ACCEPTED,30", "TRADE,BTC-USD,100,1,30,10,3,1,SELL");
    }

    @Test
    void shouldTreatExplicitSamePriceAsUnchanged()
    {
        twoBids().when("AMEND,2,1,10,100,3").thenEvents("AMENDED,10,100,3")
            .thenBook("BTC-USD", "BUY,100,10,3", "BUY,100,20,5");
    }

    @Test
    void shouldLosePriorityWhenQtyGrows()
    {
        twoBids().when("AMEND,2,1,10,,6").thenEvents("AMENDED,10,100,6")
            .thenBook("BTC-USD", "BUY,100,20,5", "BUY,100,10,6").thenBalance(1, "USD", 400, 600);
    }

    @Test
    void shouldLosePriorityWhenPriceChangesEvenWithSmallerQty()
    {
        market().given("PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,99,5", "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5")
            .when("AMEND,2,1,10,99,3").thenEvents("AMENDED,10,99,3")
            .thenBook("BTC-USD", "BUY,99,20,5", "BUY,99,10,3").thenBalance(1, "USD", 703, 297);
    }

    @Test
    void shouldLosePriorityWhenPriceChangesToEmptyLevel()
    {
        twoBids().when("AMEND,2,1,10,101,5").thenEvents("AMENDED,10,101,5")
            .thenBook("BTC-USD", "BUY,101,10,5", "BUY,100,20,5");
    }

    @Test
    void shouldTradeAfterAmendedWhenNewPriceCrosses()
    {
        market().given("PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,2", "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5")
            .when("AMEND,2,1,10,103,")
            .thenEvents("AMENDED,10,103,5", "TRADE,BTC-USD,101,2,10,30,1,3,BUY")
            .thenBook("BTC-USD", "BUY,103,10,3")
            // reserved 103*5 = 515, then 2 filled at 101: 206 leaves reserved, 4 comes back.
            .thenBalance(1, "USD", 489, 309).thenBalance(1, "BTC", 102, 0);
    }

    @Test
    void shouldCountFilledLotsInNewTotalQty()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,,4").thenEvents("AMENDED,10,100,2").thenBalance(1, "BTC", 96, 2);
    }

    @Test
    void shouldCancelWithAmendedToZeroWhenNewTotalEqualsFilled()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,,2").thenEvents("CANCELED,10,3,AMENDED_TO_ZERO")
            .thenBookEmpty("BTC-USD").thenBalance(1, "BTC", 98, 0);
    }

    @Test
    void shouldCancelWithAmendedToZeroWhenNewTotalBelowFilled()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,3")
            .when("AMEND,2,1,10,,1").thenEvents("CANCELED,10,2,AMENDED_TO_ZERO");
    }

    @Test
    void shouldRejectAmendThatCannotBePaidAndKeepTheOrder()
    {
        twoBids().when("AMEND,2,1,10,,11").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS")
            .thenBook("BTC-USD", "BUY,100,10,5", "BUY,100,20,5").thenBalance(1, "USD", 500, 500);
    }

    @Test
    void shouldAcceptAmendWhoseExtraReservationExactlyFits()
    {
        twoBids().when("AMEND,2,1,10,,10").thenEvents("AMENDED,10,100,10").thenBalance(1, "USD", 0, 1000);
    }

    @Test
    void shouldNeverRejectSellPriceChangeForFunds()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,100")
            .when("AMEND,2,1,10,500,").thenEvents("AMENDED,10,500,100").thenBalance(1, "BTC", 0, 100);
    }

    @Test
    void shouldRejectPostOnlyAmendThatWouldCrossAndKeepTheOrder()
    {
        market().given("PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,2", "PLACE,1,1,10,BTC-USD,BUY,LIMIT,POST_ONLY,100,5")
            .when("AMEND,2,1,10,101,").thenEvents("REJECTED,10,POST_ONLY_WOULD_TAKE")
            .thenBook("BTC-USD", "BUY,100,10,5", "SELL,101,30,2").thenBalance(1, "USD", 500, 500);
    }

    @Test
    void shouldRejectZeroNewPriceAndKeepTheOrder()
    {
        twoBids().when("AMEND,2,1,10,0,").thenEvents("REJECTED,10,INVALID_PRICE")
            .thenBook("BTC-USD", "BUY,100,10,5", "BUY,100,20,5");
    }

    @Test
    void shouldRejectNegativeNewPrice()
    {
        twoBids().when("AMEND,2,1,10,-100,").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldRejectZeroNewTotalQtyAsInvalidQty()
    {
        twoBids().when("AMEND,2,1,10,,0").thenEvents("REJECTED,10,INVALID_QTY")
            .thenBook("BTC-USD", "BUY,100,10,5", "BUY,100,20,5");
    }

    @Test
    void shouldSucceedAndKeepPlaceWhenAmendChangesNothing()
    {
        twoBids().when("AMEND,2,1,10,,").thenEvents("AMENDED,10,100,5")
            .thenBook("BTC-USD", "BUY,100,10,5", "BUY,100,20,5")
            .when("AMEND,3,1,10,100,5").thenEvents("AMENDED,10,100,5")
            .thenBook("BTC-USD", "BUY,100,10,5", "BUY,100,20,5");
    }

    @Test
    void shouldRejectAmendOfAnotherAccountsOrder()
    {
        twoBids().when("AMEND,2,2,10,,1").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectAmendFromUnknownAccountAsUnknownOrder()
    {
        twoBids().when("AMEND,2,9,10,,1").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldRejectAmendOfDoneOrder()
    {
        twoBids().given("CANCEL,2,1,10").when("AMEND,3,1,10,,1").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldCheckUnknownOrderBeforeQty()
    {
        twoBids().when("AMEND,2,2,10,0,0").thenEvents("REJECTED,10,UNKNOWN_ORDER");
    }

    @Test
    void shouldCheckQtyBeforePrice()
    {
        twoBids().when("AMEND,2,1,10,0,0").thenEvents("REJECTED,10,INVALID_QTY");
    }

    @Test
    void shouldCheckPriceBeforeAmendedToZero()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,BUY,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,0,2").thenEvents("REJECTED,10,INVALID_PRICE");
    }

    @Test
    void shouldCheckAmendedToZeroBeforeFunds()
    {
        market().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5", "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,2")
            .when("AMEND,2,1,10,1000,2").thenEvents("CANCELED,10,3,AMENDED_TO_ZERO");
    }

    @Test
    void shouldCheckFundsBeforePostOnly()
    {
        market().given("PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,2", "PLACE,1,1,10,BTC-USD,BUY,LIMIT,POST_ONLY,100,5")
            .when("AMEND,2,1,10,101,10").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldReleaseReservationWhenAmendShrinksOrder()
    {
        market().given("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,10")
            .when("AMEND,2,1,10,,4").thenBalance(1, "BTC", 96, 4);
    }
}
