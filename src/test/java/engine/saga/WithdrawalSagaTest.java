package engine.saga;

import static org.assertj.core.api.Assertions.assertThat;

import engine.saga.SimulatedWallet.Behaviour;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The withdrawal saga on a live engine with the engine timer, the transfer worker and a simulated
 * wallet: every way a withdrawal can end, and conservation with amounts in flight.
 */
class WithdrawalSagaTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPayOutOnceAndLetTheAmountLeaveWhenTheWalletPays() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(1000))
        {
            final long saga = engine.withdraw(300, 5_000, 3);

            assertThat(engine.awaitStep("WITHDRAW_CONFIRMED", saga)).isEqualTo("WITHDRAW_CONFIRMED," + saga + ",1,USD,300,1");
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_CONFIRMED");
            assertThat(engine.availableUsd()).isEqualTo(700);
            assertThat(wallet.payments()).isEqualTo(1);
            SagaFixture.assertConserved(engine.live.engine().logicWhenIdle(), Map.of("USD", 700L));
        }
    }

    @Test
    void shouldGiveTheAmountBackWhenTheWalletRefuses() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet().behaviour(Behaviour.fail());
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(1000))
        {
            final long saga = engine.withdraw(300, 5_000, 3);

            engine.awaitStep("WITHDRAW_FAILED", saga);
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_FAILED");
            assertThat(engine.availableUsd()).isEqualTo(1000);
            assertThat(wallet.payments()).isZero();
            SagaFixture.assertConserved(engine.live.engine().logicWhenIdle(), Map.of("USD", 1000L));
        }
    }

    @Test
    void shouldRetryAnAttemptThatHangsPastItsDeadlineAndSucceedOnTheRetry() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(1000))
        {
            final long sagaId = engine.live.engine().nextSeq();
            wallet.script(sagaId, Behaviour.hang(), Behaviour.succeed());
            final long saga = engine.withdraw(300, 100, 3);

            assertThat(saga).isEqualTo(sagaId);
            assertThat(engine.awaitStep("WITHDRAW_CONFIRMED", saga)).endsWith(",300,2");
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_ATTEMPT", "WITHDRAW_CONFIRMED");
            assertThat(engine.availableUsd()).isEqualTo(700);
            assertThat(wallet.payments()).isEqualTo(1);
            assertThat(wallet.calls()).isEqualTo(2);
        }
    }

    @Test
    void shouldTimeOutAndGiveTheAmountBackWhenEveryAttemptHangs() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet().behaviour(Behaviour.hang());
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(1000))
        {
            final long saga = engine.withdraw(300, 40, 3);

            assertThat(engine.awaitStep("WITHDRAW_TIMED_OUT", saga)).endsWith(",300,3");
            // Given back only after the wallet's cancel said it had not paid.
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_ATTEMPT", "WITHDRAW_ATTEMPT",
                "WITHDRAW_CANCELLING", "WITHDRAW_TIMED_OUT");
            assertThat(engine.availableUsd()).isEqualTo(1000);
            assertThat(wallet.payments()).isZero();
            // The worker cancelled the key: the wallet will not pay it, whatever comes later.
            engine.live.engine().awaitIdle();
            assertThat(wallet.transfer(new TransferRequest(saga, 1, "USD", 300, 4, Long.MAX_VALUE)).join())
                .isEqualTo(TransferOutcome.REFUSED);
            assertThat(wallet.payments()).isZero();
        }
    }

    @Test
    void shouldKeepAskingAWalletOutOfReachToCancelAndGiveTheAmountBackOnlyOnceItAnswers() throws Exception
    {
        final AtomicInteger refusedCancels = new AtomicInteger();
        final SimulatedWallet simulated = new SimulatedWallet().behaviour(Behaviour.hang());
        final ExternalWallet unreachableTwice = new ExternalWallet()
        {
            @Override
            public CompletableFuture<TransferOutcome> transfer(final TransferRequest request)
            {
                return simulated.transfer(request);
            }

            @Override
            public boolean cancel(final long idempotencyKey)
            {
                if (refusedCancels.incrementAndGet() <= 2)
                {
                    throw new IllegalStateException("wallet out of reach");
                }
                return simulated.cancel(idempotencyKey);
            }
        };
        try (SagaFixture engine = new SagaFixture(dir, unreachableTwice).fund(1000))
        {
            final long saga = engine.withdraw(300, 40, 1);

            assertThat(engine.awaitStep("WITHDRAW_TIMED_OUT", saga)).endsWith(",300,1");
            assertThat(refusedCancels.get()).as("two cancels failed, the third answered").isEqualTo(3);
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_CANCELLING", "WITHDRAW_TIMED_OUT");
            assertThat(engine.availableUsd()).isEqualTo(1000);
        }
    }

    @Test
    void shouldConfirmAndNotGiveBackWhenTheWalletPaidButItsAnswerNeverCameBeforeTheLastDeadline() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet().behaviour(Behaviour.lostAnswer());
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(1000))
        {
            final long saga = engine.withdraw(300, 40, 1);

            // The deadline passes with no answer; the cancel finds the key paid, so the amount leaves.
            assertThat(engine.awaitStep("WITHDRAW_CONFIRMED", saga)).endsWith(",300,1");
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_CANCELLING", "WITHDRAW_CONFIRMED");
            assertThat(engine.lines()).noneMatch(line -> line.startsWith("WITHDRAW_TIMED_OUT"));
            assertThat(engine.availableUsd()).as("not credited back").isEqualTo(700);
            assertThat(wallet.payments()).isEqualTo(1);
            SagaFixture.assertConserved(engine.live.engine().logicWhenIdle(), Map.of("USD", 700L));
        }
    }

    @Test
    void shouldNotPayLateWhenAnAnswerComesAfterTheDeadline() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(1000))
        {
            final long sagaId = engine.live.engine().nextSeq();
            wallet.script(sagaId, Behaviour.succeedAfter(400), Behaviour.succeed());
            final long saga = engine.withdraw(300, 100, 2);

            engine.awaitStep("WITHDRAW_CONFIRMED", saga);
            assertThat(engine.steps(saga)).containsExactly("WITHDRAW_PENDING", "WITHDRAW_ATTEMPT", "WITHDRAW_CONFIRMED");
            assertThat(wallet.payments()).isEqualTo(1);
        }
    }

    @Test
    void shouldConserveEveryAssetWithManyWithdrawalsInFlightAndFinished() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet().failEvery(3);
        try (SagaFixture engine = new SagaFixture(dir, wallet).fund(10_000))
        {
            final long[] sagas = new long[9];
            for (int i = 0; i < sagas.length; i++)
            {
                sagas[i] = engine.withdraw(100, 60_000, 3);
            }
            for (final long saga : sagas)
            {
                engine.awaitLine(line -> line.matches("WITHDRAW_(CONFIRMED|FAILED)," + saga + ",.*"), "end of saga " + saga);
            }
            final long failed = engine.lines().stream().filter(line -> line.startsWith("WITHDRAW_FAILED")).count();
            assertThat(failed).isEqualTo(3);
            assertThat(wallet.payments()).isEqualTo(6);
            SagaFixture.assertConserved(engine.live.engine().logicWhenIdle(), Map.of("USD", 10_000L - 600));
        }
    }
}
