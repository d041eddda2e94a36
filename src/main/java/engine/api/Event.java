package engine.api;

/**
 * One event as an immutable value, for clients of the embedded API. Fields that do not
 * apply to the event's type are zero or null (see the output ring's layout in
 * {@code engine.core.EventBatch}). {@code engine.format.CanonicalFormat.line(event)} writes it as its canonical
 * output line.
 *
 * @param name the symbol, or for DEPOSITED, WITHDRAWN, BALANCE_ADJUSTED and the WITHDRAW_ steps the asset
 * @param orderId for a TRADE the taker's order id; for TRADE_BUSTED the seq of the busted trade's command
 * @param account for a TRADE the taker's account; for TRADE_BUSTED the buyer
 * @param price for BALANCE_ADJUSTED the operator's reason code; for WITHDRAW_PENDING and WITHDRAW_ATTEMPT the deadline
 * @param makerOrderId for the WITHDRAW_ steps the attempt; for TRADE_BUSTED the busted trade's index among its command's trades
 * @param makerAccount for the WITHDRAW_ steps the request's limit of attempts; for TRADE_BUSTED the seller
 * @param qty quantity, open quantity or amount (signed for BALANCE_ADJUSTED), by type
 */
public record Event(long seq, long timestamp, EventType type, String name, long orderId, boolean hasOrderId,
    long account, Side side, long price, long qty, long makerOrderId, long makerAccount, Reason reason)
{
}
