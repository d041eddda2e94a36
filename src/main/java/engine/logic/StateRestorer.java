package engine.logic;

import engine.book.Instrument;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.book.Order;
import engine.risk.Account;

/**
 * Rebuilds state from a snapshot: instruments, balances and resting orders in priority
 * order, written straight into the structures without producing events.
 */
public final class StateRestorer
{
    private final EngineState state;
    private final BusinessLogic logic;

    StateRestorer(final EngineState state, final BusinessLogic logic)
    {
        this.state = state;
        this.logic = logic;
    }

    public void instrument(final long symbolHi, final long symbolLo, final long baseHi, final long baseLo,
        final long quoteHi, final long quoteLo, final long baseScale, final long quoteScale)
    {
        state.instruments.add(symbolHi, symbolLo, state.accounts.assets(), baseHi, baseLo, quoteHi, quoteLo,
            baseScale, quoteScale);
    }

    /** Creates an account (it exists even when all its balances are zero). */
    public void account(final long account)
    {
        state.accounts.getOrCreate(account);
    }

    /** Sets a balance; also creates the account. */
    public void balance(final long account, final long assetHi, final long assetLo, final long available,
        final long reserved)
    {
        final int asset = state.accounts.assets().add(assetHi, assetLo);
        final Account target = state.accounts.getOrCreate(account);
        target.credit(asset, available + reserved);
        target.reserve(asset, reserved);
    }

    /** Appends a resting order at the back of its price level; call in priority order. */
    public void restingOrder(final long symbolHi, final long symbolLo, final long orderId, final long account,
        final Side side, final TimeInForce tif, final long price, final long openQty, final long filledQty,
        final long expiry)
    {
        final Instrument instrument = state.instruments.find(symbolHi, symbolLo);
        final Order order = state.orderPool.acquire().init(orderId, account, side, tif, price, openQty + filledQty,
            expiry, instrument, state.accounts.getOrCreate(account));
        order.fillIncoming(filledQty);
        instrument.book().add(order);
        state.openOrders.put(orderId, order);
        if (tif == TimeInForce.GTD)
        {
            state.expiries.add(order);
        }
    }

    /** Puts a withdrawal saga back in flight; call in saga id order, after the balances. */
    public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
        final boolean cancelling)
    {
        final int asset = state.accounts.assets().add(assetHi, assetLo);
        state.accounts.getOrCreate(account);
        state.withdrawals.add(sagaId, account, asset, amount, timeout, maxAttempts, attempt, deadline, cancelling);
    }

    public void creditedTransfer(final long txId)
    {
        state.creditedTransfers.add(txId);
    }

    /** Puts a trade back among those that can be busted; call oldest first, after the instruments. */
    public void recentTrade(final long seq, final int index, final long symbolHi, final long symbolLo, final long price,
        final long qty, final long buyer, final long seller, final long baseHi, final long baseLo, final long quoteHi,
        final long quoteLo, final long baseAmount, final long quoteAmount, final boolean busted)
    {
        state.accounts.getOrCreate(buyer);
        state.accounts.getOrCreate(seller);
        state.trades.put(seq, index, symbolHi, symbolLo, price, qty, buyer, seller, state.accounts.assets().add(baseHi, baseLo),
            state.accounts.assets().add(quoteHi, quoteLo), baseAmount, quoteAmount, busted);
    }

    public void position(final long lastSeq, final long lastTimestamp)
    {
        logic.restorePosition(lastSeq, lastTimestamp);
    }
}
