package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.SelfTradePrevention;
import engine.cli.CommandFileRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Text;
import quickfix.field.TimeInForce;

/**
 * The same scenario through FIX and through {@code engine run}: every execution report, read
 * back as the canonical event it reports, equals the canonical output field by field (order ids
 * mapped by ClOrdID, since FIX orders get gateway-allocated engine ids).
 */
class FixCanonicalAgreementTest
{
    private static final String SETUP = """
        SYMBOL,0,BTC-USD,BTC,USD
        DEPOSIT,0,1,USD,1000000000
        DEPOSIT,0,1,BTC,1000000
        DEPOSIT,0,2,USD,1000000000
        DEPOSIT,0,2,BTC,1000000
        """;
    private static final String ORDERS = """
        PLACE,1,1,101,BTC-USD,SELL,LIMIT,GTC,30000,5
        PLACE,1,1,102,BTC-USD,SELL,LIMIT,GTC,30010,5
        PLACE,1,2,201,BTC-USD,BUY,LIMIT,IOC,30005,7
        PLACE,1,2,202,BTC-USD,BUY,LIMIT,GTC,29990,4
        AMEND,1,1,102,29995,6
        AMEND,1,2,202,30000,
        CANCEL,1,1,102
        PLACE,1,2,203,BTC-USD,BUY,MARKET,FOK,,3
        CANCEL,1,2,201
        PLACE,1,1,103,BTC-USD,SELL,LIMIT,POST_ONLY,29000,1
        PLACE,1,2,204,BTC-USD,BUY,LIMIT,FOK,29000,2
        """;

    @TempDir
    Path dir;

    @Test
    void shouldReportEveryCanonicalEventFieldByField() throws Exception
    {
        final List<String> canonical = run(SETUP + ORDERS);
        final List<Message> reports = new ArrayList<>();
        final Message cancelReject;
        try (FixServer server = new FixServer(dir.resolve("data"), FixServer.freePort());
             FixClient c1 = new FixClient("CLIENT1", "1", FixServer.KEY_1, server.port, dir.resolve("c1"));
             FixClient c2 = new FixClient("CLIENT2", "2", FixServer.KEY_2, server.port, dir.resolve("c2")))
        {
            server.listAndFund("BTC-USD", "BTC", "USD");
            c1.awaitLogon();
            c2.awaitLogon();
            step(c1, Orders.limit("101", "BTC-USD", Side.SELL, "30000", "5", TimeInForce.GOOD_TILL_CANCEL), c1,
                m -> Orders.report(m, "101", ExecType.NEW));
            step(c1, Orders.limit("102", "BTC-USD", Side.SELL, "30010", "5", TimeInForce.GOOD_TILL_CANCEL), c1,
                m -> Orders.report(m, "102", ExecType.NEW));
            step(c2, Orders.limit("201", "BTC-USD", Side.BUY, "30005", "7", TimeInForce.IMMEDIATE_OR_CANCEL), c2,
                m -> Orders.report(m, "201", ExecType.CANCELED));
            step(c2, Orders.limit("202", "BTC-USD", Side.BUY, "29990", "4", TimeInForce.GOOD_TILL_CANCEL), c2,
                m -> Orders.report(m, "202", ExecType.NEW));
            step(c1, Orders.replace("102r", "102", "BTC-USD", Side.SELL, "29995", "6"), c1,
                m -> Orders.report(m, "102r", ExecType.REPLACED));
            step(c2, Orders.replace("202r", "202", "BTC-USD", Side.BUY, "30000", null), c1,
                m -> Orders.report(m, "102r", ExecType.TRADE));
            step(c1, Orders.cancel("102c", "102r", "BTC-USD", Side.SELL), c1,
                m -> Orders.report(m, "102c", ExecType.CANCELED));
            final Message marketFok = Orders.market("203", "BTC-USD", Side.BUY, "3");
            marketFok.setChar(TimeInForce.FIELD, TimeInForce.FILL_OR_KILL);
            step(c2, marketFok, c2, m -> Orders.report(m, "203", ExecType.REJECTED));
            step(c2, Orders.cancel("201c", "201", "BTC-USD", Side.BUY), c2,
                m -> Orders.is(m, MsgType.ORDER_CANCEL_REJECT));
            step(c1, Orders.postOnly("103", "BTC-USD", Side.SELL, "29000", "1"), c1,
                m -> Orders.report(m, "103", ExecType.NEW));
            step(c2, Orders.limit("204", "BTC-USD", Side.BUY, "29000", "2", TimeInForce.FILL_OR_KILL), c2,
                m -> Orders.report(m, "204", ExecType.REJECTED));
            reports.addAll(withAccount(c1.received(), 1));
            reports.addAll(withAccount(c2.received(), 2));
            cancelReject = c2.await(m -> Orders.is(m, MsgType.ORDER_CANCEL_REJECT), "cancel reject");
        }

        final Map<String, String> fileIdByOrderId = new HashMap<>();
        for (final Message m : reports)
        {
            if (Orders.is(m, MsgType.EXECUTION_REPORT) && !Orders.get(m, ClOrdID.FIELD).matches(".*[rc]$"))
            {
                fileIdByOrderId.put(Orders.get(m, OrderID.FIELD), Orders.get(m, ClOrdID.FIELD));
            }
        }
        final List<String> fromFix = canonicalLines(reports, fileIdByOrderId);
        final List<String> expected = new ArrayList<>(canonical.subList(5, canonical.size()));
        // The cancel of a finished order is answered by OrderCancelReject, which carries no ExecID.
        assertThat(expected).contains("14,REJECTED,201,UNKNOWN_ORDER");
        expected.remove("14,REJECTED,201,UNKNOWN_ORDER");
        assertThat(fileIdByOrderId.get(Orders.get(cancelReject, OrderID.FIELD))).isEqualTo("201");
        assertThat(Orders.get(cancelReject, Text.FIELD)).isEqualTo("UNKNOWN_ORDER");

        assertThat(fromFix).containsExactlyElementsOf(expected);
        for (final Message m : reports)
        {
            if (Orders.is(m, MsgType.EXECUTION_REPORT) && !"0".equals(Orders.get(m, LeavesQty.FIELD)))
            {
                assertThat(Long.parseLong(Orders.get(m, CumQty.FIELD)) + Long.parseLong(Orders.get(m, LeavesQty.FIELD)))
                    .as("CumQty + LeavesQty = OrderQty in %s", m).isEqualTo(Long.parseLong(Orders.get(m, OrderQty.FIELD)));
            }
        }
    }

