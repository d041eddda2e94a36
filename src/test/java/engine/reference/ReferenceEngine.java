package engine.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A deliberately simple, slow and independent implementation of TRADING-RULES.md and
 * COMMAND-FILE.md, used only by tests as an oracle for differential testing. Books are plain
 * lists scanned linearly; every product that could overflow is computed with BigInteger.
 * It uses nothing but the JDK and shares no code with the engine under test.
 *
 * <p>{@link #run(List)} reads command-file lines and returns the canonical event lines;
 * state persists across calls (sequence numbers and time continue), so a test can feed one
 * line at a time and call {@link #checkInvariants()} in between.
 *
 * <h2>Where the contract is silent or ambiguous, this oracle decides as follows</h2>
 * <ol>
 * <li>Empty time field: "the previous command" is the last <em>well-formed</em> command; a
 *     malformed line changes neither the time nor the sequence number. "A time lower than the
 *     previous one" is also judged against the last well-formed command.</li>
 * <li>Blank lines: a line that is empty or only whitespace (after stripping one trailing
 *     {@code \r}) is ignored. A comment must have {@code #} in the first column.</li>
 * <li>Integers: exactly {@code -?[0-9]+} within the long range; leading zeros and {@code -0}
 *     are accepted, {@code +5} and surrounding spaces are malformed. Account and order ids may
 *     be any long (zero and negative included); they sort as signed longs.</li>
 * <li>{@code SYMBOL} with 7 fields needs both scales as integers; an empty scale is malformed.
 *     A symbol whose base and quote assets are equal is accepted (no reason code exists).</li>
 * <li>{@code DEPOSIT} checks {@code amount <= 0} before the overflow of
 *     {@code available + reserved + amount}; a rejected deposit does not create the account.
 *     Any asset name may be deposited, traded by some symbol or not.</li>
 * <li>{@code WITHDRAW}'s {@code INVALID_AMOUNT} is only {@code amount <= 0}: the overflow
 *     clause cannot apply to a debit; too large is {@code INSUFFICIENT_FUNDS}.</li>
 * <li>An account exists after its first <em>successful</em> deposit and for ever after, even
 *     when all its balances are back to zero.</li>
 * <li>A {@code MARKET} order with any non-empty price field (even {@code 0}) is
 *     {@code INVALID_PRICE}. A {@code MARKET BUY} has no funds check at validation (it
 *     reserves nothing): with no money it is {@code ACCEPTED}, then {@code CANCELED
 *     INSUFFICIENT_FUNDS} at the first fill it cannot pay for (or {@code IOC_REMAINDER} if the
 *     book is empty).</li>
 * <li>In the matching loop, for each best resting order: crossing test, then self-trade
 *     prevention, then (market buy only) the payment test. So an own order at the top under
 *     {@code CANCEL_INCOMING} gives {@code SELF_TRADE} even when the market buy has no money.</li>
 * <li>{@code CANCEL_RESTING} cancels own resting orders only as matching reaches them while the
 *     incoming order still has quantity left; own orders behind the last fill stay.</li>
 * <li>{@code FOK}: fillable quantity = what matching would take (own orders skipped under
 *     {@code CANCEL_RESTING}, liquidity stops at the first own order under
 *     {@code CANCEL_INCOMING}, own orders count under {@code NONE}). A {@code MARKET FOK BUY}
 *     is first checked for liquidity ({@code FOK_NOT_FILLABLE}), then for payment by simulating
 *     the per-fill payment exactly as matching would pay it ({@code INSUFFICIENT_FUNDS}); under
 *     {@code NONE} a self-fill is paid from and credited back to the same available balance.</li>
 * <li>{@code AMEND} overflow checks: {@code INVALID_QTY} if a given {@code newTotalQty} times
 *     {@code baseScale} overflows; {@code INVALID_PRICE} if the resulting price times the resulting
 *     <em>total</em> quantity times {@code quoteScale} overflows (like placement, which checks the
 *     total), even when only the quantity field was given.</li>
 * <li>{@code AMEND} priority: kept when the price is unchanged and the new open quantity is
 *     {@code <=} the old one (equal = "changes nothing"); otherwise the order is re-entered as an
 *     aggressor and gets a new arrival stamp. Either way one {@code AMENDED} event with the new
 *     price and open quantity comes first. The amend's {@code INSUFFICIENT_FUNDS} compares the
 *     increase of the hold (quote for a buy, base for a sell) with {@code available}; a smaller
 *     hold is released at once. A {@code POST_ONLY} amend is judged on the new price alone,
 *     whoever owns the resting order, and only after the funds check. GTD keeps its expiry.</li>
 * <li>{@code AMENDED_TO_ZERO}: the order's total stays what it was before the amend, and the
 *     open remainder counts as cancelled (so filled + open + cancelled = total still holds).</li>
 * <li>GTD expiry runs before every well-formed command (rejected ones and {@code SYMBOL},
 *     {@code DEPOSIT}, ... included), never for malformed lines. An expiry equal to the
 *     command's time on {@code PLACE} is {@code INVALID_TIF} (it must be strictly later).</li>
 * <li>{@code CANCEL} from an account that does not exist is {@code UNKNOWN_ORDER} (as the rules pin
 *     for {@code AMEND}), never {@code UNKNOWN_ACCOUNT}.</li>
 * <li>Under {@code CANCEL_RESTING} the {@code CANCELED ... SELF_TRADE} of a resting own order is
 *     emitted at the point matching reaches it, interleaved with the incoming order's trades.</li>
 * <li>Numbers are printed in canonical decimal ({@code 007} prints as {@code 7}, {@code -0} as
 *     {@code 0}); symbol and asset names are printed as given.</li>
 * <li>A trade that would credit a balance beyond the long range (possible only when single
 *     accounts hold near {@code Long.MAX_VALUE}) is not covered by the contract: this oracle
 *     throws {@link ArithmeticException}. {@link RandomCommandFiles} never provokes it.</li>
 * </ol>
 */
public final class ReferenceEngine
{

    private enum Stp
    {
        NONE, CANCEL_RESTING, CANCEL_INCOMING
    }

    private enum Tif
    {
        GTC, IOC, FOK, GTD, POST_ONLY
    }

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,16}");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static final class Instrument
    {
        final String name;
        final String base;
        final String quote;
        final long baseScale;
        final long quoteScale;
        final List<Order> bids = new ArrayList<>();
        final List<Order> asks = new ArrayList<>();

        Instrument(String name, String base, String quote, long baseScale, long quoteScale)
        {
            this.name = name;
            this.base = base;
            this.quote = quote;
            this.baseScale = baseScale;
            this.quoteScale = quoteScale;
        }
    }

    private static final class Order
    {
        final long id;
        final long account;
        final Instrument ins;
        final boolean buy;
        final boolean market;
        final Tif tif;
        final long expiry;
        long price;       // 0 for market orders
        long total;
        long filled;
        long open;
        long cancelled;
        long arrival;     // time priority stamp, set when (re)entering the book

        Order(long id, long account, Instrument ins, boolean buy, boolean market, Tif tif, long expiry,
              long price, long qty)
        {
            this.id = id;
            this.account = account;
            this.ins = ins;
            this.buy = buy;
            this.market = market;
            this.tif = tif;
            this.expiry = expiry;
            this.price = price;
            this.total = qty;
            this.open = qty;
        }
    }

    private static final class Balance
    {
        long available;
        long reserved;
    }

    /** One parsed well-formed line. Unused fields stay at their defaults. */
    private static final class Cmd
    {
        String op;
        long time;
        long account;
        long orderId;
        long amount;
        long baseScale = 1;
        long quoteScale = 1;
        long qty;
        long expiry;
        String symbol;
        String asset;
        String base;
        String quote;
        boolean buy;
        boolean market;
        Tif tif;
        Long price;
        Long newPrice;
        Long newQty;
    }

    private static final class Malformed extends Exception
    {
        private static final long serialVersionUID = 1L;

        Malformed(String message)
        {
            super(message, null, false, false);
        }
    }

    private static final Comparator<Order> BID_PRIORITY =
            Comparator.comparingLong((Order o) -> -o.price).thenComparingLong(o -> o.arrival);
    private static final Comparator<Order> ASK_PRIORITY =
            Comparator.comparingLong((Order o) -> o.price).thenComparingLong(o -> o.arrival);

    private final Stp stp;
    private final Map<String, Instrument> instruments = new TreeMap<>();
    private final Map<Long, Map<String, Balance>> accounts = new TreeMap<>();
    private final Map<Long, Order> openOrders = new HashMap<>();
    private final List<Order> allOrders = new ArrayList<>();
    private final Map<String, BigInteger> netFlow = new TreeMap<>();
    private final List<String> malformedReports = new ArrayList<>();
    private long seq;
    private long lastTime;
    private long arrivalCounter;
    private long now;
    private List<String> out = new ArrayList<>();

    /** @param stpMode "NONE", "CANCEL_RESTING" or "CANCEL_INCOMING" */
    public ReferenceEngine(String stpMode)
    {
        this.stp = Stp.valueOf(stpMode);
    }

    public ReferenceEngine()
    {
        this("NONE");
    }

    /** Applies the lines of a command file and returns the canonical event lines. */
    public List<String> run(List<String> commandFileLines)
    {
        List<String> events = new ArrayList<>();
        out = events;
        int lineNo = 0;
        for (String raw : commandFileLines)
        {
            lineNo++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            Cmd c;
            try
            {
                c = parse(line);
            }
            catch (Malformed e)
            {
                malformedReports.add("line " + lineNo + ": " + e.getMessage() + ": " + line);
                continue;
            }
            seq++;
            lastTime = c.time;
            now = c.time;
            expireUpTo(c.time);
            execute(c);
        }
        return events;
    }

    public int malformedCount()
    {
        return malformedReports.size();
    }

    /** Line number (within its run call), reason and text of every skipped line. */
    public List<String> malformedReports()
    {
        return List.copyOf(malformedReports);
    }

    /** {orderId, account, price, openQty} of every open order, by order id (for state-aware generators). */
    List<long[]> openOrderSnapshot()
    {
        List<long[]> rows = new ArrayList<>();
        for (Order o : openOrders.values())
        {
            rows.add(new long[] {o.id, o.account, o.price, o.open});
        }
        rows.sort(Comparator.comparingLong(r -> r[0]));
        return rows;
    }

    /** BOOK lines then BALANCE lines of the --dump format (no STATE_HASH). */
    public List<String> dump()
    {
        List<String> lines = new ArrayList<>();
        for (Instrument ins : instruments.values())
        {
            for (Order o : sorted(ins.bids, BID_PRIORITY))
            {
                lines.add("BOOK," + ins.name + ",BUY," + o.price + "," + o.id + "," + o.open);
            }
            for (Order o : sorted(ins.asks, ASK_PRIORITY))
            {
                lines.add("BOOK," + ins.name + ",SELL," + o.price + "," + o.id + "," + o.open);
            }
        }
        for (Map.Entry<Long, Map<String, Balance>> acc : accounts.entrySet())
        {
            for (Map.Entry<String, Balance> e : acc.getValue().entrySet())
            {
                Balance b = e.getValue();
                if (b.available != 0 || b.reserved != 0)
                {
                    lines.add("BALANCE," + acc.getKey() + "," + e.getKey() + "," + b.available + "," + b.reserved);
                }
            }
        }
        return lines;
    }

    // ------------------------------------------------------------------ parsing

    private Cmd parse(String line) throws Malformed
    {
        String[] f = line.split(",", -1);
        Cmd c = new Cmd();
        c.op = f[0];
        switch (c.op)
        {
            case "SYMBOL" ->
            {
                if (f.length != 5 && f.length != 7)
                {
                    throw new Malformed("SYMBOL needs 5 or 7 fields, has " + f.length);
                }
                c.symbol = name(f[2], "symbol");
                c.base = name(f[3], "baseAsset");
                c.quote = name(f[4], "quoteAsset");
                if (f.length == 7)
                {
                    c.baseScale = integer(f[5], "baseScale");
                    c.quoteScale = integer(f[6], "quoteScale");
                }
            }
            case "DEPOSIT", "WITHDRAW" ->
            {
                fieldCount(f, 5);
                c.account = integer(f[2], "account");
                c.asset = name(f[3], "asset");
                c.amount = integer(f[4], "amount");
            }
            case "PLACE" ->
            {
                fieldCount(f, 10);
                c.account = integer(f[2], "account");
                c.orderId = integer(f[3], "orderId");
                c.symbol = name(f[4], "symbol");
                c.buy = switch (f[5])
                {
                    case "BUY" -> true;
                    case "SELL" -> false;
                    default -> throw new Malformed("unknown side " + f[5]);
                };
                c.market = switch (f[6])
                {
                    case "LIMIT" -> false;
                    case "MARKET" -> true;
                    default -> throw new Malformed("unknown type " + f[6]);
                };
                parseTif(f[7], c);
                c.price = f[8].isEmpty() ? null : integer(f[8], "price");
                c.qty = integer(f[9], "qty");
            }
            case "CANCEL" ->
            {
                fieldCount(f, 4);
                c.account = integer(f[2], "account");
                c.orderId = integer(f[3], "orderId");
            }
            case "AMEND" ->
            {
                fieldCount(f, 6);
                c.account = integer(f[2], "account");
                c.orderId = integer(f[3], "orderId");
                c.newPrice = f[4].isEmpty() ? null : integer(f[4], "newPrice");
                c.newQty = f[5].isEmpty() ? null : integer(f[5], "newTotalQty");
            }
            case "TICK" -> fieldCount(f, 2);
            default -> throw new Malformed("unknown operation " + c.op);
        }
        c.time = time(f[1]);
        return c;
    }

    private static void parseTif(String s, Cmd c) throws Malformed
    {
        switch (s)
        {
            case "GTC" -> c.tif = Tif.GTC;
            case "IOC" -> c.tif = Tif.IOC;
            case "FOK" -> c.tif = Tif.FOK;
            case "POST_ONLY" -> c.tif = Tif.POST_ONLY;
            default ->
            {
                if (!s.startsWith("GTD:"))
                {
                    throw new Malformed("unknown tif " + s);
                }
                c.tif = Tif.GTD;
                c.expiry = integer(s.substring(4), "GTD expiry");
            }
        }
    }

    private long time(String s) throws Malformed
    {
        if (s.isEmpty())
        {
            return lastTime;
        }
        long t = integer(s, "time");
        if (t < 0)
        {
            throw new Malformed("negative time " + t);
        }
        if (t < lastTime)
        {
            throw new Malformed("time " + t + " lower than previous " + lastTime);
        }
        return t;
    }

    private static void fieldCount(String[] f, int expected) throws Malformed
    {
        if (f.length != expected)
        {
            throw new Malformed(f[0] + " needs " + expected + " fields, has " + f.length);
        }
    }

    private static long integer(String s, String what) throws Malformed
    {
        if (!INTEGER.matcher(s).matches())
        {
            throw new Malformed(what + " is not an integer: '" + s + "'");
        }
        try
        {
            return Long.parseLong(s);
        }
        catch (NumberFormatException e)
        {
            throw new Malformed(what + " is out of the long range: " + s);
        }
    }

    private static String name(String s, String what) throws Malformed
    {
        if (!NAME.matcher(s).matches())
        {
            throw new Malformed("bad " + what + " '" + s + "'");
        }
        return s;
    }

    // ------------------------------------------------------------------ commands

    private void execute(Cmd c)
    {
        switch (c.op)
        {
            case "SYMBOL" -> symbol(c);
            case "DEPOSIT" -> deposit(c);
            case "WITHDRAW" -> withdraw(c);
            case "PLACE" -> place(c);
            case "CANCEL" -> cancelCommand(c);
            case "AMEND" -> amend(c);
            case "TICK" -> { } // expiry already ran
            default -> throw new IllegalStateException(c.op);
        }
    }

    private void expireUpTo(long time)
    {
        List<Order> due = new ArrayList<>();
        for (Order o : openOrders.values())
        {
            if (o.tif == Tif.GTD && o.expiry <= time)
            {
                due.add(o);
            }
        }
        due.sort(Comparator.comparingLong((Order o) -> o.expiry).thenComparingLong(o -> o.id));
        for (Order o : due)
        {
            cancel(o, "EXPIRED");
        }
    }

    private void symbol(Cmd c)
    {
        if (instruments.containsKey(c.symbol))
        {
            reject("", "DUPLICATE_SYMBOL");
        }
        else if (c.baseScale <= 0 || c.quoteScale <= 0)
        {
            reject("", "INVALID_SCALE");
        }
        else
        {
            instruments.put(c.symbol, new Instrument(c.symbol, c.base, c.quote, c.baseScale, c.quoteScale));
            emit("SYMBOL_ADDED," + c.symbol);
        }
    }

    private void deposit(Cmd c)
    {
        if (c.amount <= 0)
        {
            reject("", "INVALID_AMOUNT");
            return;
        }
        Balance existing = accounts.getOrDefault(c.account, Map.of()).get(c.asset);
        BigInteger after = BigInteger.valueOf(c.amount);
        if (existing != null)
        {
            after = after.add(BigInteger.valueOf(existing.available)).add(BigInteger.valueOf(existing.reserved));
        }
        if (after.compareTo(LONG_MAX) > 0)
        {
            reject("", "INVALID_AMOUNT");
            return;
        }
        Balance b = balance(accounts.computeIfAbsent(c.account, k -> new TreeMap<>()), c.asset);
        b.available += c.amount; // cannot overflow: checked above
        netFlow.merge(c.asset, BigInteger.valueOf(c.amount), BigInteger::add);
        emit("DEPOSITED," + c.account + "," + c.asset + "," + c.amount);
    }

    private void withdraw(Cmd c)
    {
        Map<String, Balance> acc = accounts.get(c.account);
        if (acc == null)
        {
            reject("", "UNKNOWN_ACCOUNT");
        }
        else if (c.amount <= 0)
        {
            reject("", "INVALID_AMOUNT");
        }
        else if (c.amount > availableOf(c.account, c.asset))
        {
            reject("", "INSUFFICIENT_FUNDS");
        }
        else
        {
            balance(acc, c.asset).available -= c.amount;
            netFlow.merge(c.asset, BigInteger.valueOf(c.amount).negate(), BigInteger::add);
            emit("WITHDRAWN," + c.account + "," + c.asset + "," + c.amount);
        }
    }

    private void place(Cmd c)
    {
        String id = Long.toString(c.orderId);
        Instrument ins = instruments.get(c.symbol);
        if (ins == null)
        {
            reject(id, "UNKNOWN_SYMBOL");
            return;
        }
        if (!accounts.containsKey(c.account))
        {
            reject(id, "UNKNOWN_ACCOUNT");
            return;
        }
        if (c.qty <= 0 || !fitsLong(c.qty, ins.baseScale))
        {
            reject(id, "INVALID_QTY");
            return;
        }
        boolean badPrice = c.market
                ? c.price != null
                : c.price == null || c.price <= 0 || !fitsLong(c.price, c.qty, ins.quoteScale);
        if (badPrice)
        {
            reject(id, "INVALID_PRICE");
            return;
        }
        boolean badTif = c.market
                ? c.tif != Tif.IOC && c.tif != Tif.FOK
                : c.tif == Tif.GTD && c.expiry <= c.time;
        if (badTif)
        {
            reject(id, "INVALID_TIF");
            return;
        }
        if (openOrders.containsKey(c.orderId))
        {
            reject(id, "DUPLICATE_ORDER_ID");
            return;
        }
        long price = c.market ? 0 : c.price;
        Order o = new Order(c.orderId, c.account, ins, c.buy, c.market, c.tif, c.expiry, price, c.qty);
        long need = hold(o); // the full quantity is open: this is the up-front reservation
        if (need > availableOf(o.account, heldAsset(o)))
        {
            reject(id, "INSUFFICIENT_FUNDS");
            return;
        }
        if (o.tif == Tif.FOK)
        {
            if (fokFillable(o) < o.total)
            {
                reject(id, "FOK_NOT_FILLABLE");
                return;
            }
            if (o.market && o.buy && !marketBuyCanPayAll(o))
            {
                reject(id, "INSUFFICIENT_FUNDS");
                return;
            }
        }
        if (o.tif == Tif.POST_ONLY && wouldCross(ins, o.buy, o.price))
        {
            reject(id, "POST_ONLY_WOULD_TAKE");
            return;
        }
        emit("ACCEPTED," + id);
        allOrders.add(o);
        moveToReserved(o.account, heldAsset(o), need);
        match(o);
        if (o.open > 0)
        {
            if (o.market || o.tif == Tif.IOC)
            {
                cancel(o, "IOC_REMAINDER");
            }
            else if (o.tif == Tif.FOK)
            {
                throw new IllegalStateException("FOK " + o.id + " passed the fill check but did not fill");
            }
            else
            {
                rest(o);
            }
        }
    }

    private void cancelCommand(Cmd c)
    {
        Order o = openOrders.get(c.orderId);
        if (o == null || o.account != c.account)
        {
            reject(Long.toString(c.orderId), "UNKNOWN_ORDER");
            return;
        }
        cancel(o, "USER");
    }

    private void amend(Cmd c)
    {
        String id = Long.toString(c.orderId);
        Order o = openOrders.get(c.orderId);
        if (o == null || o.account != c.account)
        {
            reject(id, "UNKNOWN_ORDER");
            return;
        }
        Instrument ins = o.ins;
        long newTotal = c.newQty == null ? o.total : c.newQty;
        long newPrice = c.newPrice == null ? o.price : c.newPrice;
        if (c.newQty != null && (newTotal <= 0 || !fitsLong(newTotal, ins.baseScale)))
        {
            reject(id, "INVALID_QTY");
            return;
        }
        if ((c.newPrice != null && newPrice <= 0) || !fitsLong(newPrice, newTotal, ins.quoteScale))
        {
            reject(id, "INVALID_PRICE");
            return;
        }
        long newOpen = newTotal - o.filled;
        if (newOpen <= 0)
        {
            cancel(o, "AMENDED_TO_ZERO");
            return;
        }
        long oldHold = hold(o);
        long newHold = o.buy ? mul(newPrice, newOpen, ins.quoteScale) : mul(newOpen, ins.baseScale);
        long extra = newHold - oldHold; // both are valid longs >= 0, so no overflow
        String asset = heldAsset(o);
        if (extra > availableOf(o.account, asset))
        {
            reject(id, "INSUFFICIENT_FUNDS");
            return;
        }
        if (o.tif == Tif.POST_ONLY && wouldCross(ins, o.buy, newPrice))
        {
            reject(id, "POST_ONLY_WOULD_TAKE");
            return;
        }
        boolean keepsPlace = newPrice == o.price && newOpen <= o.open;
        moveToReserved(o.account, asset, extra); // negative extra releases
        o.price = newPrice;
        o.total = newTotal;
        o.open = newOpen;
        emit("AMENDED," + id + "," + o.price + "," + o.open);
        if (!keepsPlace)
        {
            takeOffBook(o);
            match(o);
            if (o.open > 0)
            {
                rest(o);
            }
        }
    }

    // ------------------------------------------------------------------ matching

    /** Matches an incoming (or amended, re-entering) order against the opposite side. */
    private void match(Order t)
    {
        Instrument ins = t.ins;
        List<Order> opposite = t.buy ? ins.asks : ins.bids;
        while (t.open > 0)
        {
            Order m = best(opposite, !t.buy);
            if (m == null || !crosses(t, m.price))
            {
                return;
            }
            if (m.account == t.account && stp != Stp.NONE)
            {
                if (stp == Stp.CANCEL_RESTING)
                {
                    cancel(m, "SELF_TRADE");
                    continue;
                }
                cancel(t, "SELF_TRADE");
                return;
            }
            long q = Math.min(t.open, m.open);
            if (t.market && t.buy)
            {
                long available = availableOf(t.account, ins.quote);
                if (available < mul(m.price, q, ins.quoteScale))
                {
                    long affordable = available / mul(m.price, ins.quoteScale);
                    if (affordable > 0)
                    {
                        trade(t, m, affordable);
                    }
                    cancel(t, "INSUFFICIENT_FUNDS");
                    return;
                }
            }
            trade(t, m, q);
        }
    }

    private void trade(Order t, Order m, long q)
    {
        Instrument ins = t.ins;
        long p = m.price;
        emit("TRADE," + ins.name + "," + p + "," + q + "," + t.id + "," + m.id + "," + t.account + ","
                + m.account + "," + (t.buy ? "BUY" : "SELL"));
        Order buyer = t.buy ? t : m;
        Order seller = t.buy ? m : t;
        long baseQty = mul(q, ins.baseScale);
        long cost = mul(p, q, ins.quoteScale);

        Balance sellerBase = balance(seller.account, ins.base);
        sellerBase.reserved = Math.subtractExact(sellerBase.reserved, baseQty);
        Balance buyerBase = balance(buyer.account, ins.base);
        buyerBase.available = Math.addExact(buyerBase.available, baseQty);

        Balance buyerQuote = balance(buyer.account, ins.quote);
        if (buyer.market)
        {
            buyerQuote.available = Math.subtractExact(buyerQuote.available, cost);
        }
        else
        {
            long held = mul(buyer.price, q, ins.quoteScale);
            buyerQuote.reserved = Math.subtractExact(buyerQuote.reserved, held);
            buyerQuote.available = Math.addExact(buyerQuote.available, held - cost);
        }
        Balance sellerQuote = balance(seller.account, ins.quote);
        sellerQuote.available = Math.addExact(sellerQuote.available, cost);

        for (Order o : new Order[] {t, m})
        {
            o.filled += q;
            o.open -= q;
        }
        if (m.open == 0)
        {
            takeOffBook(m);
        }
    }

    /** What matching would really fill of a FOK order, ignoring funds (see class comment). */
    private long fokFillable(Order t)
    {
        long fillable = 0;
        for (Order m : sortedOpposite(t))
        {
            if (fillable >= t.total || !crosses(t, m.price))
            {
                break;
            }
            if (m.account == t.account && stp == Stp.CANCEL_INCOMING)
            {
                break;
            }
            if (m.account == t.account && stp == Stp.CANCEL_RESTING)
            {
                continue;
            }
            fillable += Math.min(m.open, t.total - fillable);
        }
        return fillable;
    }

    /** Replays the per-fill payment of a fillable MARKET FOK BUY without changing anything. */
    private boolean marketBuyCanPayAll(Order t)
    {
        long available = availableOf(t.account, t.ins.quote);
        long left = t.total;
        for (Order m : sortedOpposite(t))
        {
            if (left == 0)
            {
                break;
            }
            if (m.account == t.account && stp == Stp.CANCEL_RESTING)
            {
                continue;
            }
            long q = Math.min(left, m.open);
            long cost = mul(m.price, q, t.ins.quoteScale);
            if (available < cost)
            {
                return false;
            }
            if (m.account != t.account)
            {
                available -= cost; // a self-fill (NONE) pays and is credited back in the same trade
            }
            left -= q;
        }
        return left == 0;
    }

    private static boolean crosses(Order t, long restingPrice)
    {
        if (t.market)
        {
            return true;
        }
        return t.buy ? t.price >= restingPrice : t.price <= restingPrice;
    }

    /** Price-only crossing test used by POST_ONLY. */
    private static boolean wouldCross(Instrument ins, boolean buy, long price)
    {
        Order best = best(buy ? ins.asks : ins.bids, !buy);
        if (best == null)
        {
            return false;
        }
        return buy ? price >= best.price : price <= best.price;
    }

    private static Order best(List<Order> side, boolean bids)
    {
        Order best = null;
        Comparator<Order> priority = bids ? BID_PRIORITY : ASK_PRIORITY;
        for (Order o : side)
        {
            if (best == null || priority.compare(o, best) < 0)
            {
                best = o;
            }
        }
        return best;
    }

    private List<Order> sortedOpposite(Order t)
    {
        return t.buy ? sorted(t.ins.asks, ASK_PRIORITY) : sorted(t.ins.bids, BID_PRIORITY);
    }

    private static List<Order> sorted(List<Order> side, Comparator<Order> priority)
    {
        List<Order> copy = new ArrayList<>(side);
        copy.sort(priority);
        return copy;
    }

    // ------------------------------------------------------------------ order and balance helpers

    private void rest(Order o)
    {
        o.arrival = ++arrivalCounter;
        (o.buy ? o.ins.bids : o.ins.asks).add(o);
        openOrders.put(o.id, o);
    }

    private void takeOffBook(Order o)
    {
        (o.buy ? o.ins.bids : o.ins.asks).remove(o);
        openOrders.remove(o.id, o);
    }

    /** Cancels the open remainder of a resting or incoming order and releases its hold. */
    private void cancel(Order o, String reason)
    {
        emit("CANCELED," + o.id + "," + o.open + "," + reason);
        moveToReserved(o.account, heldAsset(o), -hold(o));
        o.cancelled += o.open;
        o.open = 0;
        takeOffBook(o);
    }

    /** What an order holds in reserve for its open quantity. */
    private static long hold(Order o)
    {
        if (o.buy)
        {
            return o.market ? 0 : mul(o.price, o.open, o.ins.quoteScale);
        }
        return mul(o.open, o.ins.baseScale);
    }

    private static String heldAsset(Order o)
    {
        return o.buy ? o.ins.quote : o.ins.base;
    }

    /** Moves amount from available to reserved (a negative amount moves it back). */
    private void moveToReserved(long account, String asset, long amount)
    {
        Balance b = balance(account, asset);
        b.available = Math.subtractExact(b.available, amount);
        b.reserved = Math.addExact(b.reserved, amount);
    }

    private long availableOf(long account, String asset)
    {
        Balance b = accounts.getOrDefault(account, Map.of()).get(asset);
        return b == null ? 0 : b.available;
    }

    private Balance balance(long account, String asset)
    {
        Map<String, Balance> acc = accounts.get(account);
        if (acc == null)
        {
            throw new IllegalStateException("no account " + account);
        }
        return balance(acc, asset);
    }

    private static Balance balance(Map<String, Balance> acc, String asset)
    {
        return acc.computeIfAbsent(asset, k -> new Balance());
    }

    private static boolean fitsLong(long... factors)
    {
        BigInteger p = BigInteger.ONE;
        for (long f : factors)
        {
            p = p.multiply(BigInteger.valueOf(f));
        }
        return p.bitLength() <= 63;
    }

    /** Exact product; callers only use it where the contract guarantees it fits. */
    private static long mul(long... factors)
    {
        long p = 1;
        for (long f : factors)
        {
            p = Math.multiplyExact(p, f);
        }
        return p;
    }

    private void reject(String orderId, String reason)
    {
        emit("REJECTED," + orderId + "," + reason);
    }

    private void emit(String event)
    {
        out.add(seq + "," + event);
    }

    // ------------------------------------------------------------------ invariants

    /** Throws AssertionError describing the first violated invariant of TRADING-RULES.md. */
    public void checkInvariants()
    {
        // 1. conservation per asset
        Map<String, BigInteger> held = new TreeMap<>();
        for (Map<String, Balance> acc : accounts.values())
        {
            for (Map.Entry<String, Balance> e : acc.entrySet())
            {
                BigInteger sum = BigInteger.valueOf(e.getValue().available).add(BigInteger.valueOf(e.getValue().reserved));
                held.merge(e.getKey(), sum, BigInteger::add);
            }
        }
        TreeMap<String, BigInteger> assets = new TreeMap<>(netFlow);
        held.keySet().forEach(a -> assets.putIfAbsent(a, BigInteger.ZERO));
        for (Map.Entry<String, BigInteger> e : assets.entrySet())
        {
            BigInteger h = held.getOrDefault(e.getKey(), BigInteger.ZERO);
            check(h.equals(e.getValue()), () -> "asset " + e.getKey() + ": accounts hold " + h
                    + " but deposits - withdrawals = " + e.getValue());
        }
        // 2. reserved = sum of what open orders hold
        Map<Long, Map<String, BigInteger>> expected = new TreeMap<>();
        for (Order o : openOrders.values())
        {
            expected.computeIfAbsent(o.account, k -> new TreeMap<>())
                    .merge(heldAsset(o), BigInteger.valueOf(hold(o)), BigInteger::add);
        }
        for (Map.Entry<Long, Map<String, BigInteger>> acc : expected.entrySet())
        {
            for (Map.Entry<String, BigInteger> e : acc.getValue().entrySet())
            {
                check(accounts.containsKey(acc.getKey()), () -> "open order of unknown account " + acc.getKey());
                Balance b = accounts.get(acc.getKey()).get(e.getKey());
                long reserved = b == null ? 0 : b.reserved;
                check(e.getValue().equals(BigInteger.valueOf(reserved)), () -> "account " + acc.getKey() + " asset "
                        + e.getKey() + ": reserved " + reserved + " but open orders hold " + e.getValue());
            }
        }
        // 3. no negative balance; reserved without an order holding it
        for (Map.Entry<Long, Map<String, Balance>> acc : accounts.entrySet())
        {
            for (Map.Entry<String, Balance> e : acc.getValue().entrySet())
            {
                Balance b = e.getValue();
                String where = "account " + acc.getKey() + " asset " + e.getKey();
                check(b.available >= 0, () -> where + ": negative available " + b.available);
                check(b.reserved >= 0, () -> where + ": negative reserved " + b.reserved);
                BigInteger exp = expected.getOrDefault(acc.getKey(), Map.of()).getOrDefault(e.getKey(), BigInteger.ZERO);
                check(exp.equals(BigInteger.valueOf(b.reserved)), () ->
                        where + ": reserved " + b.reserved + " but open orders hold " + exp);
            }
        }
        // 3. books are consistent and not crossed
        int booked = 0;
        for (Instrument ins : instruments.values())
        {
            for (Order o : ins.bids)
            {
                checkResting(o, true);
            }
            for (Order o : ins.asks)
            {
                checkResting(o, false);
            }
            booked += ins.bids.size() + ins.asks.size();
            Order bid = best(ins.bids, true);
            Order ask = best(ins.asks, false);
            check(bid == null || ask == null || bid.price < ask.price, () ->
                    "book " + ins.name + " crossed: bid " + (bid == null ? "" : bid.price) + " ask "
                            + (ask == null ? "" : ask.price));
        }
        int bookedOrders = booked;
        check(bookedOrders == openOrders.size(),
                () -> "books hold " + bookedOrders + " orders, open set has " + openOrders.size());
        // 4. filled + open + cancelled = total
        for (Order o : allOrders)
        {
            check(o.filled >= 0 && o.open >= 0 && o.cancelled >= 0 && o.total > 0, () ->
                    "order " + o.id + " has a negative quantity");
            check(o.filled + o.open + o.cancelled == o.total, () -> "order " + o.id + ": filled " + o.filled + " + open "
                    + o.open + " + cancelled " + o.cancelled + " != total " + o.total);
            check((o.open > 0) == (openOrders.get(o.id) == o), () -> "order " + o.id + " open " + o.open
                    + " disagrees with the open-order set");
        }
    }

    private void checkResting(Order o, boolean bidSide)
    {
        check(o.buy == bidSide, () -> "order " + o.id + " on the wrong side");
        check(openOrders.get(o.id) == o, () -> "resting order " + o.id + " missing from the open set");
        check(o.open > 0 && !o.market && o.price > 0, () -> "resting order " + o.id + " is not a live limit order");
        check(o.tif == Tif.GTC || o.tif == Tif.POST_ONLY || (o.tif == Tif.GTD && o.expiry > now), () ->
                "order " + o.id + " with tif " + o.tif + " rests at time " + now);
    }

    private static void check(boolean ok, Supplier<String> violation)
    {
        if (!ok)
        {
            throw new AssertionError("invariant violated: " + violation.get());
        }
    }
}
