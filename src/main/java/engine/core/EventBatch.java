package engine.core;

import engine.api.Command;
import engine.api.CommandType;
import engine.api.EventSink;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;

/**
 * An output ring slot: the events of one command, as fixed-width records in a reused
 * {@code long[]}. The business logic writes them through {@link EventSink}; handlers read
 * them by index. The array grows only when a command emits more events than any before it,
 * so a warmed-up pipeline allocates nothing.
 *
 * <p>Fields by event type (unused fields hold zero):
 * <pre>
 * ACCEPTED     orderId account symbol side orderType tif price qty
 * REJECTED     orderId (if hasOrderId) account reason
 * TRADE        symbol price qty orderId(taker) makerOrderId account(taker) makerAccount side(taker)
 * CANCELED     orderId account symbol side qty(open qty taken off) reason
 * AMENDED      orderId account symbol side price qty(open qty)
 * DEPOSITED    account asset qty(amount)
 * WITHDRAWN    account asset qty(amount)
 * SYMBOL_ADDED symbol baseAsset quoteAsset price(baseScale) qty(quoteScale)
 * BALANCE_ADJUSTED account asset qty(signed amount) price(reason code)
 * TRADE_BUSTED orderId(trade seq) makerOrderId(trade index) symbol price qty account(buyer) makerAccount(seller)
 *              other(base amount, quote amount)
 * WITHDRAW_*   orderId(sagaId) account asset qty(amount) price(deadline) makerOrderId(attempt) makerAccount(maxAttempts)
 * </pre>
 */
public final class EventBatch implements EventSink
{
    static final int WORDS = 11;
    private static final int HEADER = 0;
    private static final int ORDER_ID = 1;
    private static final int ACCOUNT = 2;
    private static final int NAME_HI = 3;
    private static final int NAME_LO = 4;
    private static final int PRICE = 5;
    private static final int QTY = 6;
    private static final int MAKER_ORDER_ID = 7;
    private static final int MAKER_ACCOUNT = 8;
    private static final int OTHER_HI = 9;
    private static final int OTHER_LO = 10;

    private long seq;
    private long timestamp;
    private byte commandType;
    private ResultListener listener;
    private int count;
    // The command's identities, for front ends that rebuild their tables from the output
    // (see Command#clientOrderId and Command#requestId); the business logic never reads them.
    private long account;
    private long orderId;
    private boolean hasClientOrderId;
    private long clientOrderId;
    private boolean hasRequestId;
    private long requestIdHi;
    private long requestIdLo;
    /** Room for 16 events from the start, so that few slots ever grow after warm-up. */
    private long[] words = new long[WORDS * 16];

    /** Starts the result of {@code command}, dropping the events of whatever the slot held before. */
    public void begin(final Command command, final ResultListener listener)
    {
        this.seq = command.seq();
        this.timestamp = command.timestamp();
        this.commandType = (byte)command.type().code();
        this.account = command.account();
        this.orderId = command.orderId();
        this.hasClientOrderId = command.hasClientOrderId();
        this.clientOrderId = command.clientOrderId();
        this.hasRequestId = command.hasRequestId();
        this.requestIdHi = command.requestIdHi();
        this.requestIdLo = command.requestIdLo();
        if (this.listener != listener)
        {
            // Skips the GC write barrier of a reference store in the common case (no listener).
            this.listener = listener;
        }
        this.count = 0;
    }

    /** Drops the events written so far for this command (used when applying it failed). */
    public void discardEvents()
    {
        count = 0;
    }

    public long seq()
    {
        return seq;
    }

    public long timestamp()
    {
        return timestamp;
    }

    public CommandType commandType()
    {
        return CommandType.fromCode(commandType);
    }

    public ResultListener listener()
    {
        return listener;
    }

    public int count()
    {
        return count;
    }

    private int add(final EventType type, final long flags)
    {
        if ((count + 1) * WORDS > words.length)
        {
            words = java.util.Arrays.copyOf(words, words.length * 2);
        }
        final int base = count * WORDS;
        // Plain stores rather than Arrays.fill: the record is short and this is the BLP's hot path.
        final long[] w = words;
        w[base + HEADER] = type.code() | flags;
        w[base + ORDER_ID] = 0;
        w[base + ACCOUNT] = 0;
        w[base + NAME_HI] = 0;
        w[base + NAME_LO] = 0;
        w[base + PRICE] = 0;
        w[base + QTY] = 0;
        w[base + MAKER_ORDER_ID] = 0;
        w[base + MAKER_ACCOUNT] = 0;
        w[base + OTHER_HI] = 0;
        w[base + OTHER_LO] = 0;
        count++;
        return base;
    }

