package engine.logic;

import static engine.logic.EngineFixture.engine;

import org.junit.jupiter.api.Test;

/**
 * TRADING-RULES.md, Withdrawal sagas and deposit notifications: a withdrawal reserves its amount,
 * then leaves (confirmed), comes back (failed) or is retried at its deadline; after the last attempt
 * it is cancelling, the amount still in flight, until the wallet's answer to the cancel lets it leave
 * (it had paid) or brings it back (timed out); every step is a command, checked by the invariants after each.
 */
class WithdrawalSagaRulesTest
{
    /** BTC-USD; account 1 holds 1000 USD (commands 1 to 2). */
    private static EngineFixture funded()
    {
        return engine().given("SYMBOL,0,BTC-USD,BTC,USD", "DEPOSIT,0,1,USD,1000");
    }

    @Test
    void shouldMoveTheAmountFromAvailableIntoFlightOnRequest()
    {
        funded().when("WITHDRAW_REQUEST,10,1,USD,300,50,3")
            .thenSequencedEvents("3,WITHDRAW_PENDING,3,1,USD,300,1,60")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldLetTheAmountLeaveOnConfirm()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,3")
            .when("WITHDRAW_CONFIRM,20,3,1").thenEvents("WITHDRAW_CONFIRMED,3,1,USD,300,1")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldGiveTheAmountBackOnFail()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,3")
            .when("WITHDRAW_FAIL,20,3,1").thenEvents("WITHDRAW_FAILED,3,1,USD,300,1")
            .thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldStartTheNextAttemptWithTwiceTheTimeoutWhenADeadlinePassesUnanswered()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,3")
            .when("TICK,60").thenEvents("WITHDRAW_ATTEMPT,3,1,USD,300,2,160")
            .when("TICK,159").thenNoEvents()
            .when("TICK,160").thenEvents("WITHDRAW_ATTEMPT,3,1,USD,300,3,360")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldSucceedWhenARetriedAttemptIsConfirmed()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,3", "TICK,60")
            .when("WITHDRAW_CONFIRM,70,3,2").thenEvents("WITHDRAW_CONFIRMED,3,1,USD,300,2")
            .thenBalance(1, "USD", 700, 0)
            .when("TICK,1000").thenNoEvents();
    }

