package engine.reference;

import engine.api.Command;
import engine.format.CommandFileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of command-file lines for differential and property tests. The same seed
 * always gives the same lines (java.util.Random's algorithm is fixed by its specification).
 *
 * <p>It aims at many interactions in few commands: a handful of accounts trading around a mid
 * price within a few ticks (so lots of trades and self-trades), every tif (GTD expiring within a
 * few time units), market IOC/FOK, cancels and amends of live, finished, foreign and unknown
 * ids, reused ids, unknown symbols and accounts, rejected and overflowing numbers, TICKs, time
 * steps with empty time fields, plus a few malformed, blank and comment lines.
 *
 * <p>To aim cancels and amends at live orders it feeds every line to a shadow
 * {@link ReferenceEngine} (STP {@code NONE}) and asks it which orders are open; the lines are
 * still a pure function of the seed.
 *
 * <p>Kept away from on purpose: trades that would credit a balance beyond the long range (not
 * covered by the contract). Huge deposits go only to an asset no symbol trades ({@code PTS});
 * huge deposits of traded assets always follow a small one, so they are always rejected. After
 * a malformed line the next line carries an explicit time, so the outcome never depends on how
 * an engine reads "previous" in an empty time field.
 *
 * <p>{@link #generateWithSagas} mixes in the commands of withdrawal sagas, deposit notifications and
 * balance adjustments (SAGAS.md): requests (some invalid), confirmations and failures of live, ended,
 * never-started and future saga ids with current and stale attempts, notifications that repeat an
 * external transaction id, signed adjustments (some too large to take), and TICKs that jump past
 * saga deadlines so that retries and time-outs happen. The reference engine knows none of these: it
 * is only the shadow that aims cancels at open orders, so {@link #generate} stays saga-free and its
 * lines for a seed never change.
 */
public final class RandomCommandFiles
{

    private static final long MAX = Long.MAX_VALUE;

    private record Sym(String name, String base, String quote, long baseScale, long quoteScale, int mid)
    {
    }

    private static final Sym BTC_USD = new Sym("BTC-USD", "BTC", "USD", 1, 1, 100);
    private static final Sym ETH_BTC = new Sym("ETH_BTC", "ETH", "BTC", 1, 1, 20);
    private static final Sym XAU_EUR = new Sym("XAU.EUR", "XAU", "EUR", 100, 10, 50);
    /** Added only late in a file: earlier orders on it are UNKNOWN_SYMBOL. */
    private static final Sym LATE = new Sym("LATE", "LTE", "USD", 3, 7, 30);

    private final Random rnd;
    private final List<String> lines = new ArrayList<>();
    private final List<Sym> symbols = new ArrayList<>();
    private final List<Long> accounts = new ArrayList<>();
    private final List<long[]> placed = new ArrayList<>(); // {orderId, account}
    private final List<long[]> restingKind = new ArrayList<>(); // placed GTC, GTD or POST_ONLY limits
    private final ReferenceEngine shadow = new ReferenceEngine("NONE");
    private final boolean sagas;
    /** Numbers commands as the engine does (seq 1 up, malformed, blank and comment lines skipped): saga ids. */
    private final CommandFileParser seqCounter = new CommandFileParser();
    private final Command parsed = new Command();
    private long seq;
    private final List<long[]> sagaIds = new ArrayList<>(); // {sagaId, maxAttempts}
    private final List<Long> txIds = new ArrayList<>();
    private final int[] mids;
    private long time;
    private long nextId = 1000;
    private boolean explicitTimeNext;
    private boolean lateAdded;

    private RandomCommandFiles(long seed, boolean sagas)
    {
        rnd = new Random(seed);
        this.sagas = sagas;
        symbols.add(BTC_USD);
        if (rnd.nextBoolean())
        {
            symbols.add(ETH_BTC);
        }
        symbols.add(XAU_EUR);
        mids = new int[] {BTC_USD.mid, ETH_BTC.mid, XAU_EUR.mid, LATE.mid};
        int n = 6 + rnd.nextInt(5);
        for (int i = 1; i <= n; i++)
        {
            accounts.add((long) i);
        }
    }

    /** Exactly {@code commands} lines (setup lines included) for the given seed. */
    public static List<String> generate(long seed, int commands)
    {
        return generate(seed, commands, false);
    }

    /** As {@link #generate}, with about one line in six a saga, deposit notification, adjustment or deadline TICK. */
    public static List<String> generateWithSagas(long seed, int commands)
    {
        return generate(seed, commands, true);
    }

    private static List<String> generate(long seed, int commands, boolean sagas)
    {
        RandomCommandFiles g = new RandomCommandFiles(seed, sagas);
        g.setup();
        while (g.lines.size() < commands)
        {
            g.next(commands);
        }
        return List.copyOf(g.lines.subList(0, commands));
    }

    private void setup()
    {
        for (Sym s : symbols)
        {
            add("SYMBOL," + t() + "," + s.name + "," + s.base + "," + s.quote
                    + (s.baseScale == 1 && s.quoteScale == 1 && rnd.nextBoolean() ? "" : "," + s.baseScale + "," + s.quoteScale));
        }
        // the last account starts unknown; it gets its first deposit from the random mix
        for (int i = 0; i < accounts.size() - 1; i++)
        {
            long acct = accounts.get(i);
            boolean poor = i % 4 == 3;
            for (String asset : new String[] {"USD", "BTC", "ETH", "EUR", "XAU", "LTE"})
            {
                if (rnd.nextInt(8) != 0)
                {
                    add("DEPOSIT," + t() + "," + acct + "," + asset + "," + depositAmount(asset, poor));
                }
            }
        }
    }

    private long depositAmount(String asset, boolean poor)
    {
        long base = switch (asset)
        {
            case "USD" -> 30_000;
            case "BTC" -> 1_500;
            case "ETH" -> 300;
            case "EUR" -> 60_000;
            case "XAU" -> 5_000;
            default -> 500;
        };
        if (poor)
        {
            base /= 20;
        }
        return base / 2 + rnd.nextInt((int) base);
    }

    private void next(int commands)
    {
        if (!lateAdded && lines.size() > commands / 2)
        {
            lateAdded = true;
            symbols.add(LATE);
            add("SYMBOL," + t() + "," + LATE.name + "," + LATE.base + "," + LATE.quote + ",3,7");
            return;
        }
        // Drawn only with sagas on, so that the saga-free lines of a seed stay what they always were.
        if (sagas && rnd.nextInt(6) == 0)
        {
            sagaCommand();
            return;
        }
        int r = rnd.nextInt(100);
        if (r < 43)
        {
            placeLimit();
        }
        else if (r < 53)
        {
            placeMarket();
        }
        else if (r < 60)
        {
            cancel();
        }
        else if (r < 73)
        {
            amend();
        }
        else if (r < 80)
        {
            deposit();
        }
        else if (r < 85)
        {
            withdraw();
        }
        else if (r < 90)
        {
            add("TICK," + (rnd.nextBoolean() ? t() : t(1 + rnd.nextInt(4))));
        }
        else if (r < 93)
        {
            symbolCommand();
        }
        else if (r < 96)
        {
            malformed();
        }
        else if (r < 98)
        {
            add(rnd.nextBoolean() ? "" : "# comment " + lines.size());
        }
        else
        {
            placeLimit();
            driftMids();
        }
    }

    // ------------------------------------------------------------------ orders

    private void placeLimit()
    {
        Sym s = pickSymbol();
        int mid = mids[symbolIndex(s)];
        boolean buy = rnd.nextBoolean();
        // most orders are passive (their own side of the mid, so the book has depth); the rest may cross
        int offset = rnd.nextInt(5) < 3 ? (buy ? -1 : 1) * rnd.nextInt(5) : rnd.nextInt(9) - 4;
        String price = Long.toString(mid + offset);
        String qty = Long.toString(1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 25 : 8));
        int odd = rnd.nextInt(40);
        switch (odd)
        {
            case 0 -> price = "";
            case 1 -> price = rnd.nextBoolean() ? "0" : "-" + (1 + rnd.nextInt(5));
            case 2 -> qty = rnd.nextBoolean() ? "0" : "-3";
            case 3 -> qty = Long.toString(MAX / (1 + rnd.nextInt(200)));           // qty * baseScale overflow on XAU
            case 4 -> price = Long.toString(MAX / (2 + rnd.nextInt(50)));         // price * qty * quoteScale overflow
            case 5 -> { price = "3037000500"; qty = "3037000500"; }                // just beyond sqrt(MAX)
            case 6 -> price = Long.toString(10_000_000_000L + rnd.nextInt(1000)); // fits, but no one can pay
            default -> { }
        }
        String side = buy ? "BUY" : "SELL";
        add("PLACE," + t() + "," + account() + "," + orderId() + "," + symbolName(s) + "," + side + ",LIMIT,"
                + limitTif() + "," + price + "," + qty);
    }

    private void placeMarket()
    {
        Sym s = pickSymbol();
        String tif = switch (rnd.nextInt(12))
        {
            case 0 -> "GTC";
            case 1 -> "GTD:" + (time + 5);
            case 2 -> "POST_ONLY";
            default -> rnd.nextInt(3) == 0 ? "FOK" : "IOC";
        };
        String price = rnd.nextInt(20) == 0 ? Long.toString(mids[symbolIndex(s)]) : "";
        String qty = Long.toString(1 + rnd.nextInt(rnd.nextInt(3) == 0 ? 30 : 6));
        if (rnd.nextInt(30) == 0)
        {
            qty = Long.toString(MAX / 50);
        }
        String side = rnd.nextBoolean() ? "BUY" : "SELL";
        add("PLACE," + t() + "," + account() + "," + orderId() + "," + symbolName(s) + "," + side + ",MARKET,"
                + tif + "," + price + "," + qty);
    }

    private String limitTif()
    {
        int r = rnd.nextInt(100);
        if (r < 30)
        {
            return "GTC";
        }
        else if (r < 45)
        {
            return "IOC";
        }
        else if (r < 55)
        {
            return "FOK";
        }
        else if (r < 68)
        {
            return "POST_ONLY";
        }
        long expiry = rnd.nextInt(15) == 0 ? time - rnd.nextInt(3) : time + 1 + rnd.nextInt(12);
        return "GTD:" + expiry;
    }

    private void cancel()
    {
        long[] target = pickPlaced();
        add("CANCEL," + t() + "," + ownerOrOther(target) + "," + target[0]);
    }

    private void amend()
    {
        long[] target = pickPlaced();
        long near = target.length > 2 && target[2] < 1_000_000 ? target[2] : mids[rnd.nextInt(3)];
        String price = rnd.nextInt(3) == 0 ? "" : Long.toString(Math.max(1, near - 3 + rnd.nextInt(7)));
        String qty = rnd.nextInt(3) == 0 ? "" : Long.toString(1 + rnd.nextInt(12));
        switch (rnd.nextInt(25))
        {
            case 0 -> price = rnd.nextBoolean() ? "0" : "-2";
            case 1 -> qty = rnd.nextBoolean() ? "0" : "-1";
            case 2 -> qty = Long.toString(MAX / (1 + rnd.nextInt(90)));
            case 3 -> price = Long.toString(MAX / 3);
            case 4 -> price = Long.toString(5_000_000_000L);
            case 5 -> { price = ""; qty = ""; }
            default -> { }
        }
        add("AMEND," + t() + "," + ownerOrOther(target) + "," + target[0] + "," + price + "," + qty);
    }

    /**
     * Mostly an open order ({orderId, account, price, openQty}); otherwise a recent order that could
     * rest (often finished by now), any earlier order, or an id never used.
     */
    private long[] pickPlaced()
    {
        List<long[]> open = shadow.openOrderSnapshot();
        if (!open.isEmpty() && rnd.nextInt(10) < 6)
        {
            return open.get(rnd.nextInt(open.size()));
        }
        if (placed.isEmpty() || rnd.nextInt(8) == 0)
        {
            return new long[] {nextId + 500 + rnd.nextInt(100), account()};
        }
        List<long[]> from = !restingKind.isEmpty() && rnd.nextInt(4) != 0 ? restingKind : placed;
        int window = Math.min(from.size(), rnd.nextInt(5) == 0 ? from.size() : 12);
        return from.get(from.size() - 1 - rnd.nextInt(window));
    }

    private long ownerOrOther(long[] target)
    {
        return rnd.nextInt(10) == 0 ? account() : target[1];
    }

    private long orderId()
    {
        return rnd.nextInt(10) == 0 && !placed.isEmpty()
                ? placed.get(placed.size() - 1 - rnd.nextInt(Math.min(placed.size(), 30)))[0]
                : nextId++;
    }

    // ------------------------------------------------------------------ money and symbols

    private void deposit()
    {
        long acct = anyAccountIncludingUnknown();
        String asset = anyAsset();
        switch (rnd.nextInt(20))
        {
            case 0 -> add("DEPOSIT," + t() + "," + acct + "," + asset + "," + (rnd.nextBoolean() ? "0" : "-5"));
            case 1 -> add("DEPOSIT," + t() + "," + acct + ",PTS," + (MAX - rnd.nextInt(3)));
            case 2 ->
            {
                // a small deposit first, so the huge one overflows and is rejected
                int small = 1 + rnd.nextInt(100);
                add("DEPOSIT," + t() + "," + acct + "," + asset + "," + small);
                add("DEPOSIT," + t() + "," + acct + "," + asset + "," + (MAX - rnd.nextInt(small)));
            }
            default -> add("DEPOSIT," + t() + "," + acct + "," + asset + "," + depositAmount(asset, rnd.nextBoolean()));
        }
    }

    private void withdraw()
    {
        long acct = anyAccountIncludingUnknown();
        String asset = rnd.nextInt(10) == 0 ? "PTS" : anyAsset();
        String amount = switch (rnd.nextInt(12))
        {
            case 0 -> "0";
            case 1 -> "-7";
            case 2 -> Long.toString(MAX);
            default -> Long.toString(1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 3000));
        };
        add("WITHDRAW," + t() + "," + acct + "," + asset + "," + amount);
    }

    // ------------------------------------------------------------------ sagas, notifications, adjustments

    private void sagaCommand()
    {
        int r = rnd.nextInt(100);
        if (r < 30)
        {
            withdrawRequest();
        }
        else if (r < 47)
        {
            sagaAnswer("WITHDRAW_CONFIRM");
        }
        else if (r < 62)
        {
            sagaAnswer("WITHDRAW_FAIL");
        }
        else if (r < 77)
        {
            depositNotify();
        }
        else if (r < 89)
        {
            balanceAdjust();
        }
        else
        {
            // far enough to pass the deadlines of first attempts, sometimes of every attempt
            add("TICK," + t(2 + rnd.nextInt(rnd.nextBoolean() ? 6 : 20)));
        }
    }

    private void withdrawRequest()
    {
        long acct = anyAccountIncludingUnknown();
        String asset = rnd.nextInt(15) == 0 ? "PTS" : anyAsset();
        String amount = switch (rnd.nextInt(15))
        {
            case 0 -> rnd.nextBoolean() ? "0" : "-4";
            case 1 -> Long.toString(MAX);
            default -> Long.toString(1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 2000));
        };
        long timeout = 1 + rnd.nextInt(6);
        long attempts = 1 + rnd.nextInt(3);
        switch (rnd.nextInt(20))
        {
            case 0 -> timeout = rnd.nextBoolean() ? 0 : -1;
            case 1 -> attempts = rnd.nextBoolean() ? 0 : 17;
            default -> { }
        }
        boolean counted = add("WITHDRAW_REQUEST," + t() + "," + acct + "," + asset + "," + amount + "," + timeout + ","
                + attempts);
        if (counted)
        {
            sagaIds.add(new long[] {seq, attempts});
        }
    }

    /** A confirmation or failure: mostly of a recent request with any of its attempts (current or stale). */
    private void sagaAnswer(String op)
    {
        long sagaId;
        long attempt;
        int r = rnd.nextInt(10);
        if (!sagaIds.isEmpty() && r < 8)
        {
            long[] saga = sagaIds.get(sagaIds.size() - 1 - rnd.nextInt(Math.min(sagaIds.size(), 8)));
            sagaId = saga[0];
            attempt = 1 + rnd.nextInt((int) Math.max(1, Math.min(saga[1], 16)));
        }
        else
        {
            // a seq that is no saga (some other command's, or one not reached yet), or an attempt never started
            sagaId = r == 8 ? 1 + rnd.nextInt((int) Math.max(1, seq)) : seq + 1 + rnd.nextInt(50);
            attempt = 1 + rnd.nextInt(4);
        }
        if (rnd.nextInt(25) == 0)
        {
            attempt = rnd.nextBoolean() ? 0 : -1;
        }
        add(op + "," + t() + "," + sagaId + "," + attempt);
    }

    private void depositNotify()
    {
        long acct = anyAccountIncludingUnknown();
        String asset = anyAsset();
        long txId;
        if (!txIds.isEmpty() && rnd.nextInt(3) == 0)
        {
            txId = txIds.get(rnd.nextInt(txIds.size())); // the external system reports it again
        }
        else
        {
            txId = 70_000 + txIds.size() * 3L + rnd.nextInt(3);
            txIds.add(txId);
        }
        String amount = rnd.nextInt(15) == 0 ? (rnd.nextBoolean() ? "0" : "-9") : Long.toString(depositAmount(asset, true));
        add("DEPOSIT_NOTIFY," + t() + "," + acct + "," + asset + "," + amount + "," + txId);
    }

    private void balanceAdjust()
    {
        long acct = anyAccountIncludingUnknown();
        String asset = anyAsset();
        long amount = (1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 800)) * (rnd.nextBoolean() ? 1 : -1);
        long reason = 1 + rnd.nextInt(40);
        switch (rnd.nextInt(20))
        {
            case 0 -> amount = -(MAX / 2);     // more than any balance holds: INSUFFICIENT_FUNDS
            case 1 -> amount = 0;
            case 2 -> reason = rnd.nextBoolean() ? 0 : 65_536;
            default -> { }
        }
        add("BALANCE_ADJUST," + t() + "," + acct + "," + asset + "," + amount + "," + reason);
    }

    private void symbolCommand()
    {
        switch (rnd.nextInt(4))
        {
            case 0 -> add("SYMBOL," + t() + ",BTC-USD,BTC,USD");
            case 1 -> add("SYMBOL," + t() + ",BAD" + rnd.nextInt(1000) + ",A,B," + (rnd.nextBoolean() ? "0" : "2")
                    + "," + (rnd.nextBoolean() ? "-1" : "1"));
            default -> placeLimit();
        }
    }

    private void malformed()
    {
        // never advances the time: the engine ignores this line
        String tt = rnd.nextBoolean() ? "" : Long.toString(time);
        String line = switch (rnd.nextInt(12))
        {
            case 0 -> "FOO," + tt + ",1";
            case 1 -> "PLACE," + tt + ",1," + nextId + ",BTC-USD,BUY,LIMIT,GTC,100";
            case 2 -> "PLACE," + tt + ",1," + nextId + ",BTC-USD,buy,LIMIT,GTC,100,1";
            case 3 -> "PLACE," + tt + ",1," + nextId + ",BTC-USD,BUY,STOP,GTC,100,1";
            case 4 -> "PLACE," + tt + ",1," + nextId + ",BTC-USD,SELL,LIMIT,GTD:soon,100,1";
            case 5 -> "PLACE," + tt + ",1," + nextId + ",BTC-USD,SELL,LIMIT,GTC,1e2,1";
            case 6 -> "DEPOSIT," + tt + ",1,USD,9223372036854775808";
            case 7 -> "DEPOSIT," + tt + ",1,TOO_LONG_ASSET_NAME,5";
            case 8 -> "CANCEL," + tt + ",1";
            case 9 -> time > 0 ? "TICK," + (time - 1) : "TICK,-1";
            case 10 -> "AMEND," + tt + ",1,1000,+5,";
            default -> "WITHDRAW," + tt + ",1,U$D,5";
        };
        add(line);
        explicitTimeNext = true;
    }

    private void driftMids()
    {
        for (int i = 0; i < mids.length; i++)
        {
            mids[i] = Math.max(10, mids[i] + rnd.nextInt(3) - 1);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Sym pickSymbol()
    {
        if (!lateAdded && rnd.nextInt(40) == 0)
        {
            return LATE; // not yet listed: UNKNOWN_SYMBOL
        }
        return symbols.get(rnd.nextInt(symbols.size()));
    }

    private String symbolName(Sym s)
    {
        return rnd.nextInt(60) == 0 ? "NOPE-USD" : s.name;
    }

    private static int symbolIndex(Sym s)
    {
        return s == BTC_USD ? 0 : s == ETH_BTC ? 1 : s == XAU_EUR ? 2 : 3;
    }

    private long account()
    {
        if (rnd.nextInt(50) == 0)
        {
            return 999;
        }
        // a hot pair trades with itself a lot: self-trades
        if (rnd.nextInt(4) == 0)
        {
            return accounts.get(rnd.nextInt(2));
        }
        return accounts.get(rnd.nextInt(accounts.size()));
    }

    private long anyAccountIncludingUnknown()
    {
        return rnd.nextInt(15) == 0 ? 900 + rnd.nextInt(3) : accounts.get(rnd.nextInt(accounts.size()));
    }

    private String anyAsset()
    {
        String[] assets = {"USD", "BTC", "ETH", "EUR", "XAU", "LTE"};
        return assets[rnd.nextInt(assets.length)];
    }

    /** The time field of the next line: mostly the same time, often an empty field. */
    private String t()
    {
        int r = rnd.nextInt(10);
        if (r < 2)
        {
            return t(1 + rnd.nextInt(2));
        }
        if (r < 6 && !explicitTimeNext)
        {
            return "";
        }
        return t(0);
    }

    private String t(int step)
    {
        time += step;
        explicitTimeNext = false;
        return Long.toString(time);
    }

    /** @return whether the engine takes the line as a command (it then has the next seq) */
    private boolean add(String line)
    {
        boolean counted = seqCounter.parse(line, parsed) == CommandFileParser.Outcome.COMMAND;
        if (counted)
        {
            seq++;
        }
        if (line.contains(",LIMIT,") || line.contains(",MARKET,"))
        {
            String[] f = line.split(",", -1);
            long[] order = {Long.parseLong(f[3]), Long.parseLong(f[2])};
            placed.add(order);
            if (f[6].equals("LIMIT") && (f[7].equals("GTC") || f[7].equals("POST_ONLY") || f[7].startsWith("GTD")))
            {
                restingKind.add(order);
            }
        }
        lines.add(line);
        shadow.run(List.of(line));
        return counted;
    }
}
