package engine.api;

/**
 * One command, as mutable primitive fields so that ring slots and parsers can reuse a single
 * instance per slot instead of allocating per command. Which fields matter depends on
 * {@link #type()}; the others keep whatever they held.
 *
 * <p>{@code seq} and {@code timestamp} are assigned at ingress (sequencer or command file),
 * never by the business logic.
 */
public class Command
{
    // Enums are kept as their ordinals: storing a reference into a long-lived ring slot costs a
    // GC write barrier on every publication, a byte costs nothing.
    private byte type = (byte)CommandType.TICK.code();
    private long seq;
    private long timestamp;
    private long account;
    private long orderId;
    private long symbolHi;
    private long symbolLo;
    private long assetHi;
    private long assetLo;
    private long quoteAssetHi;
    private long quoteAssetLo;
    private byte side;
    private byte orderType;
    private byte tif;
    private long expiry;
    private long price;
    private boolean hasPrice;
    private long qty;
    private boolean hasQty;
    private long amount;
    private long baseScale;
    private long quoteScale;
    // Withdrawal sagas and external deposits: the saga id or external transaction id, the attempt
    // timeout and the attempts (the limit in a request, the attempt answered in a confirm or fail).
    private long reference;
    private long timeout;
    private long attempts;
    // Front-end identities, journaled with the command but never read by the business logic.
    private boolean hasClientOrderId;
    private long clientOrderId;
    private boolean hasRequestId;
    private long requestIdHi;
    private long requestIdLo;

    public Command symbol(final long time, final long symbolHi, final long symbolLo, final long baseHi,
        final long baseLo, final long quoteHi, final long quoteLo, final long baseScale, final long quoteScale)
    {
        reset(CommandType.SYMBOL, time);
        // Operator-wide: no account, so that identities keyed by account find it under 0.
        this.account = 0;
        this.symbolHi = symbolHi;
        this.symbolLo = symbolLo;
        this.assetHi = baseHi;
        this.assetLo = baseLo;
        this.quoteAssetHi = quoteHi;
        this.quoteAssetLo = quoteLo;
        this.baseScale = baseScale;
        this.quoteScale = quoteScale;
        return this;
    }

    public Command deposit(final long time, final long account, final long assetHi, final long assetLo, final long amount)
    {
        return transfer(CommandType.DEPOSIT, time, account, assetHi, assetLo, amount);
    }

    public Command withdraw(final long time, final long account, final long assetHi, final long assetLo, final long amount)
    {
        return transfer(CommandType.WITHDRAW, time, account, assetHi, assetLo, amount);
    }

    private Command transfer(
        final CommandType type, final long time, final long account, final long assetHi, final long assetLo, final long amount)
    {
        reset(type, time);
        this.account = account;
        this.assetHi = assetHi;
        this.assetLo = assetLo;
        this.amount = amount;
        return this;
    }

    /**
     * Starts a withdrawal saga; its id is the sequence number this command gets.
     *
     * @param timeout how long the first attempt may take, in command time units; each retry gets twice the previous
     * @param maxAttempts how many attempts before the withdrawal times out (1 to 16)
     */
    public Command withdrawRequest(final long time, final long account, final long assetHi, final long assetLo,
        final long amount, final long timeout, final long maxAttempts)
    {
        transfer(CommandType.WITHDRAW_REQUEST, time, account, assetHi, assetLo, amount);
        this.timeout = timeout;
        this.attempts = maxAttempts;
        return this;
    }

    /** The wallet paid withdrawal {@code sagaId} (answering {@code attempt}). */
    public Command withdrawConfirm(final long time, final long sagaId, final long attempt)
    {
        return sagaAnswer(CommandType.WITHDRAW_CONFIRM, time, sagaId, attempt);
    }

    /** The wallet refused withdrawal {@code sagaId} (answering {@code attempt}). */
    public Command withdrawFail(final long time, final long sagaId, final long attempt)
    {
        return sagaAnswer(CommandType.WITHDRAW_FAIL, time, sagaId, attempt);
    }

    private Command sagaAnswer(final CommandType type, final long time, final long sagaId, final long attempt)
    {
        reset(type, time);
        // Operator-wide, like SYMBOL: the worker answers for the wallet, not for an account.
        this.account = 0;
        this.reference = sagaId;
        this.attempts = attempt;
        return this;
    }

