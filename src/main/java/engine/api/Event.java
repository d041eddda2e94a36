package engine.api;

/**
 * One event as an immutable value, for clients of the embedded API. Fields that do not
 * apply to the event's type are zero or null (see the output ring's layout in
 * {@code engine.core.EventBatch}).
 *
 * @param name the symbol, or for DEPOSITED, WITHDRAWN and the WITHDRAW_ steps the asset
 * @param orderId for a TRADE the taker's order id; for a WITHDRAW_ step the saga id
 * @param price for WITHDRAW_PENDING and WITHDRAW_ATTEMPT the attempt's deadline
 * @param makerOrderId for a WITHDRAW_ step the attempt
 * @param account for a TRADE the taker's account
 * @param qty quantity, open quantity or amount, by type
 */
public record Event(long seq, long timestamp, EventType type, String name, long orderId, boolean hasOrderId,
    long account, Side side, long price, long qty, long makerOrderId, long makerAccount, Reason reason)
{
    /** The event as its canonical output line (without newline). */
    public String toCanonicalLine()
    {
        final StringBuilder sb = new StringBuilder(64).append(seq).append(',').append(type);
        switch (type)
        {
            case SYMBOL_ADDED -> sb.append(',').append(name);
            case DEPOSITED, WITHDRAWN -> sb.append(',').append(account).append(',').append(name).append(',').append(qty);
            case ACCEPTED -> sb.append(',').append(orderId);
            case REJECTED -> sb.append(',').append(hasOrderId ? Long.toString(orderId) : "").append(',').append(reason);
            case TRADE -> sb.append(',').append(name).append(',').append(price).append(',').append(qty)
                .append(',').append(orderId).append(',').append(makerOrderId).append(',').append(account)
                .append(',').append(makerAccount).append(',').append(side);
            case CANCELED -> sb.append(',').append(orderId).append(',').append(qty).append(',').append(reason);
            case AMENDED -> sb.append(',').append(orderId).append(',').append(price).append(',').append(qty);
            case WITHDRAW_PENDING, WITHDRAW_ATTEMPT -> sb.append(',').append(orderId).append(',').append(account)
                .append(',').append(name).append(',').append(qty).append(',').append(makerOrderId).append(',').append(price);
            case WITHDRAW_CONFIRMED, WITHDRAW_FAILED, WITHDRAW_TIMED_OUT -> sb.append(',').append(orderId)
                .append(',').append(account).append(',').append(name).append(',').append(qty).append(',').append(makerOrderId);
        }
        return sb.toString();
    }

    @Override
    public String toString()
    {
        return toCanonicalLine();
    }
}
