package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/** TRADING-RULES.md, Deposits, withdrawals, symbols. */
class TransfersAndSymbolsRulesTest
{
    @Test
    void shouldCreditAvailableAndCreateAccountOnDeposit()
    {
        engine().when("DEPOSIT,0,1,USD,100").thenEvents("DEPOSITED,1,USD,100").thenBalance(1, "USD", 100, 0)
            .when("DEPOSIT,0,1,USD,50").thenBalance(1, "USD", 150, 0);
    }

    @Test
    void shouldRejectZeroDepositWithEmptyOrderId()
    {
        engine().when("DEPOSIT,0,1,USD,0").thenEvents("REJECTED,,INVALID_AMOUNT");
    }

    @Test
    void shouldRejectNegativeDeposit()
    {
        engine().given("DEPOSIT,0,1,USD,10").when("DEPOSIT,0,1,USD,-5").thenEvents("REJECTED,,INVALID_AMOUNT")
            .thenBalance(1, "USD", 10, 0);
    }

    @Test
    void shouldTreatAssetsAsCaseSensitive()
    {
        engine().given("DEPOSIT,0,1,USD,10").when("DEPOSIT,0,1,usd,7")
            .thenBalance(1, "USD", 10, 0).thenBalance(1, "usd", 7, 0);
    }

    @Test
    void shouldDebitAvailableOnWithdraw()
    {
        engine().given("DEPOSIT,0,1,USD,100").when("WITHDRAW,1,1,USD,30").thenEvents("WITHDRAWN,1,USD,30")
            .thenBalance(1, "USD", 70, 0);
    }

    @Test
    void shouldWithdrawEverything()
    {
        engine().given("DEPOSIT,0,1,USD,100").when("WITHDRAW,1,1,USD,100").thenEvents("WITHDRAWN,1,USD,100")
            .thenBalance(1, "USD", 0, 0);
    }

    @Test
    void shouldRejectWithdrawBeyondAvailable()
    {
        engine().given("DEPOSIT,0,1,USD,100").when("WITHDRAW,1,1,USD,101").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 100, 0);
    }

    @Test
    void shouldRejectWithdrawOfAssetNeverHeld()
    {
        engine().given("DEPOSIT,0,1,USD,100").when("WITHDRAW,1,1,BTC,1").thenEvents("REJECTED,,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldRejectWithdrawFromUnknownAccount()
    {
        engine().when("WITHDRAW,1,1,USD,1").thenEvents("REJECTED,,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldCheckUnknownAccountBeforeAmountOnWithdraw()
    {
        engine().when("WITHDRAW,1,1,USD,0").thenEvents("REJECTED,,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldCheckAmountBeforeFundsOnWithdraw()
    {
        engine().given("DEPOSIT,0,1,USD,100").when("WITHDRAW,1,1,BTC,-5").thenEvents("REJECTED,,INVALID_AMOUNT")
            .when("WITHDRAW,1,1,USD,0").thenEvents("REJECTED,,INVALID_AMOUNT");
    }

    @Test
    void shouldKeepAccountAfterItWithdrawsEverything()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,100", "WITHDRAW,1,1,USD,100")
            .when("PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,1,1").thenEvents("REJECTED,10,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldAddSymbol()
    {
        engine().when("SYMBOL,0,BTC-USD,BTC,USD").thenEvents("SYMBOL_ADDED,BTC-USD");
    }

    @Test
    void shouldRejectDuplicateSymbolWithEmptyOrderId()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD").when("SYMBOL,0,BTC-USD,ETH,EUR,2,2")
            .thenEvents("REJECTED,,DUPLICATE_SYMBOL");
    }

    @Test
    void shouldKeepFirstDefinitionOfDuplicateSymbol()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "SYMBOL,0,BTC-USD,BTC,USD,1000,1000", "DEPOSIT,0,1,BTC,5")
            .when("PLACE,1,1,10,BTC-USD,SELL,LIMIT,GTC,100,5").thenEvents("ACCEPTED,10").thenBalance(1, "BTC", 0, 5);
    }

    @Test
    void shouldRejectZeroBaseScale()
    {
        engine().when("SYMBOL,0,BTC-USD,BTC,USD,0,1").thenEvents("REJECTED,,INVALID_SCALE");
    }

    @Test
    void shouldRejectNegativeQuoteScale()
    {
        engine().when("SYMBOL,0,BTC-USD,BTC,USD,1,-1").thenEvents("REJECTED,,INVALID_SCALE");
    }

    @Test
    void shouldCheckDuplicateBeforeScale()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD").when("SYMBOL,0,BTC-USD,BTC,USD,0,0")
            .thenEvents("REJECTED,,DUPLICATE_SYMBOL");
    }

    @Test
    void shouldNotListSymbolWhoseScaleWasRejected()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD,0,1", "DEPOSIT,0,1,USD,100")
            .when("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,1,1").thenEvents("REJECTED,10,UNKNOWN_SYMBOL")
            .when("SYMBOL,1,BTC-USD,BTC,USD").thenEvents("SYMBOL_ADDED,BTC-USD");
    }

    @Test
    void shouldShareQuoteAssetBetweenSymbols()
    {
        engine().given("SYMBOL,0,BTC-USD,BTC,USD", "SYMBOL,0,ETH-USD,ETH,USD", "DEPOSIT,0,1,USD,1000",
                "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,6")
            .when("PLACE,1,1,11,ETH-USD,BUY,LIMIT,GTC,100,5").thenEvents("REJECTED,11,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldTradeSymbolWhoseBaseAssetIsItsQuoteAsset()
    {
        // The contract has no reject reason for it: an ordinary symbol whose two legs net out.
        engine().given("SYMBOL,0,USD-USD,USD,USD,2,3", "DEPOSIT,0,1,USD,100", "DEPOSIT,0,2,USD,100",
                "PLACE,1,1,10,USD-USD,SELL,LIMIT,GTC,5,4")
            .thenBalance(1, "USD", 92, 8)
            .when("PLACE,2,2,20,USD-USD,BUY,LIMIT,GTC,5,4")
            .thenEvents("ACCEPTED,20", "TRADE,USD-USD,5,4,20,10,2,1,BUY")
            // seller: -8 base, +60 quote; buyer: -60 quote, +8 base.
            .thenBalance(1, "USD", 152, 0).thenBalance(2, "USD", 48, 0);
    }
}