    /** A deposit seen on the external system under transaction id {@code txId}. */
    public Command depositNotify(final long time, final long account, final long assetHi, final long assetLo,
        final long amount, final long txId)
    {
        transfer(CommandType.DEPOSIT_NOTIFY, time, account, assetHi, assetLo, amount);
        this.reference = txId;
        return this;
    }

    /**
     * An operator's correction: {@code amount} (signed, not zero) is added to the account's available balance.
     *
     * @param reasonCode the operator's numeric reason (1 to 65535); the journal keeps numbers, not text
     */
    public Command balanceAdjust(final long time, final long account, final long assetHi, final long assetLo,
        final long amount, final long reasonCode)
    {
        transfer(CommandType.BALANCE_ADJUST, time, account, assetHi, assetLo, amount);
        this.reference = reasonCode;
        return this;
    }

    /**
     * An operator's bust of trade {@code (tradeSeq, tradeIndex)}: the seq of the command that produced the trade
     * and the trade's 0-based position among that command's TRADE events.
     */
    public Command tradeBust(final long time, final long tradeSeq, final long tradeIndex)
    {
        reset(CommandType.TRADE_BUST, time);
        // Operator-wide, like SYMBOL: a bust concerns two accounts, not the one that sends it.
        this.account = 0;
        this.reference = tradeSeq;
        this.attempts = tradeIndex;
        return this;
    }

    /**
     * @param price ignored unless {@code hasPrice}: a LIMIT without a price and a MARKET with one
     *              are both rejected {@code INVALID_PRICE}, so presence is part of the command.
     * @param expiry the GTD expiry; ignored for other tifs.
     */
    public Command place(final long time, final long account, final long orderId, final long symbolHi,
        final long symbolLo, final Side side, final OrderType orderType, final TimeInForce tif, final long expiry,
        final boolean hasPrice, final long price, final long qty)
    {
        reset(CommandType.PLACE, time);
        this.account = account;
        this.orderId = orderId;
        this.symbolHi = symbolHi;
        this.symbolLo = symbolLo;
        this.side = (byte)side.code();
        this.orderType = (byte)orderType.code();
        this.tif = (byte)tif.code();
        this.expiry = expiry;
        this.hasPrice = hasPrice;
        this.price = hasPrice ? price : 0;
        this.qty = qty;
        this.hasQty = true;
        return this;
    }

    public Command cancel(final long time, final long account, final long orderId)
    {
        reset(CommandType.CANCEL, time);
        this.account = account;
        this.orderId = orderId;
        return this;
    }

    /** An empty field ({@code hasPrice} or {@code hasQty} false) keeps the order's old value. */
    public Command amend(final long time, final long account, final long orderId, final boolean hasPrice,
        final long newPrice, final boolean hasQty, final long newTotalQty)
    {
        reset(CommandType.AMEND, time);
        this.account = account;
        this.orderId = orderId;
        this.hasPrice = hasPrice;
        this.price = hasPrice ? newPrice : 0;
        this.hasQty = hasQty;
        this.qty = hasQty ? newTotalQty : 0;
        return this;
    }

    public Command tick(final long time)
    {
        reset(CommandType.TICK, time);
        return this;
    }

    private void reset(final CommandType type, final long time)
    {
        this.type = (byte)type.code();
        this.timestamp = time;
        this.hasPrice = false;
        this.hasQty = false;
        this.hasClientOrderId = false;
        this.hasRequestId = false;
    }

    /**
     * Tags an order command with the front end's own order id for it, unique within the account
     * (the engine-wide {@link #orderId()} is the front end's mapping of it). Set after the
     * type-specific setter, which clears it.
     */
    public Command clientOrderId(final long clientOrderId)
    {
        this.hasClientOrderId = true;
        this.clientOrderId = clientOrderId;
        return this;
    }

    /**
     * Tags a command with the key of the client's request id (a 128-bit hash of its text), so that
     * a retry after a restart is recognised. Set after the type-specific setter, which clears it.
     */
    public Command requestId(final long hi, final long lo)
    {
        this.hasRequestId = true;
        this.requestIdHi = hi;
        this.requestIdLo = lo;
        return this;
    }

