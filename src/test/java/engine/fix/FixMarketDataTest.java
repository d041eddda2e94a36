package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import engine.readmodel.DepthView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.NumberOfOrders;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;

/** Market data: a snapshot then incremental refreshes rebuild exactly the depth read model's top N. */
class FixMarketDataTest
{
    private static final int LEVELS = 3;

    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheDepthReadModelFromSnapshotAndIncrements()
    {
        try (FixServer server = new FixServer(dir.resolve("data"), FixServer.freePort());
             FixClient viewer = new FixClient("CLIENT1", "1", FixServer.KEY_1, server.port, dir.resolve("c1"));
             FixClient trader = new FixClient("CLIENT2", "2", FixServer.KEY_2, server.port, dir.resolve("c2")))
        {
            final String symbol = server.market("MD");
            viewer.awaitLogon();
            trader.awaitLogon();
            trader.send(Orders.limit("pre", symbol, Side.BUY, "90", "4", TimeInForce.GOOD_TILL_CANCEL));
            trader.await(m -> Orders.report(m, "pre", quickfix.field.ExecType.NEW), "New pre");

            viewer.send(request("md1", SubscriptionRequestType.SNAPSHOT_UPDATES, symbol));
            viewer.await(m -> Orders.is(m, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH), "snapshot");
            final String[][] orders = {
                {"1", "1", "100", "5"}, {"2", "1", "101", "3"}, {"3", "1", "99", "2"}, {"4", "1", "98", "7"},
                {"5", "2", "105", "6"}, {"6", "2", "104", "1"}, {"7", "2", "110", "2"}, {"8", "2", "101", "4"},
                {"9", "1", "104", "2"}, {"10", "2", "95", "1"},
            };
            for (final String[] o : orders)
            {
                trader.send(Orders.limit("o" + o[0], symbol, o[1].charAt(0), o[2], o[3], TimeInForce.GOOD_TILL_CANCEL));
            }
            trader.send(Orders.cancel("c1", "o4", symbol, Side.BUY));
            trader.await(m -> Orders.report(m, "c1", quickfix.field.ExecType.CANCELED), "cancel of o4");

            final DepthView.Depth expected = awaitStable(server, symbol);
            FixClient.await(() -> book(viewer.received(), "md1", true).equals(levels(expected.bids())) &&
                book(viewer.received(), "md1", false).equals(levels(expected.asks())), "the rebuilt book to match " +
                expected);
            assertThat(trades(viewer.received(), "md1")).isEqualTo(server.models.models().trades().trades(symbol, 100)
                .value().size()).isGreaterThan(0);

            viewer.send(request("md1", SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST, symbol));
            viewer.send(request("md2", SubscriptionRequestType.SNAPSHOT, symbol));
            viewer.await(m -> Orders.is(m, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH) &&
                "md2".equals(Orders.get(m, MDReqID.FIELD)), "second snapshot");
            final int updatesBefore = viewer.received().size();
            trader.send(Orders.limit("after", symbol, Side.BUY, "103", "1", TimeInForce.GOOD_TILL_CANCEL));
            trader.await(m -> Orders.report(m, "after", quickfix.field.ExecType.NEW), "New after");
            viewer.send(request("md3", SubscriptionRequestType.SNAPSHOT, symbol));
            final Message third = viewer.await(m -> Orders.is(m, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH) &&
                "md3".equals(Orders.get(m, MDReqID.FIELD)), "third snapshot");
            assertThat(viewer.received().subList(updatesBefore, viewer.received().size()))
                .noneMatch(m -> Orders.is(m, MsgType.MARKET_DATA_INCREMENTAL_REFRESH));
            assertThat(Orders.get(third, NoMDEntries.FIELD)).isNotNull();
        }
    }

