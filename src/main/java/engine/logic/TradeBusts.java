package engine.logic;

import engine.api.CheckedMath;
import engine.api.Command;
import engine.api.EventSink;
import engine.api.Reason;
import engine.risk.Account;

/**
 * Applies TRADE_BUST: reverses the settlement of one recent trade between its two accounts, all or nothing. The
 * buyer gives back the base amount and gets back the quote amount it paid, the seller the reverse, in available
 * balances. The orders are not revived and the book is not touched.
 */
final class TradeBusts
{
    private final EngineState state;

    TradeBusts(final EngineState state)
    {
        this.state = state;
    }

    /**
     * In order of the checks: the trade is held ({@code UNKNOWN_TRADE}), it was not busted before
     * ({@code DUPLICATE_BUST}), neither account would go below zero available ({@code INSUFFICIENT_FUNDS}) and
     * neither credit would overflow a balance together with what is reserved and in flight ({@code INVALID_AMOUNT}).
     */
    void bust(final Command c, final EventSink sink)
    {
        final RecentTrades trades = state.trades;
        final long index = c.tradeIndex();
        final int at = index < 0 || index > Integer.MAX_VALUE ? -1 : trades.find(c.tradeSeq(), index);
        if (at < 0)
        {
            sink.rejected(false, 0, 0, Reason.UNKNOWN_TRADE);
            return;
        }
        if (trades.busted(at))
        {
            sink.rejected(false, 0, 0, Reason.DUPLICATE_BUST);
            return;
        }
        final Reason refused = refuse(trades, at);
        if (refused != Reason.NONE)
        {
            sink.rejected(false, 0, 0, refused);
            return;
        }
        // A self-trade settled nothing between two parties: undoing it moves nothing either.
        if (trades.buyer(at) != trades.seller(at))
        {
            final Account buyer = state.accounts.get(trades.buyer(at));
            final Account seller = state.accounts.get(trades.seller(at));
            buyer.debit(trades.baseAsset(at), trades.baseAmount(at));
            seller.debit(trades.quoteAsset(at), trades.quoteAmount(at));
            buyer.credit(trades.quoteAsset(at), trades.quoteAmount(at));
            seller.credit(trades.baseAsset(at), trades.baseAmount(at));
        }
        trades.markBusted(at);
        sink.tradeBusted(trades.seq(at), trades.index(at), trades.symbolHi(at), trades.symbolLo(at), trades.price(at),
            trades.qty(at), trades.buyer(at), trades.seller(at), trades.baseAmount(at), trades.quoteAmount(at));
    }

    private Reason refuse(final RecentTrades trades, final int at)
    {
        if (trades.buyer(at) == trades.seller(at))
        {
            return Reason.NONE;
        }
        final Account buyer = state.accounts.get(trades.buyer(at));
        final Account seller = state.accounts.get(trades.seller(at));
        final int base = trades.baseAsset(at);
        final int quote = trades.quoteAsset(at);
        if (buyer.available(base) < trades.baseAmount(at) || seller.available(quote) < trades.quoteAmount(at))
        {
            return Reason.INSUFFICIENT_FUNDS;
        }
        if (!canCredit(buyer, quote, trades.quoteAmount(at)) || !canCredit(seller, base, trades.baseAmount(at)))
        {
            return Reason.INVALID_AMOUNT;
        }
        return Reason.NONE;
    }

    /** As for a deposit: the credit must fit in 64 bits together with what is reserved and in flight. */
    private boolean canCredit(final Account account, final int asset, final long amount)
    {
        return account.canHold(asset, CheckedMath.saturatingAdd(amount, state.withdrawals.inFlight(account.id(), asset)));
    }
}