    private static long side(final Side side)
    {
        return (long)side.code() << 8;
    }

    private static long reason(final Reason reason)
    {
        return (long)reason.code() << 16;
    }

    @Override
    public void accepted(final long orderId, final long account, final long symbolHi, final long symbolLo,
        final Side side, final OrderType type, final TimeInForce tif, final long price, final long qty)
    {
        final int at = add(EventType.ACCEPTED, side(side) | (long)type.code() << 32 | (long)tif.code() << 40);
        words[at + ORDER_ID] = orderId;
        words[at + ACCOUNT] = account;
        words[at + NAME_HI] = symbolHi;
        words[at + NAME_LO] = symbolLo;
        words[at + PRICE] = price;
        words[at + QTY] = qty;
    }

    @Override
    public void rejected(final boolean hasOrderId, final long orderId, final long account, final Reason reason)
    {
        final int at = add(EventType.REJECTED, reason(reason) | (hasOrderId ? 1L << 24 : 0));
        words[at + ORDER_ID] = orderId;
        words[at + ACCOUNT] = account;
    }

    @Override
    public void trade(final long symbolHi, final long symbolLo, final long price, final long qty,
        final long takerOrderId, final long makerOrderId, final long takerAccount, final long makerAccount,
        final Side takerSide)
    {
        final int at = add(EventType.TRADE, side(takerSide));
        words[at + ORDER_ID] = takerOrderId;
        words[at + ACCOUNT] = takerAccount;
        words[at + NAME_HI] = symbolHi;
        words[at + NAME_LO] = symbolLo;
        words[at + PRICE] = price;
        words[at + QTY] = qty;
        words[at + MAKER_ORDER_ID] = makerOrderId;
        words[at + MAKER_ACCOUNT] = makerAccount;
    }

    @Override
    public void canceled(final long orderId, final long account, final long symbolHi, final long symbolLo,
        final Side side, final long openQty, final Reason reason)
    {
        final int at = add(EventType.CANCELED, side(side) | reason(reason));
        words[at + ORDER_ID] = orderId;
        words[at + ACCOUNT] = account;
        words[at + NAME_HI] = symbolHi;
        words[at + NAME_LO] = symbolLo;
        words[at + QTY] = openQty;
    }

    @Override
    public void amended(final long orderId, final long account, final long symbolHi, final long symbolLo,
        final Side side, final long price, final long openQty)
    {
        final int at = add(EventType.AMENDED, side(side));
        words[at + ORDER_ID] = orderId;
        words[at + ACCOUNT] = account;
        words[at + NAME_HI] = symbolHi;
        words[at + NAME_LO] = symbolLo;
        words[at + PRICE] = price;
        words[at + QTY] = openQty;
    }

    @Override
    public void deposited(final long account, final long assetHi, final long assetLo, final long amount)
    {
        transfer(EventType.DEPOSITED, account, assetHi, assetLo, amount);
    }

    @Override
    public void withdrawn(final long account, final long assetHi, final long assetLo, final long amount)
    {
        transfer(EventType.WITHDRAWN, account, assetHi, assetLo, amount);
    }

    private int transfer(final EventType type, final long account, final long assetHi, final long assetLo,
        final long amount)
    {
        final int at = add(type, 0);
        words[at + ACCOUNT] = account;
        words[at + NAME_HI] = assetHi;
        words[at + NAME_LO] = assetLo;
        words[at + QTY] = amount;
        return at;
    }

    @Override
    public void withdrawal(final EventType type, final long sagaId, final long account, final long assetHi,
        final long assetLo, final long amount, final long attempt, final long deadline, final long maxAttempts)
    {
        final int at = transfer(type, account, assetHi, assetLo, amount);
        words[at + ORDER_ID] = sagaId;
        words[at + PRICE] = deadline;
        words[at + MAKER_ORDER_ID] = attempt;
        words[at + MAKER_ACCOUNT] = maxAttempts;
    }

    /** The saga id of a WITHDRAW_ event. */
    public long sagaId(final int index)
    {
        return orderId(index);
    }

