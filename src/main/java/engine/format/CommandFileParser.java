package engine.format;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;

/**
 * Parses one command-file line (COMMAND-FILE.md) from bytes into a reused {@link Command},
 * without creating objects for well-formed lines. Keeps the previous command's time, since
 * an empty time field means "same as before" and times must never decrease.
 */
public final class CommandFileParser
{
    /** What {@link #parse} found. */
    public enum Outcome
    {
        COMMAND,
        SKIP,
        MALFORMED
    }

    private static final int MAX_FIELDS = 12;
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private byte[] line;
    private int fieldCount;
    private long previousTime;
    private String error;
    // Results of the field parsers: kept in fields so parsing needs no boxing, objects or exceptions.
    private long number;
    private long time;
    private long nameHi;
    private long nameLo;
    private TimeInForce parsedTif;
    private long parsedExpiry;
    private long parsedAccount;
    private long parsedAmount;

    /** Why the last line was malformed. */
    public String error()
    {
        return error;
    }

    /** The time of the last well-formed command (0 before any). */
    public long previousTime()
    {
        return previousTime;
    }

    public Outcome parse(final String text, final Command into)
    {
        final byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length, into);
    }

    /** Parses {@code bytes[from, to)}, a line without its newline. */
    public Outcome parse(final byte[] bytes, final int from, final int to, final Command into)
    {
        int end = to;
        if (end > from && bytes[end - 1] == '\r')
        {
            end--;
        }
        if (isBlank(bytes, from, end) || bytes[from] == '#')
        {
            return Outcome.SKIP;
        }
        line = bytes;
        split(from, end);
        if (fieldCount > MAX_FIELDS)
        {
            return malformed("too many fields");
        }
        return parseCommand(into) ? Outcome.COMMAND : Outcome.MALFORMED;
    }

    private static boolean isBlank(final byte[] bytes, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (bytes[i] != ' ' && bytes[i] != '\t')
            {
                return false;
            }
        }
        return true;
    }

    private void split(final int from, final int end)
    {
        fieldCount = 0;
        int start = from;
        for (int i = from; i <= end; i++)
        {
            if (i == end || line[i] == ',')
            {
                if (fieldCount < MAX_FIELDS)
                {
                    starts[fieldCount] = start;
                    ends[fieldCount] = i;
                }
                fieldCount++;
                start = i + 1;
            }
        }
    }

    private Outcome malformed(final String why)
    {
        error = why;
        return Outcome.MALFORMED;
    }

    private boolean fail(final String why)
    {
        error = why;
        return false;
    }

    private boolean parseCommand(final Command into)
    {
        if (fieldIs(0, PLACE))
        {
            return parsePlace(into);
        }
        if (fieldIs(0, AMEND))
        {
            return parseAmend(into);
        }
        if (fieldIs(0, CANCEL))
        {
            return expectFields("CANCEL", 4) && parseTime() && parseLong(2, "account") && cancel(into);
        }
        if (fieldIs(0, DEPOSIT))
        {
            return parseTransfer(true, into);
        }
        if (fieldIs(0, WITHDRAW))
        {
            return parseTransfer(false, into);
        }
        if (fieldIs(0, TICK))
        {
            return expectFields("TICK", 2) && parseTime() && tick(into);
        }
        if (fieldIs(0, SYMBOL))
        {
            return parseSymbol(into);
        }
        if (fieldIs(0, WITHDRAW_REQUEST))
        {
            return parseWithdrawRequest(into);
        }
        if (fieldIs(0, WITHDRAW_CONFIRM))
        {
            return parseSagaAnswer(true, into);
        }
        if (fieldIs(0, WITHDRAW_FAIL))
        {
            return parseSagaAnswer(false, into);
        }
        if (fieldIs(0, DEPOSIT_NOTIFY))
        {
            return parseDepositNotify(into);
        }
        if (fieldIs(0, BALANCE_ADJUST))
        {
            return parseBalanceAdjust(into);
        }
        if (fieldIs(0, TRADE_BUST))
        {
            return parseTradeBust(into);
        }
        return fail("unknown operation '" + field(0) + "'");
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final byte[] PLACE = ascii("PLACE");
    private static final byte[] AMEND = ascii("AMEND");
    private static final byte[] CANCEL = ascii("CANCEL");
    private static final byte[] DEPOSIT = ascii("DEPOSIT");
    private static final byte[] WITHDRAW = ascii("WITHDRAW");
    private static final byte[] TICK = ascii("TICK");
    private static final byte[] SYMBOL = ascii("SYMBOL");
    private static final byte[] WITHDRAW_REQUEST = ascii("WITHDRAW_REQUEST");
    private static final byte[] WITHDRAW_CONFIRM = ascii("WITHDRAW_CONFIRM");
    private static final byte[] WITHDRAW_FAIL = ascii("WITHDRAW_FAIL");
    private static final byte[] DEPOSIT_NOTIFY = ascii("DEPOSIT_NOTIFY");
    private static final byte[] BALANCE_ADJUST = ascii("BALANCE_ADJUST");
    private static final byte[] TRADE_BUST = ascii("TRADE_BUST");
    private static final byte[] BUY = ascii("BUY");
    private static final byte[] SELL = ascii("SELL");
    private static final byte[] LIMIT = ascii("LIMIT");
    private static final byte[] MARKET = ascii("MARKET");
    private static final byte[] GTC = ascii("GTC");
    private static final byte[] IOC = ascii("IOC");
    private static final byte[] FOK = ascii("FOK");
    private static final byte[] POST_ONLY = ascii("POST_ONLY");
    private static final byte[] GTD_PREFIX = ascii("GTD:");

    /** Whether field {@code index} is exactly {@code word}. */
    private boolean fieldIs(final int index, final byte[] word)
    {
        return ends[index] - starts[index] == word.length && startsWith(index, word);
    }

    private boolean startsWith(final int index, final byte[] word)
    {
        if (ends[index] - starts[index] < word.length)
        {
            return false;
        }
        for (int i = 0; i < word.length; i++)
        {
            if (line[starts[index] + i] != word[i])
            {
                return false;
            }
        }
        return true;
    }

    private boolean cancel(final Command into)
    {
        final long account = number;
        if (!parseLong(3, "orderId"))
        {
            return false;
        }
        into.cancel(time, account, number);
        return accept();
    }

    private boolean tick(final Command into)
    {
        into.tick(time);
        return accept();
    }

    private String field(final int index)
    {
        return Excerpt.of(line, starts[index], ends[index]);
    }

    private boolean expectFields(final String op, final int expected)
    {
        return fieldCount == expected || fail(op + " needs " + expected + " fields, found " + fieldCount);
    }

    private boolean parseTime()
    {
        if (isEmpty(1))
        {
            time = previousTime;
            return true;
        }
        if (!parseLong(1, "time"))
        {
            return false;
        }
        if (number < 0)
        {
            return fail("time must not be negative: " + number);
        }
        if (number < previousTime)
        {
            return fail("time " + number + " is lower than the previous time " + previousTime);
        }
        time = number;
        return true;
    }

    /** Called once a line is known to be well formed. */
    private boolean accept()
    {
        previousTime = time;
        return true;
    }

    private boolean isEmpty(final int index)
    {
        return starts[index] == ends[index];
    }

    private boolean parseLong(final int index, final String name)
    {
        final int start = starts[index];
        final int end = ends[index];
        if (start == end)
        {
            return fail(name + " is empty");
        }
        int i = start;
        final boolean negative = line[i] == '-';
        if (negative)
        {
            i++;
            if (i == end)
            {
                return fail(name + " is not an integer: '-'");
            }
        }
        if (end - i <= 18)
        {
            // Up to 18 digits always fit: no overflow checks on the common path.
            long value = 0;
            for (; i < end; i++)
            {
                final int digit = line[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return fail(name + " is not an integer: '" + field(index) + "'");
                }
                value = value * 10 + digit;
            }
            number = negative ? -value : value;
            return true;
        }
        long value = 0;
        for (; i < end; i++)
        {
            final int digit = line[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return fail(name + " is not an integer: '" + field(index) + "'");
            }
            // Accumulate negatively: the negative range is one larger than the positive.
            if (value < (Long.MIN_VALUE + digit) / 10)
            {
                return fail(name + " does not fit a signed 64-bit integer: " + field(index));
            }
            value = value * 10 - digit;
        }
        if (!negative)
        {
            if (value == Long.MIN_VALUE)
            {
                return fail(name + " does not fit a signed 64-bit integer: " + field(index));
            }
            value = -value;
        }
        number = value;
        return true;
    }

    private boolean parseName(final int index, final String name)
    {
        final int start = starts[index];
        final int length = ends[index] - start;
        if (length < 1 || length > AsciiName.MAX_LENGTH)
        {
            return fail(name + " must have 1 to 16 characters: '" + field(index) + "'");
        }
        for (int i = start; i < ends[index]; i++)
        {
            if (!AsciiName.isNameChar(line[i]))
            {
                return fail(name + " has a character outside A-Z a-z 0-9 _ - . : '" + field(index) + "'");
            }
        }
        nameHi = AsciiName.pack(line, start, length, 0);
        nameLo = AsciiName.pack(line, start, length, 8);
        return true;
    }

    private boolean parseSymbol(final Command into)
    {
        if (fieldCount != 5 && fieldCount != 7)
        {
            return fail("SYMBOL needs 5 or 7 fields, found " + fieldCount);
        }
        if (!parseTime() || !parseName(2, "symbol"))
        {
            return false;
        }
        final long symbolHi = nameHi;
        final long symbolLo = nameLo;
        if (!parseName(3, "baseAsset"))
        {
            return false;
        }
        final long baseHi = nameHi;
        final long baseLo = nameLo;
        if (!parseName(4, "quoteAsset"))
        {
            return false;
        }
        long baseScale = 1;
        long quoteScale = 1;
        if (fieldCount == 7)
        {
            if (!parseLong(5, "baseScale"))
            {
                return false;
            }
            baseScale = number;
            if (!parseLong(6, "quoteScale"))
            {
                return false;
            }
            quoteScale = number;
        }
        into.symbol(time, symbolHi, symbolLo, baseHi, baseLo, nameHi, nameLo, baseScale, quoteScale);
        return accept();
    }

    /** The {@code <time>,<account>,<asset>,<amount>} that every transfer line starts with, into the parsed fields. */
    private boolean parseTransferHead(final String op, final int fields)
    {
        if (!expectFields(op, fields) || !parseTime() || !parseLong(2, "account"))
        {
            return false;
        }
        parsedAccount = number;
        if (!parseName(3, "asset") || !parseLong(4, "amount"))
        {
            return false;
        }
        parsedAmount = number;
        return true;
    }

    private boolean parseTransfer(final boolean deposit, final Command into)
    {
        if (!parseTransferHead(deposit ? "DEPOSIT" : "WITHDRAW", 5))
        {
            return false;
        }
        if (deposit)
        {
            into.deposit(time, parsedAccount, nameHi, nameLo, parsedAmount);
        }
        else
        {
            into.withdraw(time, parsedAccount, nameHi, nameLo, parsedAmount);
        }
        return accept();
    }

    /** {@code WITHDRAW_REQUEST,<time>,<account>,<asset>,<amount>,<timeout>,<maxAttempts>} */
    private boolean parseWithdrawRequest(final Command into)
    {
        if (!parseTransferHead("WITHDRAW_REQUEST", 7) || !parseLong(5, "timeout"))
        {
            return false;
        }
        final long timeout = number;
        if (!parseLong(6, "maxAttempts"))
        {
            return false;
        }
        into.withdrawRequest(time, parsedAccount, nameHi, nameLo, parsedAmount, timeout, number);
        return accept();
    }

    /** {@code WITHDRAW_CONFIRM|WITHDRAW_FAIL,<time>,<sagaId>,<attempt>} */
    private boolean parseSagaAnswer(final boolean confirm, final Command into)
    {
        if (!expectFields(confirm ? "WITHDRAW_CONFIRM" : "WITHDRAW_FAIL", 4) || !parseTime() || !parseLong(2, "sagaId"))
        {
            return false;
        }
        final long sagaId = number;
        if (!parseLong(3, "attempt"))
        {
            return false;
        }
        if (confirm)
        {
            into.withdrawConfirm(time, sagaId, number);
        }
        else
        {
            into.withdrawFail(time, sagaId, number);
        }
        return accept();
    }

    /** {@code DEPOSIT_NOTIFY,<time>,<account>,<asset>,<amount>,<txId>} */
    private boolean parseDepositNotify(final Command into)
    {
        if (!parseTransferHead("DEPOSIT_NOTIFY", 6) || !parseLong(5, "txId"))
        {
            return false;
        }
        into.depositNotify(time, parsedAccount, nameHi, nameLo, parsedAmount, number);
        return accept();
    }

    /** {@code BALANCE_ADJUST,<time>,<account>,<asset>,<signed amount>,<reasonCode>}; the engine checks the values. */
    private boolean parseBalanceAdjust(final Command into)
    {
        if (!parseTransferHead("BALANCE_ADJUST", 6) || !parseLong(5, "reasonCode"))
        {
            return false;
        }
        into.balanceAdjust(time, parsedAccount, nameHi, nameLo, parsedAmount, number);
        return accept();
    }

    /** {@code TRADE_BUST,<time>,<tradeSeq>,<tradeIndex>}; whether that trade can be busted is the engine's to decide. */
    private boolean parseTradeBust(final Command into)
    {
        if (!expectFields("TRADE_BUST", 4) || !parseTime() || !parseLong(2, "tradeSeq"))
        {
            return false;
        }
        final long tradeSeq = number;
        if (!parseLong(3, "tradeIndex"))
        {
            return false;
        }
        into.tradeBust(time, tradeSeq, number);
        return accept();
    }

    private boolean parsePlace(final Command into)
    {
        if (!expectFields("PLACE", 10) || !parseTime() || !parseLong(2, "account"))
        {
            return false;
        }
        final long account = number;
        if (!parseLong(3, "orderId"))
        {
            return false;
        }
        final long orderId = number;
        if (!parseName(4, "symbol"))
        {
            return false;
        }
        final Side side = fieldIs(5, BUY) ? Side.BUY : fieldIs(5, SELL) ? Side.SELL : null;
        final OrderType type = fieldIs(6, LIMIT) ? OrderType.LIMIT : fieldIs(6, MARKET) ? OrderType.MARKET : null;
        if (side == null)
        {
            return fail("side must be BUY or SELL: '" + field(5) + "'");
        }
        if (type == null)
        {
            return fail("type must be LIMIT or MARKET: '" + field(6) + "'");
        }
        if (!parseTif(7))
        {
            return false;
        }
        final TimeInForce tif = parsedTif;
        final long expiry = parsedExpiry;
        final boolean hasPrice = !isEmpty(8);
        long price = 0;
        if (hasPrice)
        {
            if (!parseLong(8, "price"))
            {
                return false;
            }
            price = number;
        }
        if (!parseLong(9, "qty"))
        {
            return false;
        }
        into.place(time, account, orderId, nameHi, nameLo, side, type, tif, expiry, hasPrice, price, number);
        return accept();
    }

    private boolean parseTif(final int index)
    {
        parsedExpiry = 0;
        if (fieldIs(index, GTC))
        {
            parsedTif = TimeInForce.GTC;
        }
        else if (fieldIs(index, IOC))
        {
            parsedTif = TimeInForce.IOC;
        }
        else if (fieldIs(index, FOK))
        {
            parsedTif = TimeInForce.FOK;
        }
        else if (fieldIs(index, POST_ONLY))
        {
            parsedTif = TimeInForce.POST_ONLY;
        }
        else
        {
            if (!startsWith(index, GTD_PREFIX))
            {
                return fail("tif must be GTC, IOC, FOK, POST_ONLY or GTD:<expiry>: '" + field(index) + "'");
            }
            final int savedStart = starts[index];
            starts[index] = savedStart + 4;
            final boolean ok = parseLong(index, "GTD expiry");
            starts[index] = savedStart;
            if (!ok)
            {
                return false;
            }
            parsedTif = TimeInForce.GTD;
            parsedExpiry = number;
        }
        return true;
    }

    private boolean parseAmend(final Command into)
    {
        if (!expectFields("AMEND", 6) || !parseTime() || !parseLong(2, "account"))
        {
            return false;
        }
        final long account = number;
        if (!parseLong(3, "orderId"))
        {
            return false;
        }
        final long orderId = number;
        final boolean hasPrice = !isEmpty(4);
        long price = 0;
        if (hasPrice)
        {
            if (!parseLong(4, "newPrice"))
            {
                return false;
            }
            price = number;
        }
        final boolean hasQty = !isEmpty(5);
        long qty = 0;
        if (hasQty)
        {
            if (!parseLong(5, "newTotalQty"))
            {
                return false;
            }
            qty = number;
        }
        into.amend(time, account, orderId, hasPrice, price, hasQty, qty);
        return accept();
    }
}