    private static void step(final FixClient sender, final Message message, final FixClient waiter,
        final Predicate<Message> done)
    {
        sender.send(message);
        waiter.await(done, "reply to " + message);
    }

    /** Marks each message with the account of the session that received it (tag 1, Account). */
    private static List<Message> withAccount(final List<Message> messages, final int account)
    {
        for (final Message m : messages)
        {
            m.setString(quickfix.field.Account.FIELD, Integer.toString(account));
        }
        return messages;
    }

    /** The canonical event each execution report stands for; a trade is its taker's and maker's reports together. */
    private static List<String> canonicalLines(final List<Message> reports, final Map<String, String> ids)
    {
        final List<Message> executions = new ArrayList<>(reports.stream()
            .filter(m -> Orders.is(m, MsgType.EXECUTION_REPORT)).toList());
        executions.sort(Comparator.comparingLong((Message m) -> seq(m)).thenComparingLong(m -> index(m)));
        final Map<String, Message> makers = new HashMap<>();
        for (final Message m : executions)
        {
            if (Orders.get(m, ExecID.FIELD).endsWith("M"))
            {
                makers.put(Orders.get(m, ExecID.FIELD), m);
            }
        }
        final List<String> lines = new ArrayList<>();
        for (final Message m : executions)
        {
            final String execId = Orders.get(m, ExecID.FIELD);
            if (execId.endsWith("M"))
            {
                continue;
            }
            final String id = ids.get(Orders.get(m, OrderID.FIELD));
            final long seq = seq(m);
            final char type = Orders.get(m, ExecType.FIELD).charAt(0);
            switch (type)
            {
                case ExecType.NEW -> lines.add(seq + ",ACCEPTED," + id);
                case ExecType.REJECTED -> lines.add(seq + ",REJECTED," + id + "," + Orders.get(m, Text.FIELD));
                case ExecType.CANCELED, ExecType.EXPIRED -> lines.add(seq + ",CANCELED," + id + "," +
                    (Long.parseLong(Orders.get(m, OrderQty.FIELD)) - Long.parseLong(Orders.get(m, CumQty.FIELD))) + "," +
                    Orders.get(m, Text.FIELD));
                case ExecType.REPLACED -> lines.add(seq + ",AMENDED," + id + "," + Orders.get(m, Price.FIELD) + "," +
                    Orders.get(m, LeavesQty.FIELD));
                case ExecType.TRADE ->
                {
                    final Message maker = makers.get(execId + "M");
                    assertThat(maker).as("maker report of %s", execId).isNotNull();
                    assertThat(Orders.get(maker, LastPx.FIELD)).isEqualTo(Orders.get(m, LastPx.FIELD));
                    assertThat(Orders.get(maker, LastQty.FIELD)).isEqualTo(Orders.get(m, LastQty.FIELD));
                    lines.add(seq + ",TRADE," + Orders.get(m, quickfix.field.Symbol.FIELD) + "," +
                        Orders.get(m, LastPx.FIELD) + "," + Orders.get(m, LastQty.FIELD) + "," + id + "," +
                        ids.get(Orders.get(maker, OrderID.FIELD)) + "," + Orders.get(m, quickfix.field.Account.FIELD) +
                        "," + Orders.get(maker, quickfix.field.Account.FIELD) + "," +
                        (Orders.get(m, Side.FIELD).equals("1") ? "BUY" : "SELL"));
                }
                default -> throw new AssertionError("unexpected ExecType " + type + " in " + m);
            }
        }
        return lines;
    }

    private static long seq(final Message m)
    {
        return Long.parseLong(Orders.get(m, ExecID.FIELD).split("-")[0]);
    }

    private static long index(final Message m)
    {
        return Long.parseLong(Orders.get(m, ExecID.FIELD).split("-")[1].replace("M", ""));
    }

    private static List<String> run(final String commands) throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandFileRunner.run(new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)), out,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            CommandFileRunner.Options.defaults(SelfTradePrevention.NONE));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
