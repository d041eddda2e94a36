package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Text;
import quickfix.field.TimeInForce;

/** Order entry over a real FIX session: logon, reports for every change, the gateway's own refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixOrderEntryTest
{
    @TempDir
    static Path dir;

    private FixServer server;
    private FixClient client1;
    private FixClient client2;

    @BeforeAll
    void start()
    {
        server = new FixServer(dir.resolve("data"), FixServer.freePort());
        client1 = new FixClient("CLIENT1", "1", FixServer.KEY_1, server.port, dir.resolve("c1")).awaitLogon();
        client2 = new FixClient("CLIENT2", "2", FixServer.KEY_2, server.port, dir.resolve("c2")).awaitLogon();
    }

    @AfterAll
    void stop()
    {
        client1.close();
        client2.close();
        server.close();
    }

    @Test
    void shouldRefuseLogonWithAnotherAccountsKeyAndLogIt()
    {
        try (FixClient intruder = new FixClient("CLIENT3", "3", FixServer.KEY_1, server.port, dir.resolve("c3")))
        {
            FixClient.await(() -> !intruder.logouts().isEmpty(), "logout of the refused client");
            assertThat(intruder.logouts().get(0)).contains("logon refused");
            assertThat(intruder.loggedOn()).isFalse();
            assertThat(server.log()).contains("logon refused: CLIENT3");
        }
    }

    @Test
    void shouldRefuseLogonWithoutPassword()
    {
        try (FixClient noPassword = new FixClient("CLIENT4", "4", null, server.port, dir.resolve("c4")))
        {
            FixClient.await(() -> !noPassword.logouts().isEmpty(), "logout of the refused client");
            assertThat(noPassword.logouts().get(0)).contains("Password(554) required");
            assertThat(noPassword.loggedOn()).isFalse();
        }
    }

    @Test
    void shouldReportNewThenFillsToTakerAndMaker()
    {
        final String sym = server.market("FILL");
        client1.send(Orders.limit("s1", sym, Side.SELL, "30000", "5", TimeInForce.GOOD_TILL_CANCEL));
        final Message sellNew = client1.await(m -> Orders.report(m, "s1", ExecType.NEW), "New for s1");
        assertThat(Orders.get(sellNew, OrdStatus.FIELD)).isEqualTo("0");
        assertThat(Orders.get(sellNew, LeavesQty.FIELD)).isEqualTo("5");

        client2.send(Orders.limit("b1", sym, Side.BUY, "30100", "7", TimeInForce.IMMEDIATE_OR_CANCEL));
        final Message takerFill = client2.await(m -> Orders.report(m, "b1", ExecType.TRADE), "fill for b1");
        assertThat(Orders.get(takerFill, LastPx.FIELD)).isEqualTo("30000");
        assertThat(Orders.get(takerFill, LastQty.FIELD)).isEqualTo("5");
        assertThat(Orders.get(takerFill, CumQty.FIELD)).isEqualTo("5");
        assertThat(Orders.get(takerFill, LeavesQty.FIELD)).isEqualTo("2");
        assertThat(Orders.get(takerFill, OrdStatus.FIELD)).isEqualTo("1");
        assertThat(Orders.get(takerFill, AvgPx.FIELD)).isEqualTo("30000");
        final Message remainder = client2.await(m -> Orders.report(m, "b1", ExecType.CANCELED), "IOC remainder");
        assertThat(Orders.get(remainder, Text.FIELD)).isEqualTo("IOC_REMAINDER");
        assertThat(Orders.get(remainder, LeavesQty.FIELD)).isEqualTo("0");
        assertThat(Orders.get(remainder, OrdStatus.FIELD)).isEqualTo("4");

        final Message makerFill = client1.await(m -> Orders.report(m, "s1", ExecType.TRADE), "maker fill for s1");
        assertThat(Orders.get(makerFill, OrdStatus.FIELD)).isEqualTo("2");
        assertThat(Orders.get(makerFill, CumQty.FIELD)).isEqualTo("5");
        assertThat(Orders.get(makerFill, LeavesQty.FIELD)).isEqualTo("0");
        assertThat(Orders.get(makerFill, quickfix.field.ExecID.FIELD))
            .isEqualTo(Orders.get(takerFill, quickfix.field.ExecID.FIELD) + "M");
    }

    @Test
    void shouldReplaceThenCancelWithClOrdIdChain()
    {
        final String sym = server.market("REPL");
        client1.send(Orders.limit("a1", sym, Side.BUY, "100", "10", TimeInForce.GOOD_TILL_CANCEL));
        client1.await(m -> Orders.report(m, "a1", ExecType.NEW), "New for a1");
        client1.send(Orders.replace("a2", "a1", sym, Side.BUY, "101", "12"));
        final Message replaced = client1.await(m -> Orders.report(m, "a2", ExecType.REPLACED), "Replaced a2");
        assertThat(Orders.get(replaced, OrigClOrdID.FIELD)).isEqualTo("a1");
        assertThat(Orders.get(replaced, Price.FIELD)).isEqualTo("101");
        assertThat(Orders.get(replaced, OrderQty.FIELD)).isEqualTo("12");
        assertThat(Orders.get(replaced, LeavesQty.FIELD)).isEqualTo("12");

        client1.send(Orders.cancel("a3", "a2", sym, Side.BUY));
        final Message canceled = client1.await(m -> Orders.report(m, "a3", ExecType.CANCELED), "Canceled a3");
        assertThat(Orders.get(canceled, OrigClOrdID.FIELD)).isEqualTo("a2");
        assertThat(Orders.get(canceled, OrdStatus.FIELD)).isEqualTo("4");
        assertThat(Orders.get(canceled, Text.FIELD)).isEqualTo("USER");

        client1.send(Orders.status("a3", sym, Side.BUY));
        final Message status = client1.await(m -> Orders.report(m, "a3", ExecType.ORDER_STATUS), "status of a3");
        assertThat(Orders.get(status, OrdStatus.FIELD)).isEqualTo("4");
        assertThat(Orders.get(status, OrderID.FIELD)).isEqualTo(Orders.get(canceled, OrderID.FIELD));
    }

    @Test
    void shouldRejectDuplicateClOrdIdWithoutReachingTheEngine()
    {
        final String sym = server.market("DUP");
        client1.send(Orders.limit("d1", sym, Side.BUY, "100", "1", TimeInForce.GOOD_TILL_CANCEL));
        client1.await(m -> Orders.report(m, "d1", ExecType.NEW), "New for d1");
        final long seqBefore = server.live.engine().nextSeq();
        client1.send(Orders.limit("d1", sym, Side.BUY, "100", "1", TimeInForce.GOOD_TILL_CANCEL));
        final Message rejected = client1.await(m -> Orders.report(m, "d1", ExecType.REJECTED), "reject of d1");
        assertThat(Orders.get(rejected, OrdRejReason.FIELD)).isEqualTo("6");
        assertThat(Orders.get(rejected, Text.FIELD)).contains("duplicate ClOrdID");
        assertThat(server.live.engine().nextSeq()).isEqualTo(seqBefore);
    }

    @Test
    void shouldRejectCancelOfAnotherAccountsOrderAsUnknown()
    {
        final String sym = server.market("XACC");
        client1.send(Orders.limit("o1", sym, Side.BUY, "100", "1", TimeInForce.GOOD_TILL_CANCEL));
        final String engineId = Orders.get(client1.await(m -> Orders.report(m, "o1", ExecType.NEW), "New o1"),
            OrderID.FIELD);

        client2.send(Orders.cancel("x1", "o1", sym, Side.BUY));
        final Message byClOrdId = client2.await(m -> Orders.is(m, MsgType.ORDER_CANCEL_REJECT) &&
            "x1".equals(Orders.get(m, ClOrdID.FIELD)), "cancel reject x1");
        assertThat(Orders.get(byClOrdId, CxlRejReason.FIELD)).isEqualTo("1");

        client2.send(Orders.cancelByOrderId("x2", "o1", engineId, sym, Side.BUY));
        final Message byOrderId = client2.await(m -> Orders.is(m, MsgType.ORDER_CANCEL_REJECT) &&
            "x2".equals(Orders.get(m, ClOrdID.FIELD)), "cancel reject x2");
        assertThat(Orders.get(byOrderId, CxlRejReason.FIELD)).isEqualTo("1");
        assertThat(Orders.get(byOrderId, Text.FIELD)).isEqualTo("UNKNOWN_ORDER");

        client1.send(Orders.status("o1", sym, Side.BUY));
        final Message status = client1.await(m -> Orders.report(m, "o1", ExecType.ORDER_STATUS), "status o1");
        assertThat(Orders.get(status, OrdStatus.FIELD)).isEqualTo("0");
    }

    @Test
    void shouldCancelTheAccountsOwnNonFixOrderNamedByOrderId()
    {
        final String sym = server.market("OWN");
        server.submit(new engine.api.Command().place(0, 1, 777, engine.api.AsciiName.hi(sym),
            engine.api.AsciiName.lo(sym), engine.api.Side.BUY, engine.api.OrderType.LIMIT, engine.api.TimeInForce.GTC,
            0, true, 50, 3));
        client1.send(Orders.cancelByOrderId("own-c", "placed-over-http", "777", sym, Side.BUY));
        final Message canceled = client1.await(m -> Orders.report(m, "own-c", ExecType.CANCELED), "Canceled own-c");
        assertThat(Orders.get(canceled, OrderID.FIELD)).isEqualTo("777");
        assertThat(Orders.get(canceled, OrigClOrdID.FIELD)).isEqualTo("placed-over-http");
        assertThat(Orders.get(canceled, OrderQty.FIELD)).isEqualTo("3");
        assertThat(Orders.get(canceled, Text.FIELD)).isEqualTo("USER");
    }

    @Test
    void shouldRejectPostOnlyThatWouldTakeWithTheEnginesReason()
    {
        final String sym = server.market("POST");
        client1.send(Orders.limit("m1", sym, Side.SELL, "200", "1", TimeInForce.GOOD_TILL_CANCEL));
        client1.await(m -> Orders.report(m, "m1", ExecType.NEW), "New m1");
        client2.send(Orders.postOnly("p1", sym, Side.BUY, "200", "1"));
        final Message rejected = client2.await(m -> Orders.report(m, "p1", ExecType.REJECTED), "reject p1");
        assertThat(Orders.get(rejected, Text.FIELD)).isEqualTo("POST_ONLY_WOULD_TAKE");
        assertThat(Orders.get(rejected, OrdRejReason.FIELD)).isEqualTo("99");
        assertThat(Orders.get(rejected, OrdStatus.FIELD)).isEqualTo("8");
    }
}
