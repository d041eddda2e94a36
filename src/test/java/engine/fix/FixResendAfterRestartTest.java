package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.PossDupFlag;
import quickfix.field.Side;
import quickfix.field.TimeInForce;

/**
 * Sessions survive a server restart: reports made while a client was away are in QuickFIX/J's
 * file store under DIR/fix, and a client that logs on to the restarted server gets them by
 * resend, with the same ExecIDs.
 */
class FixResendAfterRestartTest
{
    @TempDir
    Path dir;

    @Test
    void shouldResendReportsMissedAcrossARestartFromTheStore()
    {
        final Path data = dir.resolve("data");
        final int port = FixServer.freePort();
        final String takerExecId;
        final String restingOrderId;
        try (FixServer server = new FixServer(data, port))
        {
            server.listAndFund("BTC-USD", "BTC", "USD");
            try (FixClient c1 = new FixClient("CLIENT1", "1", FixServer.KEY_1, port, dir.resolve("c1")).awaitLogon())
            {
                c1.send(Orders.limit("r1", "BTC-USD", Side.SELL, "500", "3", TimeInForce.GOOD_TILL_CANCEL));
                c1.await(m -> Orders.report(m, "r1", ExecType.NEW), "New r1");
                c1.send(Orders.limit("r2", "BTC-USD", Side.SELL, "600", "2", TimeInForce.GOOD_TILL_CANCEL));
                restingOrderId = Orders.get(c1.await(m -> Orders.report(m, "r2", ExecType.NEW), "New r2"),
                    quickfix.field.OrderID.FIELD);
            }
            // CLIENT1 is logged out now: its maker fill is stored, not sent.
            try (FixClient c2 = new FixClient("CLIENT2", "2", FixServer.KEY_2, port, dir.resolve("c2")).awaitLogon())
            {
                c2.send(Orders.limit("t1", "BTC-USD", Side.BUY, "500", "3", TimeInForce.IMMEDIATE_OR_CANCEL));
                takerExecId = Orders.get(c2.await(m -> Orders.report(m, "t1", ExecType.TRADE), "fill t1"), ExecID.FIELD);
            }
        }
        try (FixServer restarted = new FixServer(data, port);
             FixClient c1 = new FixClient("CLIENT1", "1", FixServer.KEY_1, port, dir.resolve("c1")).awaitLogon())
        {
            final Message missed = c1.await(m -> Orders.report(m, "r1", ExecType.TRADE), "the missed maker fill");
            assertThat(Orders.get(missed, ExecID.FIELD)).isEqualTo(takerExecId + "M");
            assertThat(Orders.get(missed, OrdStatus.FIELD)).isEqualTo("2");
            assertThat(Orders.get(missed.getHeader(), PossDupFlag.FIELD)).isEqualTo("Y");

            // An order resting since before the restart is still reported on, by its OrderID.
            try (FixClient c2 = new FixClient("CLIENT2", "2", FixServer.KEY_2, port, dir.resolve("c2")).awaitLogon())
            {
                c2.send(Orders.limit("t2", "BTC-USD", Side.BUY, "600", "1", TimeInForce.IMMEDIATE_OR_CANCEL));
                final Message fill = c1.await(m -> Orders.report(m, restingOrderId, ExecType.TRADE), "fill of r2");
                assertThat(Orders.get(fill, quickfix.field.CumQty.FIELD)).isEqualTo("1");
                assertThat(Orders.get(fill, quickfix.field.LeavesQty.FIELD)).isEqualTo("1");
                assertThat(Orders.get(fill, quickfix.field.OrderID.FIELD)).isEqualTo(restingOrderId);
            }
        }
    }
}
