package engine.logic;

import engine.api.Command;
import engine.api.EventSink;
import engine.api.CheckedMath;
import engine.api.Reason;
import engine.risk.Account;

/** Applies the commands that move money in and out and list instruments. */
final class Treasury
{
    private final EngineState state;

    Treasury(final EngineState state)
    {
        this.state = state;
    }

    void addSymbol(final Command c, final EventSink sink)
    {
        if (state.instruments.find(c.symbolHi(), c.symbolLo()) != null)
        {
            sink.rejected(false, 0, 0, Reason.DUPLICATE_SYMBOL);
            return;
        }
        if (c.baseScale() <= 0 || c.quoteScale() <= 0)
        {
            sink.rejected(false, 0, 0, Reason.INVALID_SCALE);
            return;
        }
        state.instruments.add(c.symbolHi(), c.symbolLo(), state.accounts.assets(), c.assetHi(), c.assetLo(),
            c.quoteAssetHi(), c.quoteAssetLo(), c.baseScale(), c.quoteScale());
        sink.symbolAdded(c.symbolHi(), c.symbolLo(), c.assetHi(), c.assetLo(), c.quoteAssetHi(), c.quoteAssetLo(),
            c.baseScale(), c.quoteScale());
    }

    void deposit(final Command c, final EventSink sink)
    {
        if (validDeposit(c, sink))
        {
            credit(c, sink);
        }
    }

    /** A deposit seen on the external system: credited like a DEPOSIT, once per external transaction id. */
    void depositNotify(final Command c, final EventSink sink)
    {
        if (state.creditedTransfers.contains(c.reference()))
        {
            sink.rejected(false, 0, c.account(), Reason.DUPLICATE_TRANSFER);
            return;
        }
        if (validDeposit(c, sink))
        {
            state.creditedTransfers.add(c.reference());
            credit(c, sink);
        }
    }

    private boolean validDeposit(final Command c, final EventSink sink)
    {
        final long amount = c.amount();
        final Account existing = state.accounts.get(c.account());
        final int known = state.accounts.assets().indexOf(c.assetHi(), c.assetLo());
        // Amounts in flight come back if their withdrawal fails, so they count towards what fits.
        if (amount <= 0 || (existing != null && known >= 0 &&
            !existing.canHold(known, CheckedMath.saturatingAdd(amount, state.withdrawals.inFlight(c.account(), known)))))
        {
            sink.rejected(false, 0, c.account(), Reason.INVALID_AMOUNT);
            return false;
        }
        return true;
    }

    private void credit(final Command c, final EventSink sink)
    {
        final long amount = c.amount();
        final int asset = state.accounts.assets().add(c.assetHi(), c.assetLo());
        state.accounts.getOrCreate(c.account()).credit(asset, amount);
        sink.deposited(c.account(), c.assetHi(), c.assetLo(), amount);
    }

    void withdraw(final Command c, final EventSink sink)
    {
        final int asset = withdrawable(state, c, sink);
        if (asset >= 0)
        {
            state.accounts.get(c.account()).debit(asset, c.amount());
            sink.withdrawn(c.account(), c.assetHi(), c.assetLo(), c.amount());
        }
    }

    /**
     * The checks of a withdrawal, in order: the account exists, the amount is positive and no more
     * than {@code available} (reserved funds cannot leave).
     *
     * @return the asset's index, or -1 after rejecting the command
     */
    static int withdrawable(final EngineState state, final Command c, final EventSink sink)
    {
        final Account account = state.accounts.get(c.account());
        if (account == null)
        {
            sink.rejected(false, 0, c.account(), Reason.UNKNOWN_ACCOUNT);
            return -1;
        }
        if (c.amount() <= 0)
        {
            sink.rejected(false, 0, c.account(), Reason.INVALID_AMOUNT);
            return -1;
        }
        final int asset = state.accounts.assets().indexOf(c.assetHi(), c.assetLo());
        if (asset < 0 || account.available(asset) < c.amount())
        {
            sink.rejected(false, 0, c.account(), Reason.INSUFFICIENT_FUNDS);
            return -1;
        }
        return asset;
    }
}
