package engine.logic;

import engine.book.Instrument;
import engine.api.AsciiName;
import engine.book.BookSide;
import engine.book.Order;
import engine.risk.Account;
import engine.risk.NameIndex;

/** Walks the state in the canonical order of the dump. Allocates: never on the hot path. */
final class StateWalk
{
    private StateWalk()
    {
    }

    static void walk(final EngineState state, final StateVisitor visitor)
    {
        final Instrument[] instruments = state.instruments.sortedBySymbol();
        for (final Instrument instrument : instruments)
        {
            visitor.instrument(instrument);
        }
        for (final Instrument instrument : instruments)
        {
            walkSide(instrument, instrument.book().bids(), visitor);
            walkSide(instrument, instrument.book().asks(), visitor);
        }
        final NameIndex assets = state.accounts.assets();
        final Integer[] assetOrder = new Integer[assets.size()];
        for (int i = 0; i < assetOrder.length; i++)
        {
            assetOrder[i] = i;
        }
        java.util.Arrays.sort(assetOrder, (a, b) -> AsciiName.compare(assets.hi(a), assets.lo(a), assets.hi(b), assets.lo(b)));
        for (final Account account : state.accounts.sortedById())
        {
            visitor.account(account.id());
            for (final int asset : assetOrder)
            {
                final long available = account.available(asset);
                final long reserved = account.reserved(asset);
                if (available != 0 || reserved != 0)
                {
                    visitor.balance(account.id(), assets.hi(asset), assets.lo(asset), available, reserved);
                }
            }
        }
    }

    private static void walkSide(final Instrument instrument, final BookSide side, final StateVisitor visitor)
    {
        for (int rank = 0; rank < side.depth(); rank++)
        {
            for (Order order = side.levelFromBest(rank).head(); order != null; order = order.next())
            {
                visitor.restingOrder(instrument, order);
            }
        }
    }
}
