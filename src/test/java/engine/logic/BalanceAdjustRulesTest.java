package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/**
 * TRADING-RULES.md, Balance adjustments: an operator's correction adds a signed amount to one
 * account's available balance, with a numeric reason code; it never makes available negative,
 * never overflows and never creates an account. The invariants are checked after every command.
 */
class BalanceAdjustRulesTest
{
    /** BTC-USD; account 1 holds 1000 USD (commands 1 to 2). */
    private static EngineFixture funded()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000");
    }

    @Test
    void shouldCreditAvailableOnAPositiveAdjustment()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,250,7").thenSequencedEvents("3,BALANCE_ADJUSTED,1,USD,250,7")
            .thenBalance(1, "USD", 1250, 0);
    }

    @Test
    void shouldCreditAnAssetTheAccountNeverHeld()
    {
        funded().when("BALANCE_ADJUST,5,1,BTC,3,1").thenEvents("BALANCE_ADJUSTED,1,BTC,3,1")
            .thenBalance(1, "BTC", 3, 0).thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldDebitAvailableOnANegativeAdjustment()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,-400,65535").thenEvents("BALANCE_ADJUSTED,1,USD,-400,65535")
            .thenBalance(1, "USD", 600, 0);
    }

    @Test
    void shouldDebitDownToExactlyZero()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,-1000,2").thenEvents("BALANCE_ADJUSTED,1,USD,-1000,2")
            .thenBalance(1, "USD", 0, 0);
    }

    @Test
    void shouldRefuseADebitThatWouldMakeAvailableNegative()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,-1001,2").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldRefuseADebitOfReservedFunds()
    {
        funded().given("PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,4")
            .when("BALANCE_ADJUST,5,1,USD,-601,2").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 600, 400)
            .when("BALANCE_ADJUST,6,1,USD,-600,2").thenEvents("BALANCE_ADJUSTED,1,USD,-600,2")
            .thenBalance(1, "USD", 0, 400);
    }

    @Test
    void shouldRefuseADebitOfAnAssetNeverHeld()
    {
        funded().when("BALANCE_ADJUST,5,1,BTC,-1,2").thenEvents("REJECTED,,INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldRefuseAnUnknownAccountWithoutCreatingIt()
    {
        funded().when("BALANCE_ADJUST,5,2,USD,100,2").thenEvents("REJECTED,,UNKNOWN_ACCOUNT")
            .thenBalance(2, "USD", 0, 0)
            .when("BALANCE_ADJUST,6,2,USD,-100,2").thenEvents("REJECTED,,UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldRefuseAZeroAmount()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,0,2").thenEvents("REJECTED,,INVALID_AMOUNT")
            .thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldRefuseACreditThatWouldOverflow()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,9223372036854774808,2").thenEvents("REJECTED,,INVALID_AMOUNT")
            .thenBalance(1, "USD", 1000, 0)
            .when("BALANCE_ADJUST,6,1,USD,9223372036854774807,2").thenEvents("BALANCE_ADJUSTED,1,USD,9223372036854774807,2")
            .thenBalance(1, "USD", Long.MAX_VALUE, 0);
    }

    @Test
    void shouldRefuseTheSmallestLongWhichHasNoNegation()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,-9223372036854775808,2").thenEvents("REJECTED,,INVALID_AMOUNT");
    }

    @Test
    void shouldRefuseAReasonCodeOutsideOneTo65535()
    {
        funded().when("BALANCE_ADJUST,5,1,USD,10,0").thenEvents("REJECTED,,INVALID_REASON_CODE")
            .when("BALANCE_ADJUST,6,1,USD,10,65536").thenEvents("REJECTED,,INVALID_REASON_CODE")
            .thenBalance(1, "USD", 1000, 0);
    }
}
