package engine.logic;

import engine.book.Instrument;
import engine.book.Order;

/**
 * A 64-bit digest of everything the state walk shows: instruments, resting orders with all
 * their fields in priority order, balances, withdrawals in flight, credited transfer ids and the recent trades that
 * can be busted. Compared only between runs of this engine.
 */
final class StateHash implements StateVisitor
{
    private long hash = 0x6A09E667F3BCC908L;

    private void mix(final long value)
    {
        long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        hash = h * 0xBF58476D1CE4E5B9L;
    }

    @Override
    public void instrument(final Instrument instrument)
    {
        mix(1);
        mix(instrument.symbolHi());
        mix(instrument.symbolLo());
        mix(instrument.baseAssetHi());
        mix(instrument.baseAssetLo());
        mix(instrument.quoteAssetHi());
        mix(instrument.quoteAssetLo());
        mix(instrument.baseScale());
        mix(instrument.quoteScale());
    }

    @Override
    public void restingOrder(final Instrument instrument, final Order order)
    {
        mix(2);
        mix(instrument.symbolHi());
        mix(order.orderId());
        mix(order.account());
        mix(order.side().code());
        mix(order.tif().code());
        mix(order.price());
        mix(order.openQty());
        mix(order.filledQty());
        mix(order.expiry());
    }

    @Override
    public void account(final long account)
    {
        mix(4);
        mix(account);
    }

    @Override
    public void balance(final long account, final long assetHi, final long assetLo, final long available,
        final long reserved)
    {
        mix(3);
        mix(account);
        mix(assetHi);
        mix(assetLo);
        mix(available);
        mix(reserved);
    }

    @Override
    public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
        final boolean cancelling)
    {
        mix(5);
        mix(sagaId);
        mix(account);
        mix(assetHi);
        mix(assetLo);
        mix(amount);
        mix(timeout);
        mix(attempt);
        mix(maxAttempts);
        mix(deadline);
        if (cancelling)
        {
            // Mixed only when set, so a pending saga hashes as before the state existed: a version 3 snapshot (all its
            // sagas pending) still matches the hash recorded in its header.
            mix(1);
        }
    }

    @Override
    public void creditedTransfer(final long txId)
    {
        mix(6);
        mix(txId);
    }

    @Override
    public void recentTrade(final long seq, final int index, final long symbolHi, final long symbolLo, final long price,
        final long qty, final long buyer, final long seller, final long baseHi, final long baseLo, final long quoteHi,
        final long quoteLo, final long baseAmount, final long quoteAmount, final boolean busted)
    {
        mix(7);
        mix(seq);
        mix(index);
        mix(symbolHi);
        mix(symbolLo);
        mix(price);
        mix(qty);
        mix(buyer);
        mix(seller);
        mix(baseHi);
        mix(baseLo);
        mix(quoteHi);
        mix(quoteLo);
        mix(baseAmount);
        mix(quoteAmount);
        mix(busted ? 1 : 0);
    }

    long value()
    {
        return hash;
    }
}
