package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.CommandType;
import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.readmodel.WithdrawalView.State;
import engine.readmodel.WithdrawalView.Status;
import engine.readmodel.WithdrawalView.Step;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The withdrawal saga read model as the events show a saga: requested, paid, refused, retried
 * after a deadline, cancelling after the last attempt and then paid or timed out, each step with its command's seq and
 * time. The events come from the real business logic (command-file lines through
 * {@link EngineReplay}), so the model is checked against what the engine emits.
 */
class WithdrawalViewTest
{
    private static final long TIME_UNIT = 1_000_000L;
    private static final ReadModels.Retention KEEP_THREE = ReadModels.Retention.builder().finishedWithdrawals(3).build();

    private final EngineReplay replay = new EngineReplay(SelfTradePrevention.NONE);
    private final ReadModels models = new ReadModels(TIME_UNIT);

    /** Applies each line and returns the seq of the last. */
    private long run(final ReadModels into, final String... lines)
    {
        for (final String line : lines)
        {
            replay.apply(line, into::accept);
        }
        return into.appliedSeq();
    }

    private Status status(final long id)
    {
        return models.withdrawals().status(id).value();
    }

    private static List<EventType> types(final Status status)
    {
        final List<EventType> out = new ArrayList<>();
        status.steps().forEach(s -> out.add(s.type()));
        return out;
    }

    @Test
    void aRequestIsPendingOnItsFirstAttemptWithItsDeadline()
    {
        run(models, "DEPOSIT,0,1,USD,1000", "WITHDRAW_REQUEST,10,1,USD,300,50,3");

        final Status pending = status(2);
        assertThat(pending.withdrawalId()).as("the id is the request's seq").isEqualTo(2);
        assertThat(pending.account()).isEqualTo(1);
        assertThat(pending.asset()).isEqualTo("USD");
        assertThat(pending.amount()).isEqualTo(300);
        assertThat(pending.state()).isEqualTo(State.PENDING);
        assertThat(pending.attempt()).isEqualTo(1);
        assertThat(pending.maxAttempts()).isEqualTo(3);
        assertThat(pending.retriesUsed()).isZero();
        assertThat(pending.retriesLeft()).isEqualTo(2);
        assertThat(pending.deadline()).as("time + timeout").isEqualTo(60);
        assertThat(pending.lastSeq()).isEqualTo(2);
        assertThat(pending.steps()).containsExactly(new Step(EventType.WITHDRAW_PENDING, 2, 10, 1, 60L));
        assertThat(models.withdrawals().status(1).value()).as("a deposit is no withdrawal").isNull();
    }

    @Test
    void aPaidWithdrawalIsConfirmedWithNoDeadlineAndNoRetriesLeft()
    {
        run(models, "DEPOSIT,0,1,USD,1000", "WITHDRAW_REQUEST,10,1,USD,300,50,3", "WITHDRAW_CONFIRM,20,2,1");

        final Status confirmed = status(2);
        assertThat(confirmed.state()).isEqualTo(State.CONFIRMED);
        assertThat(confirmed.deadline()).isNull();
        assertThat(confirmed.retriesLeft()).isZero();
        assertThat(confirmed.lastSeq()).isEqualTo(3);
        assertThat(confirmed.steps()).containsExactly(new Step(EventType.WITHDRAW_PENDING, 2, 10, 1, 60L),
            new Step(EventType.WITHDRAW_CONFIRMED, 3, 20, 1, null));
    }