    /** The attempt of a WITHDRAW_ event. */
    public long attempt(final int index)
    {
        return makerOrderId(index);
    }

    /** The request's limit of attempts of a WITHDRAW_ event; 0 in events stored before it was carried. */
    public long maxAttempts(final int index)
    {
        return makerAccount(index);
    }

    /** The deadline of a WITHDRAW_PENDING or WITHDRAW_ATTEMPT. */
    public long deadline(final int index)
    {
        return price(index);
    }

    @Override
    public void balanceAdjusted(final long account, final long assetHi, final long assetLo, final long amount,
        final long reasonCode)
    {
        final int at = transfer(EventType.BALANCE_ADJUSTED, account, assetHi, assetLo, amount);
        words[at + PRICE] = reasonCode;
    }

    /** The operator's reason code of a BALANCE_ADJUSTED. */
    public long adjustReason(final int index)
    {
        return price(index);
    }

    @Override
    public void tradeBusted(final long tradeSeq, final long tradeIndex, final long symbolHi, final long symbolLo,
        final long price, final long qty, final long buyer, final long seller, final long baseAmount, final long quoteAmount)
    {
        final int at = add(EventType.TRADE_BUSTED, 0);
        words[at + ORDER_ID] = tradeSeq;
        words[at + MAKER_ORDER_ID] = tradeIndex;
        words[at + NAME_HI] = symbolHi;
        words[at + NAME_LO] = symbolLo;
        words[at + PRICE] = price;
        words[at + QTY] = qty;
        words[at + ACCOUNT] = buyer;
        words[at + MAKER_ACCOUNT] = seller;
        words[at + OTHER_HI] = baseAmount;
        words[at + OTHER_LO] = quoteAmount;
    }

    /** The seq of the busted trade's command, of a TRADE_BUSTED. */
    public long bustedSeq(final int index)
    {
        return orderId(index);
    }

    /** The busted trade's index among its command's trades, of a TRADE_BUSTED. */
    public long bustedIndex(final int index)
    {
        return makerOrderId(index);
    }

    /** The base amount the buyer gave back to the seller, of a TRADE_BUSTED. */
    public long bustedBaseAmount(final int index)
    {
        return words[index * WORDS + OTHER_HI];
    }

    /** The quote amount the seller gave back to the buyer, of a TRADE_BUSTED. */
    public long bustedQuoteAmount(final int index)
    {
        return words[index * WORDS + OTHER_LO];
    }

    @Override
    public void symbolAdded(final long symbolHi, final long symbolLo, final long baseHi, final long baseLo,
        final long quoteHi, final long quoteLo, final long baseScale, final long quoteScale)
    {
        final int at = add(EventType.SYMBOL_ADDED, 0);
        words[at + NAME_HI] = symbolHi;
        words[at + NAME_LO] = symbolLo;
        words[at + MAKER_ORDER_ID] = baseHi;
        words[at + MAKER_ACCOUNT] = baseLo;
        words[at + OTHER_HI] = quoteHi;
        words[at + OTHER_LO] = quoteLo;
        words[at + PRICE] = baseScale;
        words[at + QTY] = quoteScale;
    }

    private long header(final int index)
    {
        return words[index * WORDS + HEADER];
    }

    public EventType type(final int index)
    {
        return EventType.fromCode((int)(header(index) & 0xFF));
    }

    public Side side(final int index)
    {
        return Side.fromCode((int)(header(index) >>> 8 & 0xFF));
    }

    public Reason reason(final int index)
    {
        return Reason.fromCode((int)(header(index) >>> 16 & 0xFF));
    }

    public boolean hasOrderId(final int index)
    {
        return (header(index) >>> 24 & 1) != 0;
    }

    public OrderType orderType(final int index)
    {
        return OrderType.fromCode((int)(header(index) >>> 32 & 0xFF));
    }

    public TimeInForce tif(final int index)
    {
        return TimeInForce.fromCode((int)(header(index) >>> 40 & 0xFF));
    }

    /** The order id; for a TRADE the taker's. */
    public long orderId(final int index)
    {
        return words[index * WORDS + ORDER_ID];
    }

    /** The account; for a TRADE the taker's. */
    public long account(final int index)
    {
        return words[index * WORDS + ACCOUNT];
    }

    /** The symbol, or for DEPOSITED/WITHDRAWN the asset. */
    public long nameHi(final int index)
    {
        return words[index * WORDS + NAME_HI];
    }

