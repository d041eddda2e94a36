package engine.http;

import engine.api.CommandResult;
import engine.api.Event;
import engine.api.EventType;
import engine.gateway.ClientOrderIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as JSON objects with only the fields their type has. A caller sees only its own
 * account's events: other accounts' events in the same command (expiries) are left out, and a
 * trade's other side is shown without its order id or account. Order ids are shown as their
 * accounts' client order ids.
 */
final class EventJson
{
    private EventJson()
    {
    }

    static Map<String, Object> result(final CommandResult result, final ApiKeys.Principal caller,
        final ClientOrderIds orderIds)
    {
        final List<Map<String, Object>> events = new ArrayList<>();
        // A trade's id for TRADE_BUST is (seq, tradeIndex): its position among all of the command's trades,
        // counted before the caller's view leaves other accounts' trades out.
        int tradeIndex = 0;
        for (final Event e : result.events())
        {
            final Map<String, Object> json = event(e, caller, orderIds);
            if (json != null)
            {
                if (e.type() == EventType.TRADE)
                {
                    json.put("tradeIndex", tradeIndex);
                }
                events.add(json);
            }
            if (e.type() == EventType.TRADE)
            {
                tradeIndex++;
            }
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", result.seq());
        out.put("timestamp", result.timestamp());
        out.put("command", result.commandType());
        out.put("accepted", !result.rejected());
        out.put("events", events);
        return out;
    }

    private static Map<String, Object> event(final Event e, final ApiKeys.Principal caller,
        final ClientOrderIds orderIds)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        switch (e.type())
        {
            case TRADE ->
            {
                final boolean taker = caller.mayAccess(e.account());
                final boolean maker = caller.mayAccess(e.makerAccount());
                if (!taker && !maker)
                {
                    return null;
                }
                m.put("symbol", e.name());
                m.put("price", e.price());
                m.put("qty", e.qty());
                m.put("takerSide", e.side());
                if (taker)
                {
                    m.put("takerOrderId", orderIds.clientOrderId(e.orderId(), e.orderId()));
                    m.put("takerAccount", e.account());
                }
                if (maker)
                {
                    m.put("makerOrderId", orderIds.clientOrderId(e.makerOrderId(), e.makerOrderId()));
                    m.put("makerAccount", e.makerAccount());
                }
            }
            case TRADE_BUSTED ->
            {
                final boolean buyer = caller.mayAccess(e.account());
                final boolean seller = caller.mayAccess(e.makerAccount());
                if (!buyer && !seller)
                {
                    return null;
                }
                m.put("tradeSeq", e.orderId());
                m.put("tradeIndex", e.makerOrderId());
                m.put("symbol", e.name());
                m.put("price", e.price());
                m.put("qty", e.qty());
                if (buyer)
                {
                    m.put("buyer", e.account());
                }
                if (seller)
                {
                    m.put("seller", e.makerAccount());
                }
            }
            case SYMBOL_ADDED -> m.put("symbol", e.name());
            default ->
            {
                if (!caller.mayAccess(e.account()))
                {
                    return null;
                }
                fields(e, m, orderIds.clientOrderId(e.orderId(), e.orderId()));
            }
        }
        return m;
    }

    private static void fields(final Event e, final Map<String, Object> m, final long orderId)
    {
        switch (e.type())
        {
            case ACCEPTED -> m.put("orderId", orderId);
            case REJECTED ->
            {
                if (e.hasOrderId())
                {
                    m.put("orderId", orderId);
                }
                m.put("reason", e.reason());
            }
            case CANCELED ->
            {
                m.put("orderId", orderId);
                m.put("openQty", e.qty());
                m.put("reason", e.reason());
            }
            case AMENDED ->
            {
                m.put("orderId", orderId);
                m.put("price", e.price());
                m.put("openQty", e.qty());
            }
            case DEPOSITED, WITHDRAWN ->
            {
                m.put("asset", e.name());
                m.put("amount", e.qty());
            }
            case BALANCE_ADJUSTED ->
            {
                m.put("asset", e.name());
                m.put("amount", e.qty());
                m.put("reasonCode", e.price());
            }
            case WITHDRAW_PENDING, WITHDRAW_ATTEMPT, WITHDRAW_CONFIRMED, WITHDRAW_FAILED, WITHDRAW_TIMED_OUT,
                WITHDRAW_CANCELLING ->
            {
                m.put("withdrawalId", e.orderId());
                m.put("asset", e.name());
                m.put("amount", e.qty());
                m.put("attempt", e.makerOrderId());
                m.put("maxAttempts", e.makerAccount());
                if (e.price() != 0)
                {
                    m.put("deadline", e.price());
                }
            }
            default ->
            {
            }
        }
        m.put("account", e.account());
    }
}
