package engine.logic;

import engine.book.Instrument;
import engine.api.AsciiName;
import engine.book.BookSide;
import engine.book.Order;
import engine.risk.Account;
import engine.risk.NameIndex;
import org.agrona.collections.LongHashSet;

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
        final Withdrawals w = state.withdrawals;
        for (int i = 0; i < w.size(); i++)
        {
            visitor.withdrawal(w.id(i), w.account(i), assets.hi(w.asset(i)), assets.lo(w.asset(i)), w.amount(i),
                w.timeout(i), w.attempt(i), w.maxAttempts(i), w.deadlineAt(i), w.cancelling(i));
        }
        final long[] transfers = new long[state.creditedTransfers.size()];
        int n = 0;
        for (final LongHashSet.LongIterator it = state.creditedTransfers.iterator(); it.hasNext(); )
        {
            transfers[n++] = it.nextValue();
        }
        java.util.Arrays.sort(transfers);
        for (final long txId : transfers)
        {
            visitor.creditedTransfer(txId);
        }
        final RecentTrades trades = state.trades;
        for (int k = 0; k < trades.size(); k++)
        {
            final int at = trades.slot(k);
            final int base = trades.baseAsset(at);
            final int quote = trades.quoteAsset(at);
            visitor.recentTrade(trades.seq(at), trades.index(at), trades.symbolHi(at), trades.symbolLo(at),
                trades.price(at), trades.qty(at), trades.buyer(at), trades.seller(at), assets.hi(base), assets.lo(base),
                assets.hi(quote), assets.lo(quote), trades.baseAmount(at), trades.quoteAmount(at), trades.busted(at));
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