    public long nameLo(final int index)
    {
        return words[index * WORDS + NAME_LO];
    }

    /** The price; for SYMBOL_ADDED the base scale. */
    public long price(final int index)
    {
        return words[index * WORDS + PRICE];
    }

    /** Quantity, open quantity or amount, by event type; for SYMBOL_ADDED the quote scale. */
    public long qty(final int index)
    {
        return words[index * WORDS + QTY];
    }

    public long makerOrderId(final int index)
    {
        return words[index * WORDS + MAKER_ORDER_ID];
    }

    public long makerAccount(final int index)
    {
        return words[index * WORDS + MAKER_ACCOUNT];
    }

    /** The base asset of a SYMBOL_ADDED. */
    public long baseAssetHi(final int index)
    {
        return words[index * WORDS + MAKER_ORDER_ID];
    }

    public long baseAssetLo(final int index)
    {
        return words[index * WORDS + MAKER_ACCOUNT];
    }

    /** The quote asset of a SYMBOL_ADDED. */
    public long quoteAssetHi(final int index)
    {
        return words[index * WORDS + OTHER_HI];
    }

    public long quoteAssetLo(final int index)
    {
        return words[index * WORDS + OTHER_LO];
    }

    /** Copies the raw record of event {@code index}; for codecs that store events as they are. */
    public void copyRecord(final int index, final long[] dst, final int dstOffset)
    {
        System.arraycopy(words, index * WORDS, dst, dstOffset, WORDS);
    }

    /**
     * Checks that every enum code in a raw record written by {@link #copyRecord} names a constant,
     * so that a reader of stored events fails where it reads rather than later where one is used.
     *
     * @throws IllegalArgumentException naming the enum and the code that no constant has
     */
    public static void checkRecord(final long[] src, final int srcOffset)
    {
        final long header = src[srcOffset + HEADER];
        EventType.fromCode((int)(header & 0xFF));
        Side.fromCode((int)(header >>> 8 & 0xFF));
        if (Reason.fromCode((int)(header >>> 16 & 0xFF)) == null)
        {
            throw new IllegalArgumentException("unknown Reason code " + (header >>> 16 & 0xFF));
        }
        OrderType.fromCode((int)(header >>> 32 & 0xFF));
        TimeInForce.fromCode((int)(header >>> 40 & 0xFF));
    }

    /** Appends a raw record written by {@link #copyRecord}; for decoders of stored events. */
    public void appendRecord(final long[] src, final int srcOffset)
    {
        final int at = add(EventType.ACCEPTED, 0);
        System.arraycopy(src, srcOffset, words, at, WORDS);
    }

    /** Starts a batch from stored fields rather than a command; for readers of the event store. */
    public void begin(final long seq, final long timestamp, final CommandType commandType)
    {
        this.seq = seq;
        this.timestamp = timestamp;
        this.commandType = (byte)commandType.code();
        this.listener = null;
        this.count = 0;
        this.hasClientOrderId = false;
        this.hasRequestId = false;
    }

    /** Sets the command's identities of a batch rebuilt with {@link #begin(long, long, CommandType)}. */
    public void identities(final long account, final long orderId, final boolean hasClientOrderId,
        final long clientOrderId, final boolean hasRequestId, final long requestIdHi, final long requestIdLo)
    {
        this.account = account;
        this.orderId = orderId;
        this.hasClientOrderId = hasClientOrderId;
        this.clientOrderId = clientOrderId;
        this.hasRequestId = hasRequestId;
        this.requestIdHi = requestIdHi;
        this.requestIdLo = requestIdLo;
    }

    /** The command's account field (0 for SYMBOL; stale for TICK). */
    public long commandAccount()
    {
        return account;
    }

    /** The command's engine-wide order id (meaningful for PLACE, CANCEL, AMEND). */
    public long commandOrderId()
    {
        return orderId;
    }

    public boolean hasClientOrderId()
    {
        return hasClientOrderId;
    }

    public long clientOrderId()
    {
        return clientOrderId;
    }

    public boolean hasRequestId()
    {
        return hasRequestId;
    }

    public long requestIdHi()
    {
        return requestIdHi;
    }

    public long requestIdLo()
    {
        return requestIdLo;
    }

    public static int recordWords()
    {
        return WORDS;
    }
}
