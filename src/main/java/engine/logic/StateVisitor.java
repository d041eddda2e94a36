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
}