    @Test
    void shouldRejectRequestForUnknownSymbol()
    {
        try (FixServer server = new FixServer(dir.resolve("data"), FixServer.freePort());
             FixClient viewer = new FixClient("CLIENT1", "1", FixServer.KEY_1, server.port, dir.resolve("c1")))
        {
            viewer.awaitLogon();
            viewer.send(request("bad", SubscriptionRequestType.SNAPSHOT_UPDATES, "NOPE-USD"));
            final Message reject = viewer.await(m -> Orders.is(m, MsgType.MARKET_DATA_REQUEST_REJECT), "MD reject");
            assertThat(Orders.get(reject, MDReqID.FIELD)).isEqualTo("bad");
            assertThat(Orders.get(reject, MDReqRejReason.FIELD)).isEqualTo(String.valueOf(MDReqRejReason.UNKNOWN_SYMBOL));
        }
    }

    private static Message request(final String reqId, final char type, final String symbol)
    {
        final quickfix.fix44.MarketDataRequest m = new quickfix.fix44.MarketDataRequest();
        m.setString(MDReqID.FIELD, reqId);
        m.setChar(SubscriptionRequestType.FIELD, type);
        m.setInt(MarketDepth.FIELD, LEVELS);
        for (final char entryType : new char[] {MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE})
        {
            final Group group = new quickfix.fix44.MarketDataRequest.NoMDEntryTypes();
            group.setChar(MDEntryType.FIELD, entryType);
            m.addGroup(group);
        }
        final Group related = new quickfix.fix44.MarketDataRequest.NoRelatedSym();
        related.setString(Symbol.FIELD, symbol);
        m.addGroup(related);
        return m;
    }

    /** The depth read model once it has applied every command so far. */
    private static DepthView.Depth awaitStable(final FixServer server, final String symbol)
    {
        try
        {
            server.models.models().awaitApplied(server.live.engine().nextSeq() - 1, 30_000);
        }
        catch (final java.util.concurrent.TimeoutException e)
        {
            throw new AssertionError(e);
        }
        return server.models.models().depth().depth(symbol, LEVELS).value();
    }

    private static List<String> levels(final List<DepthView.Level> levels)
    {
        final List<String> out = new ArrayList<>();
        for (final DepthView.Level level : levels)
        {
            out.add(level.price() + "x" + level.qty() + "/" + level.orders());
        }
        return out;
    }

    /** One side of the book a client holds after applying the snapshot and every update of {@code reqId}, best first. */
    private static List<String> book(final List<Message> received, final String reqId, final boolean bids)
    {
        final Map<Long, String> side = bids ? new TreeMap<>(java.util.Comparator.reverseOrder()) : new TreeMap<>();
        final char wanted = bids ? MDEntryType.BID : MDEntryType.OFFER;
        for (final Message m : received)
        {
            if (!reqId.equals(Orders.get(m, MDReqID.FIELD)))
            {
                continue;
            }
            final boolean snapshot = Orders.is(m, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
            if (snapshot)
            {
                side.clear();
            }
            for (final Group entry : m.getGroups(NoMDEntries.FIELD))
            {
                if (Orders.get(entry, MDEntryType.FIELD).charAt(0) != wanted)
                {
                    continue;
                }
                final long price = Long.parseLong(Orders.get(entry, MDEntryPx.FIELD));
                final String action = snapshot ? "0" : Orders.get(entry, MDUpdateAction.FIELD);
                if (action.equals(String.valueOf(MDUpdateAction.DELETE)))
                {
                    side.remove(price);
                }
                else
                {
                    side.put(price, price + "x" + Orders.get(entry, MDEntrySize.FIELD) + "/" +
                        Orders.get(entry, NumberOfOrders.FIELD));
                }
            }
        }
        return new ArrayList<>(side.values());
    }

    private static int trades(final List<Message> received, final String reqId)
    {
        int trades = 0;
        for (final Message m : received)
        {
            if (Orders.is(m, MsgType.MARKET_DATA_INCREMENTAL_REFRESH) && reqId.equals(Orders.get(m, MDReqID.FIELD)))
            {
                for (final Group entry : m.getGroups(NoMDEntries.FIELD))
                {
                    if (Orders.get(entry, MDEntryType.FIELD).charAt(0) == MDEntryType.TRADE)
                    {
                        trades++;
                    }
                }
            }
        }
        return trades;
    }
}
