package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.OrderQty;
import quickfix.field.RefSeqNum;
import quickfix.field.RefTagID;
import quickfix.field.SessionRejectReason;
import quickfix.field.Side;
import quickfix.field.Text;
import quickfix.field.TimeInForce;

/**
 * Bad input (one server and session for all cases, as in production) gets a Reject(3) or BusinessMessageReject(j)
 * naming the tag; the session and the engine go on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixBadInputTest
{
    @TempDir
    static Path dir;

    private FixServer server;
    private FixClient client;

    @BeforeAll
    void start()
    {
        server = new FixServer(dir.resolve("data"), FixServer.freePort());
        server.listAndFund("BTC-USD", "BTC", "USD");
        client = new FixClient("CLIENT1", "1", FixServer.KEY_1, server.port, dir.resolve("c1")).awaitLogon();
    }

    @AfterAll
    void stop()
    {
        client.close();
        server.close();
    }

    /** Sends {@code message} and returns the reject (of {@code type}) that refers to its MsgSeqNum. */
    private Message rejectOf(final Message message, final String type)
    {
        final int seq = client.session().getExpectedSenderNum();
        client.send(message);
        return client.await(m -> Orders.is(m, type) && String.valueOf(seq).equals(Orders.get(m, RefSeqNum.FIELD)),
            "reject of message " + seq);
    }

    @Test
    void shouldRejectNegativeQuantityNamingTheTag()
    {
        final Message reject = rejectOf(Orders.limit("n1", "BTC-USD", Side.BUY, "100", "-5",
            TimeInForce.GOOD_TILL_CANCEL), MsgType.REJECT);
        assertThat(Orders.get(reject, RefTagID.FIELD)).isEqualTo("38");
        assertThat(Orders.get(reject, SessionRejectReason.FIELD)).isEqualTo("5");
        assertThat(Orders.get(reject, Text.FIELD)).contains("must be positive");
    }

    @Test
    void shouldRejectPriceOffTheTick()
    {
        final Message reject = rejectOf(Orders.limit("n2", "BTC-USD", Side.BUY, "100.5", "1",
            TimeInForce.GOOD_TILL_CANCEL), MsgType.REJECT);
        assertThat(Orders.get(reject, RefTagID.FIELD)).isEqualTo("44");
        assertThat(Orders.get(reject, Text.FIELD)).contains("off the tick");
    }

    @Test
    void shouldRejectUnknownSymbolAsUnknownSecurity()
    {
        final Message reject = rejectOf(Orders.limit("n3", "NOPE-USD", Side.BUY, "100", "1",
            TimeInForce.GOOD_TILL_CANCEL), MsgType.BUSINESS_MESSAGE_REJECT);
        assertThat(Orders.get(reject, BusinessRejectReason.FIELD)).isEqualTo("2");
        assertThat(Orders.get(reject, Text.FIELD)).contains("tag 55").contains("NOPE-USD");
    }

    @Test
    void shouldRejectMissingRequiredTag()
    {
        final Message order = Orders.limit("n4", "BTC-USD", Side.BUY, "100", "1", TimeInForce.GOOD_TILL_CANCEL);
        order.removeField(Side.FIELD);
        final Message reject = rejectOf(order, MsgType.REJECT);
        assertThat(Orders.get(reject, RefTagID.FIELD)).isEqualTo("54");
        assertThat(Orders.get(reject, SessionRejectReason.FIELD)).isEqualTo("1");
    }

    @Test
    void shouldRejectWrongTypeNamingTheTag()
    {
        final Message order = Orders.limit("n5", "BTC-USD", Side.BUY, "100", "1", TimeInForce.GOOD_TILL_CANCEL);
        order.setString(OrderQty.FIELD, "lots");
        final Message reject = rejectOf(order, MsgType.REJECT);
        assertThat(Orders.get(reject, RefTagID.FIELD)).isEqualTo("38");
        assertThat(Orders.get(reject, SessionRejectReason.FIELD)).isEqualTo("6");
    }

    @Test
    void shouldKeepSessionAndEngineRunningAfterGarbageFrame()
    {
        final long seqBefore = server.live.engine().nextSeq();
        client.session().getResponder().send("8=FIX.4.4\u00019=12\u000135=D\u0001garbage\u0001\u0001\u000110=999\u0001");
        client.session().getResponder().send("this is not FIX at all\u0001");
        client.send(Orders.limit("ok1", "BTC-USD", Side.BUY, "100", "1", TimeInForce.GOOD_TILL_CANCEL));
        client.await(m -> Orders.report(m, "ok1", ExecType.NEW), "New after the garbage");
        assertThat(client.loggedOn()).isTrue();
        assertThat(server.live.engine().nextSeq()).isEqualTo(seqBefore + 1);
    }
}