    @Test
    void shouldStartCancellingWithTheAmountStillInFlightWhenTheLastAttemptPassesItsDeadline()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,2", "TICK,60")
            .when("TICK,160").thenEvents("WITHDRAW_CANCELLING,3,1,USD,300,2")
            .thenBalance(1, "USD", 700, 0)
            // No deadline while cancelling: time passing changes nothing, only the wallet's answer does.
            .when("TICK,100000").thenNoEvents()
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldLetTheAmountLeaveWhenTheCancelFindsTheLastAttemptPaid()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,2", "TICK,60", "TICK,160")
            .when("WITHDRAW_CONFIRM,170,3,2").thenEvents("WITHDRAW_CONFIRMED,3,1,USD,300,2")
            .thenBalance(1, "USD", 700, 0)
            .when("WITHDRAW_FAIL,171,3,2").thenEvents("REJECTED,,UNKNOWN_WITHDRAWAL")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldTimeOutAndGiveTheAmountBackWhenTheCancelFindsItNotPaid()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,2", "TICK,60", "TICK,160")
            .when("WITHDRAW_FAIL,170,3,2").thenEvents("WITHDRAW_TIMED_OUT,3,1,USD,300,2")
            .thenBalance(1, "USD", 1000, 0)
            .when("WITHDRAW_CONFIRM,171,3,2").thenEvents("REJECTED,,UNKNOWN_WITHDRAWAL");
    }

    @Test
    void shouldConfirmALatePaymentOfAnEarlierAttemptWhileCancelling()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,2", "TICK,60", "TICK,160")
            .when("WITHDRAW_CONFIRM,170,3,1").thenEvents("WITHDRAW_CONFIRMED,3,1,USD,300,2")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldRefuseALateFailureOfAnEarlierAttemptWhileCancelling()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,2", "TICK,60", "TICK,160")
            .when("WITHDRAW_FAIL,170,3,1").thenEvents("REJECTED,,STALE_ATTEMPT")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldStartCancellingBeforeTheCommandThatArrivesAfterTheLastDeadline()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,1")
            .when("WITHDRAW_CONFIRM,60,3,1").thenEvents("WITHDRAW_CANCELLING,3,1,USD,300,1", "WITHDRAW_CONFIRMED,3,1,USD,300,1")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldRefuseAFailureOfAnAttemptThatWasRetried()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,3", "TICK,60")
            .when("WITHDRAW_FAIL,61,3,1").thenEvents("REJECTED,,STALE_ATTEMPT").thenBalance(1, "USD", 700, 0)
            .when("WITHDRAW_FAIL,62,3,2").thenEvents("WITHDRAW_FAILED,3,1,USD,300,2").thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldRefuseAnAnswerForAWithdrawalNotInFlight()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,300,50,3", "WITHDRAW_CONFIRM,20,3,1")
            .when("WITHDRAW_CONFIRM,21,3,1").thenEvents("REJECTED,,UNKNOWN_WITHDRAWAL")
            .when("WITHDRAW_FAIL,22,99,1").thenEvents("REJECTED,,UNKNOWN_WITHDRAWAL")
            .thenBalance(1, "USD", 700, 0);
    }

    @Test
    void shouldRejectRequestsInOrderOfTheChecks()
    {
        funded().when("WITHDRAW_REQUEST,10,9,USD,300,0,3").thenEvents("REJECTED,,INVALID_TIMEOUT")
            .when("WITHDRAW_REQUEST,10,9,USD,300,50,3").thenEvents("REJECTED,,UNKNOWN_ACCOUNT")
            .when("WITHDRAW_REQUEST,10,1,USD,0,50,3").thenEvents("REJECTED,,INVALID_AMOUNT")
            .when("WITHDRAW_REQUEST,10,1,USD,300,0,3").thenEvents("REJECTED,,INVALID_TIMEOUT")
            .when("WITHDRAW_REQUEST,10,1,USD,300,50,0").thenEvents("REJECTED,,INVALID_TIMEOUT")
            .when("WITHDRAW_REQUEST,10,1,USD,300,50,17").thenEvents("REJECTED,,INVALID_TIMEOUT")
            .when("WITHDRAW_REQUEST,10,1,USD,1001,50,3").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .when("WITHDRAW_REQUEST,10,1,BTC,1,50,3").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .thenBalance(1, "USD", 1000, 0);
    }

    @Test
    void shouldNotLetAnAmountInFlightPayForAnOrderOrAnotherWithdrawal()
    {
        funded().given("WITHDRAW_REQUEST,10,1,USD,800,50,3")
            .when("PLACE,11,1,7,BTC-USD,BUY,LIMIT,GTC,100,3").thenEvents("REJECTED,7,INSUFFICIENT_FUNDS")
            .when("WITHDRAW_REQUEST,12,1,USD,201,50,3").thenEvents("REJECTED,,INSUFFICIENT_FUNDS")
            .when("WITHDRAW_REQUEST,12,1,USD,200,50,3").thenEvents("WITHDRAW_PENDING,6,1,USD,200,1,62")
            .thenBalance(1, "USD", 0, 0);
    }

    @Test
    void shouldExpireGtdOrdersBeforeHandlingWithdrawalDeadlinesAndThoseByDeadlineThenId()
    {
        funded().given("DEPOSIT,0,1,BTC,10", "PLACE,1,1,7,BTC-USD,SELL,LIMIT,GTD:100,100,1",
                "WITHDRAW_REQUEST,10,1,USD,100,90,1", "WITHDRAW_REQUEST,20,1,USD,100,50,1")
            .when("TICK,100")
            .thenEvents("CANCELED,7,1,EXPIRED", "WITHDRAW_CANCELLING,6,1,USD,100,1", "WITHDRAW_CANCELLING,5,1,USD,100,1");
    }

    @Test
    void shouldCreditADepositNotificationOnceByItsExternalTransactionId()
    {
        funded().when("DEPOSIT_NOTIFY,10,1,USD,50,777").thenEvents("DEPOSITED,1,USD,50")
            .when("DEPOSIT_NOTIFY,11,1,USD,50,777").thenEvents("REJECTED,,DUPLICATE_TRANSFER")
            .when("DEPOSIT_NOTIFY,12,2,BTC,5,777").thenEvents("REJECTED,,DUPLICATE_TRANSFER")
            .thenBalance(1, "USD", 1050, 0).thenBalance(2, "BTC", 0, 0);
    }

    @Test
    void shouldNotSpendTheTransactionIdOfARejectedNotification()
    {
        funded().when("DEPOSIT_NOTIFY,10,1,USD,0,778").thenEvents("REJECTED,,INVALID_AMOUNT")
            .when("DEPOSIT_NOTIFY,11,1,USD,5,778").thenEvents("DEPOSITED,1,USD,5");
    }

    @Test
    void shouldCountAmountsInFlightTowardsWhatAnAccountMayHold()
    {
        engine().given("DEPOSIT,0,1,USD,9223372036854775000", "WITHDRAW_REQUEST,1,1,USD,1000,50,1")
            .when("DEPOSIT,2,1,USD,808").thenEvents("REJECTED,,INVALID_AMOUNT")
            .when("DEPOSIT,2,1,USD,807").thenEvents("DEPOSITED,1,USD,807")
            .when("TICK,51").thenEvents("WITHDRAW_CANCELLING,2,1,USD,1000,1")
            .when("DEPOSIT,52,1,USD,1").thenEvents("REJECTED,,INVALID_AMOUNT")
            .when("WITHDRAW_FAIL,53,2,1").thenEvents("WITHDRAW_TIMED_OUT,2,1,USD,1000,1")
            .thenBalance(1, "USD", Long.MAX_VALUE, 0);
    }
}