    @Test
    void aRefusedWithdrawalFailsAndALateRefusalOfAnEarlierAttemptChangesNothing()
    {
        run(models, "DEPOSIT,0,1,USD,1000", "WITHDRAW_REQUEST,10,1,USD,300,50,3", "TICK,60");
        final Status retried = status(2);
        run(models, "WITHDRAW_FAIL,70,2,1");
        assertThat(status(2)).as("STALE_ATTEMPT: the retry may still pay").isEqualTo(retried);

        run(models, "WITHDRAW_FAIL,80,2,2");
        final Status failed = status(2);
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.retriesUsed()).isEqualTo(1);
        assertThat(failed.retriesLeft()).isZero();
        assertThat(failed.deadline()).isNull();
        assertThat(types(failed)).containsExactly(EventType.WITHDRAW_PENDING, EventType.WITHDRAW_ATTEMPT,
            EventType.WITHDRAW_FAILED);
        assertThat(failed.steps().get(2)).isEqualTo(new Step(EventType.WITHDRAW_FAILED, 5, 80, 2, null));
    }

    @Test
    void aWithdrawalNeverAnsweredIsRetriedWithDoublingDeadlinesThenCancellingThenTimesOut()
    {
        run(models, "DEPOSIT,0,1,USD,1000", "WITHDRAW_REQUEST,10,1,USD,300,50,3", "TICK,59");
        assertThat(status(2).steps()).as("not due before its deadline").hasSize(1);

        run(models, "TICK,60");
        Status s = status(2);
        assertThat(s.state()).isEqualTo(State.PENDING);
        assertThat(s.attempt()).isEqualTo(2);
        assertThat(s.retriesUsed()).isEqualTo(1);
        assertThat(s.retriesLeft()).isEqualTo(1);
        assertThat(s.deadline()).as("60 + 2 x 50").isEqualTo(160);

        // Any command passes a deadline, not only a TICK: the step has that command's seq and time.
        run(models, "DEPOSIT,170,2,USD,5");
        s = status(2);
        assertThat(s.attempt()).isEqualTo(3);
        assertThat(s.retriesLeft()).isZero();
        assertThat(s.deadline()).as("170 + 4 x 50").isEqualTo(370);
        assertThat(s.steps().get(2)).isEqualTo(new Step(EventType.WITHDRAW_ATTEMPT, 5, 170, 3, 370L));

        // The last deadline passes: still in flight, no deadline, no retries left, until the wallet's cancel answers.
        run(models, "TICK,370");
        s = status(2);
        assertThat(s.state()).isEqualTo(State.CANCELLING);
        assertThat(s.state().inFlight()).isTrue();
        assertThat(s.attempt()).isEqualTo(3);
        assertThat(s.retriesLeft()).isZero();
        assertThat(s.deadline()).isNull();
        assertThat(s.steps().get(3)).isEqualTo(new Step(EventType.WITHDRAW_CANCELLING, 6, 370, 3, null));
        assertThat(models.withdrawals().page(new WithdrawalView.Query(null, State.CANCELLING, 0), 10, 100).value()
            .withdrawals()).extracting(Status::withdrawalId).containsExactly(2L);

        // The cancel found the key not paid: the worker fails the last attempt, and the saga has timed out.
        run(models, "WITHDRAW_FAIL,380,2,3");
        s = status(2);
        assertThat(s.state()).isEqualTo(State.TIMED_OUT);
        assertThat(s.attempt()).isEqualTo(3);
        assertThat(s.retriesUsed()).isEqualTo(2);
        assertThat(s.deadline()).isNull();
        assertThat(s.steps()).containsExactly(new Step(EventType.WITHDRAW_PENDING, 2, 10, 1, 60L),
            new Step(EventType.WITHDRAW_ATTEMPT, 4, 60, 2, 160L), new Step(EventType.WITHDRAW_ATTEMPT, 5, 170, 3, 370L),
            new Step(EventType.WITHDRAW_CANCELLING, 6, 370, 3, null), new Step(EventType.WITHDRAW_TIMED_OUT, 7, 380, 3, null));
        assertThat(s.lastSeq()).isEqualTo(7);
    }

    @Test
    void aCancellingWithdrawalThatTheWalletHadPaidIsConfirmedAndSurvivesASnapshot() throws Exception
    {
        run(models, "DEPOSIT,0,1,USD,1000", "WITHDRAW_REQUEST,10,1,USD,300,50,1", "TICK,60");
        assertThat(status(2).state()).isEqualTo(State.CANCELLING);

        final ReadModels restored = new ReadModels(TIME_UNIT, KEEP_THREE);
        ReadModelSnapshots.decode(ReadModelSnapshots.encode(ReadModelSnapshots.capture(models)), restored);
        assertThat(restored.withdrawals().status(2)).isEqualTo(models.withdrawals().status(2));

        replay.apply("WITHDRAW_CONFIRM,70,2,1", b ->
        {
            models.accept(b);
            restored.accept(b);
        });
        assertThat(status(2).state()).isEqualTo(State.CONFIRMED);
        assertThat(types(status(2))).containsExactly(EventType.WITHDRAW_PENDING, EventType.WITHDRAW_CANCELLING,
            EventType.WITHDRAW_CONFIRMED);
        assertThat(restored.withdrawals().status(2)).isEqualTo(models.withdrawals().status(2));
    }

    @Test
    void aRetryThatIsPaidIsConfirmedWithTheRetryItTook()
    {
        run(models, "DEPOSIT,0,1,USD,1000", "WITHDRAW_REQUEST,10,1,USD,300,50,2", "TICK,60", "WITHDRAW_CONFIRM,100,2,2");

        final Status s = status(2);
        assertThat(s.state()).isEqualTo(State.CONFIRMED);
        assertThat(s.attempt()).isEqualTo(2);
        assertThat(s.maxAttempts()).isEqualTo(2);
        assertThat(s.retriesUsed()).isEqualTo(1);
        assertThat(types(s)).containsExactly(EventType.WITHDRAW_PENDING, EventType.WITHDRAW_ATTEMPT,
            EventType.WITHDRAW_CONFIRMED);
    }

    @Test
    void aRejectedRequestStartsNoSaga()
    {
        run(models, "DEPOSIT,0,1,USD,100", "WITHDRAW_REQUEST,10,1,USD,300,50,3", "WITHDRAW_REQUEST,10,1,USD,30,0,3");

        assertThat(status(2)).as("INSUFFICIENT_FUNDS").isNull();
        assertThat(status(3)).as("INVALID_TIMEOUT").isNull();
        assertThat(page(null, null, 0, 100).withdrawals()).isEmpty();
    }

    @Test
    void eventsStoredWithoutTheLimitOfAttemptsLeaveTheRetriesLeftUnknown()
    {
        final EventBatch b = new EventBatch();
        b.begin(7, 100, CommandType.WITHDRAW_REQUEST);
        b.withdrawal(EventType.WITHDRAW_PENDING, 7, 4, AsciiName.hi("BTC"), AsciiName.lo("BTC"), 9, 1, 150, 0);
        models.accept(b);

        final Status s = status(7);
        assertThat(s.maxAttempts()).isNull();
        assertThat(s.retriesLeft()).isNull();
        assertThat(s.retriesUsed()).isZero();
        assertThat(s.deadline()).isEqualTo(150);
    }

    @Test
    void pagesListSagasByIdFilteredByAccountAndStateWithoutRepeatsOrGaps()
    {
        run(models, "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,2,USD,1000");
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            ids.add(run(models, "WITHDRAW_REQUEST,10," + (1 + i % 2) + ",USD,10,50,1"));
        }
        run(models, "WITHDRAW_CONFIRM,20," + ids.get(0) + ",1", "WITHDRAW_FAIL,20," + ids.get(1) + ",1",
            "WITHDRAW_CONFIRM,20," + ids.get(4) + ",1");

        assertThat(pagedIds(null, null, 3)).isEqualTo(ids);
        assertThat(pagedIds(1L, null, 2)).containsExactly(ids.get(0), ids.get(2), ids.get(4), ids.get(6), ids.get(8));
        assertThat(pagedIds(null, State.CONFIRMED, 1)).containsExactly(ids.get(0), ids.get(4));
        assertThat(pagedIds(2L, State.FAILED, 100)).containsExactly(ids.get(1));
        assertThat(pagedIds(2L, State.PENDING, 100)).containsExactly(ids.get(3), ids.get(5), ids.get(7), ids.get(9));

        final WithdrawalView.Page first = page(null, null, 0, 4);
        assertThat(first.nextAfterId()).isEqualTo(ids.get(3));
        assertThat(first.truncated()).isFalse();
        // A page may look at only so many sagas: fewer than asked for, but a next page to follow.
        final WithdrawalView.Page scanned = models.withdrawals().page(new WithdrawalView.Query(2L, null, 0), 10, 3).value();
        assertThat(scanned.withdrawals()).extracting(Status::withdrawalId).containsExactly(ids.get(1));
        assertThat(scanned.nextAfterId()).isEqualTo(ids.get(2));
        assertThat(page(null, null, ids.get(9), 10).withdrawals()).isEmpty();
        assertThat(page(null, null, ids.get(9), 10).nextAfterId()).isEqualTo(-1);
        assertThat(page(null, null, Long.MAX_VALUE, 10).withdrawals()).as("no wrap-around to the start").isEmpty();
    }

    @Test
    void shouldKeepEverySagaInFlightAndOnlyTheLastFinishedOnes()
    {
        final ReadModels small = new ReadModels(TIME_UNIT, KEEP_THREE);
        run(small, "DEPOSIT,0,1,USD,1000000");
        final long inFlight = run(small, "WITHDRAW_REQUEST,1,1,USD,1,1000000,1");
        final List<Long> finished = new ArrayList<>();
        for (int i = 0; i < 2_000; i++)
        {
            final long id = run(small, "WITHDRAW_REQUEST,2,1,USD,1,1000,1");
            run(small, (i % 2 == 0 ? "WITHDRAW_CONFIRM,2," : "WITHDRAW_FAIL,2,") + id + ",1");
            finished.add(id);
        }
        final WithdrawalView view = small.withdrawals();
        assertThat(view.keptCount()).as("one in flight and the last three finished").isEqualTo(4);
        assertThat(view.status(inFlight).value().state()).isEqualTo(State.PENDING);
        for (int i = 0; i < finished.size(); i++)
        {
            final Status kept = view.status(finished.get(i)).value();
            assertThat(kept == null).as("saga %d", finished.get(i)).isEqualTo(i < finished.size() - 3);
        }
        assertThat(view.evictedCount()).isEqualTo(finished.size() - 3);
        assertThat(view.idCapacity()).as("forgotten ids are compacted away, not piled up").isLessThanOrEqualTo(64);
        final WithdrawalView.Page all = view.page(new WithdrawalView.Query(null, null, 0), 100, 1 << 16).value();
        assertThat(all.withdrawals()).extracting(Status::withdrawalId)
            .containsExactly(inFlight, finished.get(1_997), finished.get(1_998), finished.get(1_999));
        assertThat(all.truncated()).as("finished sagas were forgotten").isTrue();
    }

    @Test
    void aSnapshotWithASagaInFlightRestoresAndGoesOnLikeTheOriginal() throws Exception
    {
        run(models, "DEPOSIT,0,1,USD,1000", "DEPOSIT,0,2,BTC,50", "WITHDRAW_REQUEST,10,1,USD,300,50,3",
            "WITHDRAW_REQUEST,11,2,BTC,7,20,1", "WITHDRAW_CONFIRM,12,4,1", "TICK,60");
        assertThat(status(3).attempt()).isEqualTo(2);

        final ReadModels restored = new ReadModels(TIME_UNIT);
        final long seq = ReadModelSnapshots.decode(ReadModelSnapshots.encode(ReadModelSnapshots.capture(models)), restored);
        assertThat(seq).isEqualTo(models.appliedSeq());
        assertThat(restored.withdrawals().status(3)).isEqualTo(models.withdrawals().status(3));
        assertThat(restored.withdrawals().status(4)).isEqualTo(models.withdrawals().status(4));

        // The rest of the saga reaches both alike: the retry's deadline passes, the last attempt is paid.
        for (final String line : List.of("TICK,160", "WITHDRAW_CONFIRM,170,3,3"))
        {
            replay.apply(line, b ->
            {
                models.accept(b);
                restored.accept(b);
            });
        }
        assertThat(restored.withdrawals().status(3)).isEqualTo(models.withdrawals().status(3));
        assertThat(status(3).state()).isEqualTo(State.CONFIRMED);
        assertThat(types(status(3))).containsExactly(EventType.WITHDRAW_PENDING, EventType.WITHDRAW_ATTEMPT,
            EventType.WITHDRAW_ATTEMPT, EventType.WITHDRAW_CONFIRMED);
        assertThat(restored.withdrawals().page(new WithdrawalView.Query(null, null, 0), 10, 100))
            .isEqualTo(models.withdrawals().page(new WithdrawalView.Query(null, null, 0), 10, 100));
    }

    @Test
    void aSnapshotRestoredIntoSmallerRetentionKeepsTheNewestFinishedSagas() throws Exception
    {
        run(models, "DEPOSIT,0,1,USD,1000");
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++)
        {
            final long id = run(models, "WITHDRAW_REQUEST,1,1,USD,1,50,1");
            ids.add(id);
            if (i != 2)
            {
                run(models, "WITHDRAW_CONFIRM,1," + id + ",1");
            }
        }
        final ReadModels small = new ReadModels(TIME_UNIT, KEEP_THREE);
        ReadModelSnapshots.decode(ReadModelSnapshots.encode(ReadModelSnapshots.capture(models)), small);

        assertThat(small.withdrawals().page(new WithdrawalView.Query(null, null, 0), 10, 100).value().withdrawals())
            .extracting(Status::withdrawalId).containsExactly(ids.get(2), ids.get(3), ids.get(4), ids.get(5));
        assertThat(small.withdrawals().evictedCount()).isEqualTo(2);
    }

    /**
     * Once the finished sagas fill their retention and the pool holds every entry, a saga's whole
     * life (request, retry, answer) allocates nothing: far less than a byte per saga in all.
     */
    @Test
    void shouldNotAllocateApplyingSagasOnceWarm()
    {
        final WithdrawalView view = new WithdrawalView(1_000);
        final EventBatch b = new EventBatch();
        final long usdHi = AsciiName.hi("USD");
        final long usdLo = AsciiName.lo("USD");
        final int warmUp = 20_000;
        final int measured = 50_000;
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long seq = 0;
        long before = 0;
        for (int i = 0; i < warmUp + measured; i++)
        {
            if (i == warmUp)
            {
                before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
            final long id = ++seq;
            b.begin(id, id, CommandType.WITHDRAW_REQUEST);
            b.withdrawal(EventType.WITHDRAW_PENDING, id, 1 + i % 7, usdHi, usdLo, 5, 1, id + 10, 3);
            view.accept(b);
            b.begin(++seq, seq, CommandType.TICK);
            b.withdrawal(EventType.WITHDRAW_ATTEMPT, id, 1 + i % 7, usdHi, usdLo, 5, 2, seq + 20, 3);
            view.accept(b);
            b.begin(++seq, seq, CommandType.WITHDRAW_CONFIRM);
            b.withdrawal(i % 3 == 0 ? EventType.WITHDRAW_FAILED : EventType.WITHDRAW_CONFIRMED, id, 1 + i % 7, usdHi,
                usdLo, 5, 2, 0, 3);
            view.accept(b);
        }
        final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(view.keptCount()).isEqualTo(1_000);
        assertThat(allocated).as("bytes allocated applying %d sagas after warm-up", measured).isLessThan(measured);
    }

    private WithdrawalView.Page page(final Long account, final State state, final long afterId, final int limit)
    {
        return models.withdrawals().page(new WithdrawalView.Query(account, state, afterId), limit, 1 << 16).value();
    }

    /** Every page of a query, followed by {@code next} until there is none. */
    private List<Long> pagedIds(final Long account, final State state, final int limit)
    {
        final List<Long> out = new ArrayList<>();
        long after = 0;
        do
        {
            final WithdrawalView.Page p = page(account, state, after, limit);
            assertThat(p.withdrawals()).hasSizeLessThanOrEqualTo(limit);
            p.withdrawals().forEach(s -> out.add(s.withdrawalId()));
            after = p.nextAfterId();
        }
        while (after >= 0);
        return out;
    }
}
