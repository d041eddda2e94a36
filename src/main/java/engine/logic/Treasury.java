package engine.logic;

import engine.api.Command;
import engine.api.EventSink;
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
        final long amount = c.amount();
        final Account existing = state.accounts.get(c.account());
        final int known = state.accounts.assets().indexOf(c.assetHi(), c.assetLo());
        if (amount <= 0 || (existing != null && known >= 0 && !existing.canHold(known, amount)))
        {
            sink.rejected(false, 0, c.account(), Reason.INVALID_AMOUNT);
            return;
        }
        final int asset = state.accounts.assets().add(c.assetHi(), c.assetLo());
        state.accounts.getOrCreate(c.account()).credit(asset, amount);
        sink.deposited(c.account(), c.assetHi(), c.assetLo(), amount);
    }

    void withdraw(final Command c, final EventSink sink)
    {
        final Account account = state.accounts.get(c.account());
        if (account == null)
        {
            sink.rejected(false, 0, c.account(), Reason.UNKNOWN_ACCOUNT);
            return;
        }
        final long amount = c.amount();
        if (amount <= 0)
        {
            sink.rejected(false, 0, c.account(), Reason.INVALID_AMOUNT);
            return;
        }
        final int asset = state.accounts.assets().indexOf(c.assetHi(), c.assetLo());
        if (asset < 0 || account.available(asset) < amount)
        {
            sink.rejected(false, 0, c.account(), Reason.INSUFFICIENT_FUNDS);
            return;
        }
        account.debit(asset, amount);
        sink.withdrawn(c.account(), c.assetHi(), c.assetLo(), amount);
    }
}
