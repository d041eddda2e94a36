package engine.logic;

import engine.book.Instrument;
import engine.book.Order;

/** Receives the engine state in canonical order (see {@link BusinessLogic#visit}). */
public interface StateVisitor
{
    /** Instruments come first, in symbol byte order. */
    default void instrument(final Instrument instrument)
    {
    }

    /**
     * Resting orders, per instrument in symbol byte order: bids best first, then asks best
     * first, oldest first within a price.
     */
    default void restingOrder(final Instrument instrument, final Order order)
    {
    }

    /** Every account, by id, each followed by its balances. */
    default void account(final long account)
    {
    }

    /** Balances with a non-zero available or reserved amount, by account, then asset byte order. */
    default void balance(final long account, final long assetHi, final long assetLo, final long available,
        final long reserved)
    {
    }

    /**
     * Withdrawal sagas in flight, after the balances, by saga id. Their amounts have left
     * {@code available} and still belong to the account: they count in every total. A cancelling one (its last
     * attempt's deadline passed, the wallet is asked whether it paid) has no deadline: 0.
     */
    default void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
        final boolean cancelling)
    {
    }

    /** External transaction ids of the deposit notifications credited so far, last, in numeric order. */
    default void creditedTransfer(final long txId)
    {
    }

    /**
     * The trades that can still be busted, last, oldest first (in trade id order): the trade id {@code (seq, index)},
     * what traded, who bought and sold, and the base and quote amounts that settled between them.
     */
    default void recentTrade(final long seq, final int index, final long symbolHi, final long symbolLo, final long price,
        final long qty, final long buyer, final long seller, final long baseHi, final long baseLo, final long quoteHi,
        final long quoteLo, final long baseAmount, final long quoteAmount, final boolean busted)
    {
    }
}
