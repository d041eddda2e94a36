package engine.logic;

import engine.api.SelfTradePrevention;
import engine.book.ExpiryQueue;
import engine.book.Order;
import engine.book.OrderPool;
import engine.risk.Accounts;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/** Everything the business logic owns, shared by the handlers of each command. */
final class EngineState
{
    final SelfTradePrevention stp;
    final Instruments instruments = new Instruments();
    final Accounts accounts;
    /** Open orders by their engine-wide id. */
    final Long2ObjectHashMap<Order> openOrders;
    final ExpiryQueue expiries = new ExpiryQueue();
    final OrderPool orderPool;
    /** Withdrawal sagas in flight: amounts that left available and have not left the engine yet. */
    final Withdrawals withdrawals = new Withdrawals();
    /** External transaction ids of the deposit notifications credited so far (each is credited once). */
    final LongHashSet creditedTransfers = new LongHashSet();

    /** The last trades, with what a TRADE_BUST needs to reverse their settlement. */
    final RecentTrades trades;

    EngineState(final SelfTradePrevention stp, final int expectedOrders, final int expectedAccounts,
        final int recentTrades)
    {
        this.stp = stp;
        this.trades = new RecentTrades(recentTrades);
        this.accounts = new Accounts(expectedAccounts);
        this.openOrders = new Long2ObjectHashMap<>(Math.max(16, expectedOrders * 2), 0.5f);
        this.orderPool = new OrderPool(expectedOrders);
    }
}
