package engine.api;

/**
 * Where the business logic writes the events of the command it is applying. The sink knows
 * which command that is, so events carry no sequence or timestamp here. Implementations
 * must not allocate: they are called on the business-logic thread.
 */
public interface EventSink
{
    void accepted(long orderId, long account, long symbolHi, long symbolLo, Side side, OrderType type,
        TimeInForce tif, long price, long qty);

    /** @param hasOrderId false for rejections of SYMBOL, DEPOSIT and WITHDRAW. */
    void rejected(boolean hasOrderId, long orderId, long account, Reason reason);

    void trade(long symbolHi, long symbolLo, long price, long qty, long takerOrderId, long makerOrderId,
        long takerAccount, long makerAccount, Side takerSide);

    /** @param openQty the quantity this cancel took off the book. */
    void canceled(long orderId, long account, long symbolHi, long symbolLo, Side side, long openQty, Reason reason);

    void amended(long orderId, long account, long symbolHi, long symbolLo, Side side, long price, long openQty);

    void deposited(long account, long assetHi, long assetLo, long amount);

    void withdrawn(long account, long assetHi, long assetLo, long amount);

    /**
     * A step of withdrawal saga {@code sagaId}: {@code type} is one of the WITHDRAW_ events.
     *
     * @param attempt the attempt under way (PENDING, ATTEMPT) or the last one made
     * @param deadline when the attempt under way times out (PENDING, ATTEMPT), else 0
     * @param maxAttempts the request's limit of attempts, so that readers of the events alone know the retries left
     */
    void withdrawal(EventType type, long sagaId, long account, long assetHi, long assetLo, long amount, long attempt,
        long deadline, long maxAttempts);

    /** An operator's correction: {@code amount} (signed) was added to the account's available balance. */
    void balanceAdjusted(long account, long assetHi, long assetLo, long amount, long reasonCode);

    /**
     * An operator's bust reversed the settlement of trade {@code (tradeSeq, tradeIndex)}: the buyer gave back
     * {@code baseAmount} of the base asset and got back {@code quoteAmount} of the quote asset, the seller the
     * reverse, all in available balances.
     */
    void tradeBusted(long tradeSeq, long tradeIndex, long symbolHi, long symbolLo, long price, long qty, long buyer,
        long seller, long baseAmount, long quoteAmount);

    void symbolAdded(long symbolHi, long symbolLo, long baseHi, long baseLo, long quoteHi, long quoteLo,
        long baseScale, long quoteScale);
}
