package engine.saga;

import static org.assertj.core.api.Assertions.assertThat;

import engine.saga.SimulatedWallet.Behaviour;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between any two steps of a withdrawal saga: the restarted engine recovers the saga at its
 * last journaled step, the worker re-drives it, and the wallet never pays twice. The "crash" is an
 * engine that stops with no worker running, so that nothing but the journal carries the saga over.
 */
class WithdrawalRecoveryTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPayOnceAfterACrashBetweenTheRequestAndTheWalletCall() throws Exception
    {
        final long saga;
        try (SagaFixture before = new SagaFixture(dir, null).fund(1000))
        {
            saga = before.withdraw(300, 60_000, 3);
        }
        final SimulatedWallet wallet = new SimulatedWallet();
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            assertThat(after.live.recovered().logic().withdrawalsInFlight()).isEqualTo(1);
            after.awaitStep("WITHDRAW_CONFIRMED", saga);
            assertThat(wallet.payments()).isEqualTo(1);
            assertThat(after.availableUsd()).isEqualTo(700);
            SagaFixture.assertConserved(after.live.engine().logicWhenIdle(), Map.of("USD", 700L));
        }
    }

    @Test
    void shouldNotPayAgainAfterACrashBetweenThePaymentAndItsConfirmation() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        final long saga;
        try (SagaFixture before = new SagaFixture(dir, null).fund(1000))
        {
            saga = before.withdraw(300, 60_000, 3);
            // The worker's call went out and the wallet paid; the engine went down before the answer came back.
            assertThat(wallet.transfer(new TransferRequest(saga, 1, "USD", 300, 1, Long.MAX_VALUE)).join())
                .isEqualTo(TransferOutcome.PAID);
        }
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            assertThat(after.awaitStep("WITHDRAW_CONFIRMED", saga)).endsWith(",300,1");
            assertThat(wallet.payments()).as("paid once, before the crash").isEqualTo(1);
            assertThat(wallet.calls()).isEqualTo(2);
            assertThat(after.availableUsd()).isEqualTo(700);
        }
    }

    @Test
    void shouldDoNothingAfterACrashOnceTheConfirmationIsJournaled() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        final long saga;
        try (SagaFixture before = new SagaFixture(dir, wallet).fund(1000))
        {
            saga = before.withdraw(300, 60_000, 3);
            before.awaitStep("WITHDRAW_CONFIRMED", saga);
        }
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            assertThat(after.live.recovered().logic().withdrawalsInFlight()).isZero();
            assertThat(after.worker.recoveredInFlight()).isEmpty();
            assertThat(wallet.calls()).isEqualTo(1);
            assertThat(wallet.payments()).isEqualTo(1);
            assertThat(after.availableUsd()).isEqualTo(700);
        }
    }

    @Test
    void shouldDoNothingAfterACrashOnceTheFailureIsJournaled() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet().behaviour(Behaviour.fail());
        final long saga;
        try (SagaFixture before = new SagaFixture(dir, wallet).fund(1000))
        {
            saga = before.withdraw(300, 60_000, 3);
            before.awaitStep("WITHDRAW_FAILED", saga);
        }
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            assertThat(after.live.recovered().logic().withdrawalsInFlight()).isZero();
            assertThat(wallet.calls()).isEqualTo(1);
            assertThat(after.availableUsd()).isEqualTo(1000);
        }
    }

    @Test
    void shouldCarryOnFromARetryAfterACrashBetweenTheRetryAndItsAnswer() throws Exception
    {
        final SimulatedWallet hanging = new SimulatedWallet().behaviour(Behaviour.hang());
        final long saga;
        try (SagaFixture before = new SagaFixture(dir, hanging).fund(1000))
        {
            saga = before.withdraw(300, 50, 5);
            before.awaitLine(line -> line.startsWith("WITHDRAW_ATTEMPT," + saga + ",1,USD,300,2,"), "attempt 2");
        }
        final SimulatedWallet wallet = new SimulatedWallet();
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            after.awaitStep("WITHDRAW_CONFIRMED", saga);
            assertThat(wallet.payments()).isEqualTo(1);
            assertThat(after.availableUsd()).isEqualTo(700);
        }
    }

    @Test
    void shouldGiveBackADeadlinePassedWhileTheEngineWasDownOnlyOnceTheWalletSaysItDidNotPay() throws Exception
    {
        final long saga;
        final long deadline;
        try (SagaFixture before = new SagaFixture(dir, null).fund(1000))
        {
            saga = before.withdraw(300, 50, 1);
            deadline = deadlineOf(before.awaitStep("WITHDRAW_PENDING", saga));
        }
        waitPast(deadline);
        final SimulatedWallet wallet = new SimulatedWallet().behaviour(Behaviour.hang());
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            // Cancelling started with the first command after the restart (or, on a slow machine, a TICK just before the
            // first engine stopped); either way the amount came back only with the cancel's answer.
            after.awaitStep("WITHDRAW_TIMED_OUT", saga);
            assertThat(after.availableUsd()).isEqualTo(1000);
            assertThat(wallet.payments()).isZero();
        }
    }

    @Test
    void shouldConfirmALastAttemptPaidBeforeACrashWhoseDeadlinePassedWhileTheEngineWasDown() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        final long saga;
        final long deadline;
        try (SagaFixture before = new SagaFixture(dir, null).fund(1000))
        {
            saga = before.withdraw(300, 50, 1);
            deadline = deadlineOf(before.awaitStep("WITHDRAW_PENDING", saga));
            // The wallet paid the only attempt; the engine went down before the confirmation was journaled.
            assertThat(wallet.transfer(new TransferRequest(saga, 1, "USD", 300, 1, Long.MAX_VALUE)).join())
                .isEqualTo(TransferOutcome.PAID);
        }
        waitPast(deadline);
        // The first command after the restart starts cancelling (the deadline has passed) and the worker's repeat call
        // races with it; either the repeat call or the cancel finds the key paid, and nothing is given back.
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            assertThat(after.awaitStep("WITHDRAW_CONFIRMED", saga)).endsWith(",300,1");
            assertThat(after.lines()).noneMatch(line -> line.startsWith("WITHDRAW_TIMED_OUT"));
            assertThat(after.availableUsd()).as("paid, so not given back").isEqualTo(700);
            assertThat(wallet.payments()).isEqualTo(1);
            SagaFixture.assertConserved(after.live.engine().logicWhenIdle(), Map.of("USD", 700L));
        }
    }

    @Test
    void shouldAskTheWalletAgainForASagaThatWasCancellingWhenTheEngineStopped() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        final long saga;
        try (SagaFixture before = new SagaFixture(dir, null).fund(1000))
        {
            saga = before.withdraw(300, 50, 1);
            before.awaitStep("WITHDRAW_CANCELLING", saga);
            // A wallet that paid the attempt in time, but whose answer (and the cancel's) never reached the engine.
            assertThat(wallet.transfer(new TransferRequest(saga, 1, "USD", 300, 1, Long.MAX_VALUE)).join())
                .isEqualTo(TransferOutcome.PAID);
        }
        try (SagaFixture after = new SagaFixture(dir, wallet))
        {
            assertThat(after.live.recovered().logic().withdrawalsInFlight()).isEqualTo(1);
            assertThat(after.awaitStep("WITHDRAW_CONFIRMED", saga)).endsWith(",300,1");
            assertThat(wallet.calls()).as("re-driven with a cancel, not another transfer").isEqualTo(1);
            assertThat(wallet.payments()).isEqualTo(1);
            assertThat(after.availableUsd()).isEqualTo(700);
        }
    }

    private static long deadlineOf(final String pendingLine)
    {
        final String[] fields = pendingLine.split(",");
        return Long.parseLong(fields[fields.length - 1]);
    }

    /** The engine is down: no command, so nothing to await but the clock passing the deadline. */
    private static void waitPast(final long deadline)
    {
        while (System.currentTimeMillis() <= deadline)
        {
            Thread.yield();
        }
    }
}
