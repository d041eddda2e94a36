package engine.cluster;

import engine.api.EventSink;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;

/** Writes every event to two sinks (the reply and the read side); reused for every command, allocates nothing. */
final class TeeSink implements EventSink
{
    private EventSink first;
    private EventSink second;

    /** Points this tee at {@code a} then {@code b}; returns it. */
    EventSink to(final EventSink a, final EventSink b)
    {
        first = a;
        second = b;
        return this;
    }

    @Override
    public void accepted(final long orderId, final long account, final long symbolHi, final long symbolLo, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long qty)
    {
        first.accepted(orderId, account, symbolHi, symbolLo, side, type, tif, price, qty);
        second.accepted(orderId, account, symbolHi, symbolLo, side, type, tif, price, qty);
    }

    @Override
    public void rejected(final boolean hasOrderId, final long orderId, final long account, final Reason reason)
    {
        first.rejected(hasOrderId, orderId, account, reason);
        second.rejected(hasOrderId, orderId, account, reason);
    }

    @Override
    public void trade(final long symbolHi, final long symbolLo, final long price, final long qty, final long takerOrderId,
        final long makerOrderId, final long takerAccount, final long makerAccount, final Side takerSide)
    {
        first.trade(symbolHi, symbolLo, price, qty, takerOrderId, makerOrderId, takerAccount, makerAccount, takerSide);
        second.trade(symbolHi, symbolLo, price, qty, takerOrderId, makerOrderId, takerAccount, makerAccount, takerSide);
    }

    @Override
    public void canceled(final long orderId, final long account, final long symbolHi, final long symbolLo, final Side side,
        final long openQty, final Reason reason)
    {
        first.canceled(orderId, account, symbolHi, symbolLo, side, openQty, reason);
        second.canceled(orderId, account, symbolHi, symbolLo, side, openQty, reason);
    }

    @Override
    public void amended(final long orderId, final long account, final long symbolHi, final long symbolLo, final Side side,
        final long price, final long openQty)
    {
        first.amended(orderId, account, symbolHi, symbolLo, side, price, openQty);
        second.amended(orderId, account, symbolHi, symbolLo, side, price, openQty);
    }

    @Override
    public void deposited(final long account, final long assetHi, final long assetLo, final long amount)
    {
        first.deposited(account, assetHi, assetLo, amount);
        second.deposited(account, assetHi, assetLo, amount);
    }

    @Override
    public void withdrawn(final long account, final long assetHi, final long assetLo, final long amount)
    {
        first.withdrawn(account, assetHi, assetLo, amount);
        second.withdrawn(account, assetHi, assetLo, amount);
    }

    @Override
    public void withdrawal(final EventType type, final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long attempt, final long deadline, final long maxAttempts)
    {
        first.withdrawal(type, sagaId, account, assetHi, assetLo, amount, attempt, deadline, maxAttempts);
        second.withdrawal(type, sagaId, account, assetHi, assetLo, amount, attempt, deadline, maxAttempts);
    }

    @Override
    public void balanceAdjusted(final long account, final long assetHi, final long assetLo, final long amount,
        final long reasonCode)
    {
        first.balanceAdjusted(account, assetHi, assetLo, amount, reasonCode);
        second.balanceAdjusted(account, assetHi, assetLo, amount, reasonCode);
    }

    @Override
    public void tradeBusted(final long tradeSeq, final long tradeIndex, final long symbolHi, final long symbolLo,
        final long price, final long qty, final long buyer, final long seller, final long baseAmount, final long quoteAmount)
    {
        first.tradeBusted(tradeSeq, tradeIndex, symbolHi, symbolLo, price, qty, buyer, seller, baseAmount, quoteAmount);
        second.tradeBusted(tradeSeq, tradeIndex, symbolHi, symbolLo, price, qty, buyer, seller, baseAmount, quoteAmount);
    }

    @Override
    public void symbolAdded(final long symbolHi, final long symbolLo, final long baseHi, final long baseLo, final long quoteHi,
        final long quoteLo, final long baseScale, final long quoteScale)
    {
        first.symbolAdded(symbolHi, symbolLo, baseHi, baseLo, quoteHi, quoteLo, baseScale, quoteScale);
        second.symbolAdded(symbolHi, symbolLo, baseHi, baseLo, quoteHi, quoteLo, baseScale, quoteScale);
    }
}
