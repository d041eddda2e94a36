package engine.logic;

import engine.book.Instrument;
import engine.api.AsciiName;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.book.Order;
import engine.core.EventBatch;
import engine.format.AsciiBuffer;
import engine.format.CanonicalFormat;
import engine.format.CommandFileWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The five invariants of TRADING-RULES.md, checked after every command from the engine's own
 * state walk plus the events seen so far:
 * <ol>
 * <li>per asset, the sum over accounts of available + reserved, plus the withdrawals in flight (pending or
 * cancelling: a cancelling saga's amount has not come back yet),
 * = deposits - withdrawals (paid out: WITHDRAWN and WITHDRAW_CONFIRMED) + balance adjustments (signed:
 * an operator's correction is an external flow like a deposit or a withdrawal);</li>
 * <li>per account and asset, reserved = what its resting orders hold;</li>
 * <li>no negative balance, no crossed book (and each side in price order);</li>
 * <li>per order, filled + open + cancelled = total (AMENDED sets total = filled + new open);</li>
 * <li>a twin business logic fed the same commands emits the same event records and state hash;</li>
 * <li>a TRADE_BUSTED names a trade that happened, with its symbol, price, qty, buyer and seller, and no trade is
 * busted twice (a bust moves money between two accounts only, so invariant 1 holds through it unchanged).</li>
 * </ol>
 * A violation throws an {@link AssertionError} naming the command and what broke.
 */
final class InvariantChecker
{
    private final BusinessLogic twin;
    private final EventBatch twinEvents = new EventBatch();
    private final Map<String, BigInteger> netDeposits = new HashMap<>();
    private final Map<Long, OrderLife> liveOrders = new HashMap<>();
    /** Every trade by its id "seq/index", as "symbol price qty buyer seller", and the ids busted so far. */
    private final Map<String, String> trades = new HashMap<>();
    private final Set<String> busted = new HashSet<>();
    private final long[] recordA = new long[EventBatch.recordWords()];
    private final long[] recordB = new long[EventBatch.recordWords()];
    private long commandsChecked;

    /** What the events say about one order that is not done yet. */
    private static final class OrderLife
    {
        long total;
        long filled;
        long cancelled;

        long open()
        {
            return total - filled - cancelled;
        }

        @Override
        public String toString()
        {
            return "total=" + total + " filled=" + filled + " cancelled=" + cancelled;
        }
    }

    InvariantChecker(final SelfTradePrevention stp)
    {
        this(stp, BusinessLogic.DEFAULT_RECENT_TRADES);
    }

    InvariantChecker(final SelfTradePrevention stp, final int recentTrades)
    {
        twin = new BusinessLogic(stp, 1 << 16, 1 << 12, recentTrades);
    }

    long commandsChecked()
    {
        return commandsChecked;
    }

    /** Call after {@code logic} applied {@code command}, whose events are in {@code events}. */
    void afterCommand(final Command command, final EventBatch events, final BusinessLogic logic)
    {
        final String where = "after seq " + command.seq() + " [" + CommandFileWriter.line(command) + "]";
        track(events, where);
        checkState(logic, where);
        checkDeterminism(command, events, logic, where);
        commandsChecked++;
    }

    // Invariant 5
    private void checkDeterminism(final Command command, final EventBatch events, final BusinessLogic logic,
        final String where)
    {
        twinEvents.begin(command, null);
        twin.apply(command, twinEvents);
        if (!lines(twinEvents).equals(lines(events)))
        {
            fail(where, "invariant 5: a replay gave other events: " + lines(twinEvents) + " vs " + lines(events));
        }
        for (int i = 0; i < events.count(); i++)
        {
            events.copyRecord(i, recordA, 0);
            twinEvents.copyRecord(i, recordB, 0);
            if (!Arrays.equals(recordA, recordB))
            {
                fail(where, "invariant 5: event " + i + " differs in its raw record on replay");
            }
        }
        if (twin.stateHash() != logic.stateHash())
        {
            fail(where, "invariant 5: a replay gave another state hash");
        }
    }

    // Inputs of invariants 1 and 4
    private void track(final EventBatch b, final String where)
    {
        int tradeIndex = 0;
        for (int i = 0; i < b.count(); i++)
        {
            switch (b.type(i))
            {
                case TRADE -> trades.put(b.seq() + "/" + tradeIndex++, name(b.nameHi(i), b.nameLo(i)) + " " + b.price(i) +
                    " " + b.qty(i) + " " + (b.side(i) == Side.BUY ? b.account(i) + " " + b.makerAccount(i) :
                    b.makerAccount(i) + " " + b.account(i)));
                case TRADE_BUSTED ->
                {
                    // Invariant 6: a bust reverses a trade that happened, as it happened, once.
                    final String id = b.bustedSeq(i) + "/" + b.bustedIndex(i);
                    final String bust = name(b.nameHi(i), b.nameLo(i)) + " " + b.price(i) + " " + b.qty(i) + " " +
                        b.account(i) + " " + b.makerAccount(i);
                    if (!bust.equals(trades.get(id)) || !busted.add(id))
                    {
                        fail(where, "invariant 6: bust of trade " + id + " [" + bust + "] but the trade was [" +
                            trades.get(id) + "]" + (busted.contains(id) ? ", busted before" : ""));
                    }
                }
                default ->
                {
                }
            }
        }
        for (int i = 0; i < b.count(); i++)
        {
            switch (b.type(i))
            {
                case DEPOSITED, BALANCE_ADJUSTED -> netDeposits.merge(name(b.nameHi(i), b.nameLo(i)), BigInteger.valueOf(b.qty(i)),
                    BigInteger::add);
                case WITHDRAWN, WITHDRAW_CONFIRMED -> netDeposits.merge(name(b.nameHi(i), b.nameLo(i)),
                    BigInteger.valueOf(-b.qty(i)), BigInteger::add);
                case ACCEPTED ->
                {
                    if (liveOrders.containsKey(b.orderId(i)))
                    {
                        fail(where, "order id " + b.orderId(i) + " accepted while still open");
                    }
                    final OrderLife life = new OrderLife();
                    life.total = b.qty(i);
                    liveOrders.put(b.orderId(i), life);
                }
                case TRADE ->
                {
                    if (b.qty(i) <= 0)
                    {
                        fail(where, "a trade of " + b.qty(i) + " lots");
                    }
                    life(b.orderId(i), where).filled += b.qty(i);
                    life(b.makerOrderId(i), where).filled += b.qty(i);
                    forgetIfDone(b.orderId(i), where);
                    forgetIfDone(b.makerOrderId(i), where);
                }
                case CANCELED ->
                {
                    life(b.orderId(i), where).cancelled += b.qty(i);
                    forgetIfDone(b.orderId(i), where);
                }
                case AMENDED ->
                {
                    final OrderLife life = life(b.orderId(i), where);
                    life.total = life.filled + life.cancelled + b.qty(i);
                }
                default ->
                {
                }
            }
        }
    }

    /** An order whose open quantity reached zero is done; its id may come back in a later ACCEPTED. */
    private void forgetIfDone(final long orderId, final String where)
    {
        final OrderLife life = liveOrders.get(orderId);
        if (life.open() < 0)
        {
            fail(where, "invariant 4: order " + orderId + " has negative open qty: " + life);
        }
        if (life.open() == 0)
        {
            liveOrders.remove(orderId);
        }
    }

    private OrderLife life(final long orderId, final String where)
    {
        final OrderLife life = liveOrders.get(orderId);
        if (life == null)
        {
            fail(where, "invariant 4: an event names order " + orderId + ", which is not open");
        }
        return life;
    }

    private void checkState(final BusinessLogic logic, final String where)
    {
        final Snapshot s = new Snapshot();
        logic.visit(s);

        // Invariant 1: conservation per asset.
        final Map<String, BigInteger> held = new HashMap<>();
        final Map<String, Long> reserved = new HashMap<>();
        for (final long[] balance : s.balances)
        {
            final String asset = name(balance[1], balance[2]);
            held.merge(asset, BigInteger.valueOf(balance[3]).add(BigInteger.valueOf(balance[4])), BigInteger::add);
            reserved.put(balance[0] + "/" + asset, balance[4]);
            // Invariant 3: no negative balance.
            if (balance[3] < 0 || balance[4] < 0)
            {
                fail(where, "invariant 3: negative balance " + Arrays.toString(balance) + " of " + asset);
            }
        }
        for (final long[] inFlight : s.withdrawals)
        {
            if (inFlight[3] <= 0)
            {
                fail(where, "invariant 3: a withdrawal in flight of " + inFlight[3]);
            }
            held.merge(name(inFlight[1], inFlight[2]), BigInteger.valueOf(inFlight[3]), BigInteger::add);
        }
        if (!nonZero(held).equals(nonZero(netDeposits)))
        {
            fail(where, "invariant 1: held " + nonZero(held) + " but deposits - withdrawals are " + nonZero(netDeposits));
        }

        // Invariant 2: reserved = what open orders hold.
        final Map<String, Long> holds = new HashMap<>();
        for (final Resting r : s.resting)
        {
            final Instrument in = r.instrument;
            final Order o = r.order;
            final long amount = o.side() == Side.BUY ?
                Math.multiplyExact(Math.multiplyExact(o.price(), o.openQty()), in.quoteScale()) :
                Math.multiplyExact(o.openQty(), in.baseScale());
            final String asset = o.side() == Side.BUY ? name(in.quoteAssetHi(), in.quoteAssetLo()) :
                name(in.baseAssetHi(), in.baseAssetLo());
            holds.merge(o.account() + "/" + asset, amount, Math::addExact);
        }
        reserved.values().removeIf(v -> v == 0);
        if (!reserved.equals(holds))
        {
            fail(where, "invariant 2: reserved " + reserved + " but open orders hold " + holds);
        }

        // Invariant 3: books in price order and never crossed.
        checkBooks(s, where);

        // Invariant 4: the book agrees with the lifecycle told by the events.
        final Map<Long, Order> inBook = new HashMap<>();
        for (final Resting r : s.resting)
        {
            final Order o = r.order;
            if (inBook.put(o.orderId(), o) != null)
            {
                fail(where, "order id " + o.orderId() + " rests twice");
            }
            final OrderLife life = liveOrders.get(o.orderId());
            if (life == null || life.open() != o.openQty() || life.filled != o.filledQty() || o.openQty() <= 0)
            {
                fail(where, "invariant 4: resting order " + o.orderId() + " open=" + o.openQty() + " filled=" +
                    o.filledQty() + " but its events say " + life);
            }
        }
        for (final Map.Entry<Long, OrderLife> entry : liveOrders.entrySet())
        {
            if (!inBook.containsKey(entry.getKey()))
            {
                fail(where, "invariant 4: order " + entry.getKey() + " is open by its events (" + entry.getValue() +
                    ") but not in the book");
            }
        }
        if (logic.openOrderCount() != inBook.size())
        {
            fail(where, "the engine counts " + logic.openOrderCount() + " open orders, the book holds " + inBook.size());
        }
    }

    private static void checkBooks(final Snapshot s, final String where)
    {
        Resting previous = null;
        for (final Resting r : s.resting)
        {
            final boolean sameSide = previous != null && previous.instrument == r.instrument &&
                previous.order.side() == r.order.side();
            if (sameSide)
            {
                final long before = previous.order.price();
                final long now = r.order.price();
                if (r.order.side() == Side.BUY ? now > before : now < before)
                {
                    fail(where, "invariant 3: book side out of price order at order " + r.order.orderId());
                }
            }
            if (previous != null && previous.instrument == r.instrument && previous.order.side() == Side.SELL &&
                r.order.side() == Side.BUY)
            {
                fail(where, "invariant 3: a bid listed after the asks at order " + r.order.orderId());
            }
            previous = r;
        }
        final Map<Instrument, long[]> best = new HashMap<>();
        for (final Resting r : s.resting)
        {
            final long[] bidAsk = best.computeIfAbsent(r.instrument, k -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
            if (r.order.side() == Side.BUY)
            {
                bidAsk[0] = Math.max(bidAsk[0], r.order.price());
            }
            else
            {
                bidAsk[1] = Math.min(bidAsk[1], r.order.price());
            }
        }
        for (final Map.Entry<Instrument, long[]> e : best.entrySet())
        {
            if (e.getValue()[0] >= e.getValue()[1])
            {
                fail(where, "invariant 3: crossed book " + name(e.getKey().symbolHi(), e.getKey().symbolLo()) +
                    " bid " + e.getValue()[0] + " >= ask " + e.getValue()[1]);
            }
        }
    }

    private static Map<String, BigInteger> nonZero(final Map<String, BigInteger> sums)
    {
        final Map<String, BigInteger> result = new HashMap<>(sums);
        result.values().removeIf(v -> v.signum() == 0);
        return result;
    }

    static List<String> lines(final EventBatch batch)
    {
        final AsciiBuffer out = new AsciiBuffer(256);
        CanonicalFormat.appendLines(batch, out);
        final String text = out.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    static String name(final long hi, final long lo)
    {
        return AsciiName.toString(hi, lo);
    }

    private static void fail(final String where, final String what)
    {
        throw new AssertionError(where + ": " + what);
    }

    private record Resting(Instrument instrument, Order order)
    {
    }

    /** The state walk, copied out (orders are pooled, but the walk reads them before any change). */
    private static final class Snapshot implements StateVisitor
    {
        final List<Resting> resting = new ArrayList<>();
        final List<long[]> balances = new ArrayList<>();
        /** account, assetHi, assetLo, amount of each withdrawal in flight, pending or cancelling. */
        final List<long[]> withdrawals = new ArrayList<>();

        @Override
        public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
            final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
            final boolean cancelling)
        {
            withdrawals.add(new long[] {account, assetHi, assetLo, amount});
        }

        @Override
        public void restingOrder(final Instrument instrument, final Order order)
        {
            resting.add(new Resting(Objects.requireNonNull(instrument), order));
        }

        @Override
        public void balance(final long account, final long assetHi, final long assetLo, final long available,
            final long reserved)
        {
            balances.add(new long[] {account, assetHi, assetLo, available, reserved});
        }
    }
}
