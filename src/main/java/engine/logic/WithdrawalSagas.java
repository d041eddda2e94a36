package engine.logic;

import engine.api.Command;
import engine.api.EventSink;
import engine.api.EventType;
import engine.api.Reason;
import engine.risk.NameIndex;

/**
 * The business logic's side of a withdrawal saga: the request takes the amount out of
 * {@code available} into flight, the wallet's answer (relayed by the transfer worker as a
 * command) either lets it leave or puts it back, and a deadline passed with no answer starts
 * the next attempt or, after the last, makes the saga cancelling: the amount stays in flight
 * until the wallet, asked to cancel the key, says whether it paid (a confirm: the amount leaves)
 * or not (a fail: it comes back as timed out). Nothing is given back while the wallet might still
 * pay. Every step is a command, so the journal holds the whole saga and a replay or recovery
 * arrives at the same step.
 */
final class WithdrawalSagas
{
    private final EngineState state;

    WithdrawalSagas(final EngineState state)
    {
        this.state = state;
    }

    void request(final Command c, final EventSink sink)
    {
        if (c.timeout() <= 0 || c.attempts() < 1 || c.attempts() > Withdrawals.MAX_ATTEMPTS)
        {
            sink.rejected(false, 0, c.account(), Reason.INVALID_TIMEOUT);
            return;
        }
        final int asset = Treasury.withdrawable(state, c, sink);
        if (asset < 0)
        {
            return;
        }
        final long amount = c.amount();
        state.accounts.get(c.account()).debit(asset, amount);
        final long deadline = Withdrawals.deadline(c.timestamp(), c.timeout(), 1);
        state.withdrawals.add(c.seq(), c.account(), asset, amount, c.timeout(), (int)c.attempts(), 1, deadline);
        sink.withdrawal(EventType.WITHDRAW_PENDING, c.seq(), c.account(), c.assetHi(), c.assetLo(), amount, 1, deadline,
            c.attempts());
    }

    void confirm(final Command c, final EventSink sink)
    {
        final int at = state.withdrawals.find(c.reference());
        if (at < 0)
        {
            sink.rejected(false, 0, 0, Reason.UNKNOWN_WITHDRAWAL);
            return;
        }
        // A payment is a payment whichever attempt made it, and whether the saga is pending or cancelling (a cancel
        // that found the key paid, or a late answer of any attempt): the wallet pays a saga id at most once.
        finish(at, EventType.WITHDRAW_CONFIRMED, false, sink);
    }

    void fail(final Command c, final EventSink sink)
    {
        final Withdrawals w = state.withdrawals;
        final int at = w.find(c.reference());
        if (at < 0)
        {
            sink.rejected(false, 0, 0, Reason.UNKNOWN_WITHDRAWAL);
            return;
        }
        if (c.attempts() != w.attempt(at))
        {
            // A late refusal of an attempt that was retried: the retry (or, cancelling, the last attempt) may still
            // have paid, so nothing is given back.
            sink.rejected(false, 0, w.account(at), Reason.STALE_ATTEMPT);
            return;
        }
        // A refusal of the attempt under way: the wallet will never pay the key. Cancelling, it is the cancel's answer
        // "not paid" (or the last attempt's own late refusal, which means the same): the saga gave up, timed out.
        finish(at, w.cancelling(at) ? EventType.WITHDRAW_TIMED_OUT : EventType.WITHDRAW_FAILED, true, sink);
    }

    /**
     * Before each command: every attempt whose deadline is {@code <= time} is retried or, after the last, the saga
     * starts cancelling. Its amount is not given back here: the wallet may have paid in the meantime.
     */
    void timeOutUpTo(final long time, final EventSink sink)
    {
        final Withdrawals w = state.withdrawals;
        int at;
        while ((at = w.firstDue(time)) >= 0)
        {
            if (w.attempt(at) < w.maxAttempts(at))
            {
                final long deadline = Withdrawals.deadline(time, w.timeout(at), w.attempt(at) + 1);
                w.retry(at, deadline);
                final NameIndex assets = state.accounts.assets();
                sink.withdrawal(EventType.WITHDRAW_ATTEMPT, w.id(at), w.account(at), assets.hi(w.asset(at)),
                    assets.lo(w.asset(at)), w.amount(at), w.attempt(at), deadline, w.maxAttempts(at));
            }
            else
            {
                w.startCancelling(at);
                final NameIndex assets = state.accounts.assets();
                sink.withdrawal(EventType.WITHDRAW_CANCELLING, w.id(at), w.account(at), assets.hi(w.asset(at)),
                    assets.lo(w.asset(at)), w.amount(at), w.attempt(at), 0, w.maxAttempts(at));
            }
        }
    }

    private void finish(final int at, final EventType outcome, final boolean giveBack, final EventSink sink)
    {
        final Withdrawals w = state.withdrawals;
        final long id = w.id(at);
        final long account = w.account(at);
        final int asset = w.asset(at);
        final long amount = w.amount(at);
        final int attempt = w.attempt(at);
        final int maxAttempts = w.maxAttempts(at);
        w.remove(at);
        if (giveBack)
        {
            state.accounts.get(account).credit(asset, amount);
        }
        final NameIndex assets = state.accounts.assets();
        sink.withdrawal(outcome, id, account, assets.hi(asset), assets.lo(asset), amount, attempt, 0, maxAttempts);
    }
}