    /** Copies every field of {@code other}; used by ring translators. */
    public void copyFrom(final Command other)
    {
        type = other.type;
        seq = other.seq;
        timestamp = other.timestamp;
        account = other.account;
        orderId = other.orderId;
        symbolHi = other.symbolHi;
        symbolLo = other.symbolLo;
        assetHi = other.assetHi;
        assetLo = other.assetLo;
        quoteAssetHi = other.quoteAssetHi;
        quoteAssetLo = other.quoteAssetLo;
        side = other.side;
        orderType = other.orderType;
        tif = other.tif;
        expiry = other.expiry;
        price = other.price;
        hasPrice = other.hasPrice;
        qty = other.qty;
        hasQty = other.hasQty;
        amount = other.amount;
        baseScale = other.baseScale;
        quoteScale = other.quoteScale;
        reference = other.reference;
        timeout = other.timeout;
        attempts = other.attempts;
        hasClientOrderId = other.hasClientOrderId;
        clientOrderId = other.clientOrderId;
        hasRequestId = other.hasRequestId;
        requestIdHi = other.requestIdHi;
        requestIdLo = other.requestIdLo;
    }

    public Command seq(final long seq)
    {
        this.seq = seq;
        return this;
    }

    public Command timestamp(final long timestamp)
    {
        this.timestamp = timestamp;
        return this;
    }

    public CommandType type()
    {
        return CommandType.fromCode(type);
    }

    public long seq()
    {
        return seq;
    }

    public long timestamp()
    {
        return timestamp;
    }

    public long account()
    {
        return account;
    }

    public long orderId()
    {
        return orderId;
    }

    /** Replaces the order id: a front end showing a journaled command with the client's own id instead of the engine's. */
    public Command orderId(final long id)
    {
        this.orderId = id;
        return this;
    }

    public long symbolHi()
    {
        return symbolHi;
    }

    public long symbolLo()
    {
        return symbolLo;
    }

    /** The asset of a deposit or withdrawal, or the base asset of a SYMBOL. */
    public long assetHi()
    {
        return assetHi;
    }

    public long assetLo()
    {
        return assetLo;
    }

    public long quoteAssetHi()
    {
        return quoteAssetHi;
    }

    public long quoteAssetLo()
    {
        return quoteAssetLo;
    }

    public Side side()
    {
        return Side.fromCode(side);
    }

    public OrderType orderType()
    {
        return OrderType.fromCode(orderType);
    }

    public TimeInForce tif()
    {
        return TimeInForce.fromCode(tif);
    }

    public long expiry()
    {
        return expiry;
    }

    /** The limit price of a PLACE, or the new price of an AMEND. */
    public long price()
    {
        return price;
    }

    public boolean hasPrice()
    {
        return hasPrice;
    }

    /** The quantity of a PLACE, or the new total quantity of an AMEND. */
    public long qty()
    {
        return qty;
    }

    public boolean hasQty()
    {
        return hasQty;
    }

    public long amount()
    {
        return amount;
    }

    public long baseScale()
    {
        return baseScale;
    }

    public long quoteScale()
    {
        return quoteScale;
    }

    /**
     * The saga id of a WITHDRAW_CONFIRM or WITHDRAW_FAIL, the external transaction id of a DEPOSIT_NOTIFY,
     * the reason code of a BALANCE_ADJUST.
     */
    public long reference()
    {
        return reference;
    }

    /** The first attempt's timeout of a WITHDRAW_REQUEST. */
    /** The seq of the command that produced the trade a TRADE_BUST names. */
    public long tradeSeq()
    {
        return reference;
    }

    /** The 0-based position of the trade a TRADE_BUST names among its command's TRADE events. */
    public long tradeIndex()
    {
        return attempts;
    }

    public long timeout()
    {
        return timeout;
    }

    /** The attempt limit of a WITHDRAW_REQUEST; the attempt answered by a WITHDRAW_CONFIRM or WITHDRAW_FAIL. */
    public long attempts()
    {
        return attempts;
    }

    public boolean hasClientOrderId()
    {
        return hasClientOrderId;
    }

    /** The front end's own order id (see {@link #clientOrderId(long)}); meaningful when {@link #hasClientOrderId()}. */
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
}
