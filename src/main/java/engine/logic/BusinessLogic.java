package engine.logic;

import engine.api.Command;
import engine.api.CommandProcessor;
import engine.api.EventSink;
import engine.api.Reason;
import engine.api.SelfTradePrevention;
import engine.book.Order;

/**
 * The business logic processor: applies one command at a time to the in-memory state and
 * writes its events to a sink. Deterministic: it reads no clock (time comes with the
 * command), no randomness and no environment, does no I/O and takes no locks. Single-threaded.
 */
public final class BusinessLogic implements CommandProcessor
{
    /** How many of the last trades can be busted unless the engine is told otherwise. */
    public static final int DEFAULT_RECENT_TRADES = RecentTrades.DEFAULT_CAPACITY;

    private final EngineState state;
    private final Matcher matcher;
    private final OrderEntry orderEntry;
    private final OrderAmendment amendment;
    private final Treasury treasury;
    private final WithdrawalSagas sagas;
    private final TradeBusts busts;
    private long lastSeq;
    private long lastTimestamp;

    public BusinessLogic(final SelfTradePrevention stp)
    {
        this(stp, 1 << 16, 1 << 12);
    }

    /** @param expectedOrders and {@code expectedAccounts} presize pools and maps so warm-up allocates less. */
    public BusinessLogic(final SelfTradePrevention stp, final int expectedOrders, final int expectedAccounts)
    {
        this(stp, expectedOrders, expectedAccounts, DEFAULT_RECENT_TRADES);
    }

    /**
     * @param recentTrades how many of the last trades can still be busted (TRADE_BUST). Part of the rules like
     *                     {@code stp}: a replay must use the same number, or a bust of an old trade may be answered
     *                     differently and the state hash differs.
     */
    public BusinessLogic(final SelfTradePrevention stp, final int expectedOrders, final int expectedAccounts,
        final int recentTrades)
    {
        state = new EngineState(stp, expectedOrders, expectedAccounts, recentTrades);
        matcher = new Matcher(state);
        orderEntry = new OrderEntry(state, matcher);
        amendment = new OrderAmendment(state, matcher);
        treasury = new Treasury(state);
        sagas = new WithdrawalSagas(state);
        busts = new TradeBusts(state);
    }

    public SelfTradePrevention selfTradePrevention()
    {
        return state.stp;
    }

    /**
     * Applies one command: first expires GTD orders due at its time, then retries or times out
     * withdrawals whose attempt deadline has come, then the command itself.
     */
    @Override
    public void apply(final Command command, final EventSink sink)
    {
        lastSeq = command.seq();
        lastTimestamp = command.timestamp();
        state.trades.beginCommand(command.seq());
        expireUpTo(command.timestamp(), sink);
        sagas.timeOutUpTo(command.timestamp(), sink);
        switch (command.type())
        {
            case PLACE -> orderEntry.place(command, sink);
            case AMEND -> amendment.amend(command, sink);
            case CANCEL -> amendment.cancel(command, sink);
            case DEPOSIT -> treasury.deposit(command, sink);
            case WITHDRAW -> treasury.withdraw(command, sink);
            case SYMBOL -> treasury.addSymbol(command, sink);
            case WITHDRAW_REQUEST -> sagas.request(command, sink);
            case WITHDRAW_CONFIRM -> sagas.confirm(command, sink);
            case WITHDRAW_FAIL -> sagas.fail(command, sink);
            case DEPOSIT_NOTIFY -> treasury.depositNotify(command, sink);
            case BALANCE_ADJUST -> treasury.adjust(command, sink);
            case TRADE_BUST -> busts.bust(command, sink);
            case TICK ->
            {
            }
        }
    }

    private void expireUpTo(final long time, final EventSink sink)
    {
        Order due;
        while ((due = state.expiries.peek()) != null && due.expiry() <= time)
        {
            matcher.cancelResting(due, Reason.EXPIRED, sink);
        }
    }

    /**
     * The earliest command time at which something happens without any new command: a GTD
     * expiry or a withdrawal attempt's deadline; {@link Long#MAX_VALUE} when nothing is due. A pure
     * function of the state, so a timer can act on it while the logic itself reads no clock.
     */
    public long nextDueTime()
    {
        final Order first = state.expiries.peek();
        return Math.min(first == null ? Long.MAX_VALUE : first.expiry(), state.withdrawals.earliestDeadline());
    }

    /** How many withdrawal sagas are in flight. */
    public int withdrawalsInFlight()
    {
        return state.withdrawals.size();
    }

    /** The sequence number of the last command applied (0 before any). */
    public long lastSeq()
    {
        return lastSeq;
    }

    public long lastTimestamp()
    {
        return lastTimestamp;
    }

    public int openOrderCount()
    {
        return state.openOrders.size();
    }

    /** How many trades are held for busting now (at most {@link #recentTradesCapacity()}). */
    public int recentTradeCount()
    {
        return state.trades.size();
    }

    public int recentTradesCapacity()
    {
        return state.trades.capacity();
    }

    /** Walks the whole state in canonical order; for dumps, hashes, snapshots and tests. */
    public void visit(final StateVisitor visitor)
    {
        StateWalk.walk(state, visitor);
    }

    /** The engine's digest of its state; equal states give equal hashes. */
    public long stateHash()
    {
        final StateHash hash = new StateHash();
        visit(hash);
        return hash.value();
    }

    /** Direct access for the snapshot loader, which rebuilds state without replaying commands. */
    public StateRestorer restorer()
    {
        return new StateRestorer(state, this);
    }

    void restorePosition(final long seq, final long timestamp)
    {
        lastSeq = seq;
        lastTimestamp = timestamp;
    }
}
