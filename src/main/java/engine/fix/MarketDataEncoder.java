package engine.fix;

import engine.readmodel.DepthView;
import engine.readmodel.TradeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.NoMDEntries;
import quickfix.field.NumberOfOrders;
import quickfix.field.Symbol;

/**
 * Market data messages: a full refresh (W) of price levels, and incremental refreshes (X) that
 * turn one top-N view of a book into the next (New, Change, Delete per price level) or report
 * a trade. Prices and sizes are the engine's integers (ticks and lots).
 */
final class MarketDataEncoder
{
    Message snapshot(final String reqId, final String symbol, final DepthView.Depth depth)
    {
        final Message m = new quickfix.fix44.MarketDataSnapshotFullRefresh();
        m.setString(MDReqID.FIELD, reqId);
        m.setString(Symbol.FIELD, symbol);
        int entries = 0;
        if (depth != null)
        {
            entries += levels(m, MDEntryType.BID, depth.bids());
            entries += levels(m, MDEntryType.OFFER, depth.asks());
        }
        if (entries == 0)
        {
            m.setInt(NoMDEntries.FIELD, 0);
        }
        return m;
    }

    private static int levels(final Message m, final char type, final List<DepthView.Level> levels)
    {
        for (final DepthView.Level level : levels)
        {
            final Group entry = new quickfix.fix44.MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.setChar(MDEntryType.FIELD, type);
            entry.setString(MDEntryPx.FIELD, Long.toString(level.price()));
            entry.setString(MDEntrySize.FIELD, Long.toString(level.qty()));
            entry.setInt(NumberOfOrders.FIELD, level.orders());
            m.addGroup(entry);
        }
        return levels.size();
    }

    /** The changes from {@code before} to {@code after}, or null when the top N did not change. */
    Message depthUpdate(final String reqId, final String symbol, final DepthView.Depth before,
        final DepthView.Depth after)
    {
        final Message m = new quickfix.fix44.MarketDataIncrementalRefresh();
        m.setString(MDReqID.FIELD, reqId);
        int entries = diff(m, symbol, MDEntryType.BID, before == null ? List.of() : before.bids(), after.bids());
        entries += diff(m, symbol, MDEntryType.OFFER, before == null ? List.of() : before.asks(), after.asks());
        return entries == 0 ? null : m;
    }

    private static int diff(final Message m, final String symbol, final char type, final List<DepthView.Level> before,
        final List<DepthView.Level> after)
    {
        final Map<Long, DepthView.Level> old = new HashMap<>();
        for (final DepthView.Level level : before)
        {
            old.put(level.price(), level);
        }
        int entries = 0;
        for (final DepthView.Level level : after)
        {
            final DepthView.Level prior = old.remove(level.price());
            if (prior == null)
            {
                add(m, MDUpdateAction.NEW, symbol, type, level);
                entries++;
            }
            else if (!prior.equals(level))
            {
                add(m, MDUpdateAction.CHANGE, symbol, type, level);
                entries++;
            }
        }
        for (final DepthView.Level gone : before)
        {
            if (old.containsKey(gone.price()))
            {
                add(m, MDUpdateAction.DELETE, symbol, type, gone);
                entries++;
            }
        }
        return entries;
    }

    private static void add(final Message m, final char action, final String symbol, final char type,
        final DepthView.Level level)
    {
        final Group entry = new quickfix.fix44.MarketDataIncrementalRefresh.NoMDEntries();
        entry.setChar(MDUpdateAction.FIELD, action);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(Symbol.FIELD, symbol);
        entry.setString(MDEntryPx.FIELD, Long.toString(level.price()));
        if (action != MDUpdateAction.DELETE)
        {
            entry.setString(MDEntrySize.FIELD, Long.toString(level.qty()));
            entry.setInt(NumberOfOrders.FIELD, level.orders());
        }
        m.addGroup(entry);
    }

    Message trade(final String reqId, final TradeView.Trade trade)
    {
        final Message m = new quickfix.fix44.MarketDataIncrementalRefresh();
        m.setString(MDReqID.FIELD, reqId);
        final Group entry = new quickfix.fix44.MarketDataIncrementalRefresh.NoMDEntries();
        entry.setChar(MDUpdateAction.FIELD, MDUpdateAction.NEW);
        entry.setChar(MDEntryType.FIELD, MDEntryType.TRADE);
        entry.setString(Symbol.FIELD, trade.symbol());
        entry.setString(MDEntryPx.FIELD, Long.toString(trade.price()));
        entry.setString(MDEntrySize.FIELD, Long.toString(trade.qty()));
        m.addGroup(entry);
        return m;
    }
}
