package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.Event;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.format.CanonicalFormat;
import engine.journal.CommandCodec;
import engine.journal.SnapshotImage;
import engine.logic.BusinessLogic;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The service without a cluster: what it answers, in which order, and that it applies each request once. */
class EngineClusteredServiceTest
{
    private static final long CLIENT = 42;

    private final List<byte[]> replies = new ArrayList<>();
    private final List<String> statusLines = new ArrayList<>();
    /** The cluster timers the service asked for, as "schedule ID DEADLINE" and "cancel ID". */
    private final List<String> timers = new ArrayList<>();
    private final EngineClusteredService service = new EngineClusteredService(SelfTradePrevention.NONE, statusLines::add,
        new ReplyHistory(3, 4096, 2));
    private final ClientSession session = (ClientSession)Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ClientSession.class}, (proxy, method, args) ->
        {
            if (method.getName().equals("offer") && args.length == 3)
            {
                final DirectBuffer buffer = (DirectBuffer)args[0];
                final byte[] copy = new byte[(int)args[2]];
                buffer.getBytes((int)args[1], copy);
                replies.add(copy);
                return 1L;
            }
            return method.getReturnType() == long.class ? 0L : null;
        });
    private final CommandCodec codec = new CommandCodec();

    EngineClusteredServiceTest()
    {
        final Cluster cluster = (Cluster)Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
            (proxy, method, args) -> switch (method.getName())
            {
                case "memberId" -> 0;
                case "idleStrategy" -> NoOpIdleStrategy.INSTANCE;
                case "timeUnit" -> TimeUnit.MILLISECONDS;
                case "scheduleTimer" -> timers.add("schedule " + args[0] + " " + args[1]);
                case "cancelTimer" -> timers.add("cancel " + args[0]);
                default -> null;
            });
        service.onStart(cluster, null);
    }

    @Test
    void appliesEachRequestOnceAndInOrderWithTheLogsTime()
    {
        send(1, new Command().symbol(0, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), AsciiName.hi("BTC"),
            AsciiName.lo("BTC"), AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1), 1_000);
        send(2, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_001);
        send(2, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_002);
        send(4, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_003);
        send(3, new Command().place(0, 7, 11, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 0, true, 10, 2), 1_004);

        assertThat(replies).hasSize(5);
        assertThat(kind(0)).isEqualTo(ClusterProtocol.RESULT);
        assertThat(kind(1)).isEqualTo(ClusterProtocol.RESULT);
        assertThat(kind(2)).as("the same request again").isEqualTo(ClusterProtocol.DUPLICATE);
        assertThat(kind(3)).as("a request after a gap").isEqualTo(ClusterProtocol.OUT_OF_ORDER);
        assertThat(reply(3).getLong(ClusterProtocol.REPLY_SEQ)).as("the request expected").isEqualTo(3);
        assertThat(kind(4)).isEqualTo(ClusterProtocol.RESULT);
        final UnsafeBuffer placed = reply(4);
        assertThat(placed.getLong(ClusterProtocol.REPLY_SEQ)).as("seq counts applied commands only").isEqualTo(3);
        assertThat(placed.getLong(ClusterProtocol.REPLY_TIME)).as("time comes from the log").isEqualTo(1_004);
        final List<Event> events = EventRecords.decode(placed, ClusterProtocol.REPLY_EVENTS,
            placed.getInt(ClusterProtocol.REPLY_COUNT), 3, 1_004);
        assertThat(events).extracting(Event::type).containsExactly(EventType.ACCEPTED);
        assertThat(CanonicalFormat.line(events.get(0))).isEqualTo("3,ACCEPTED,11");

        final BusinessLogic expected = new BusinessLogic(SelfTradePrevention.NONE);
        final EventRecords ignored = new EventRecords(new ExpandableArrayBuffer());
        expected.apply(new Command().symbol(0, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), AsciiName.hi("BTC"),
            AsciiName.lo("BTC"), AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1).seq(1), ignored);
        expected.apply(new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500).seq(2), ignored);
        expected.apply(new Command().place(0, 7, 11, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), Side.BUY,
            OrderType.LIMIT, TimeInForce.GTC, 0, true, 10, 2).seq(3), ignored);
        status();
        assertThat(statusLines).last().asString().contains("seq 3 hash " + Long.toHexString(expected.stateHash()))
            .contains("applied 3");
    }

    @Test
    void theEngineSnapshotImageRestoresTheSameState()
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.CANCEL_RESTING);
        final EventRecords ignored = new EventRecords(new ExpandableArrayBuffer());
        logic.apply(new Command().symbol(0, AsciiName.hi("ETH-USD"), AsciiName.lo("ETH-USD"), AsciiName.hi("ETH"),
            AsciiName.lo("ETH"), AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1).seq(1), ignored);
        logic.apply(new Command().deposit(0, 3, AsciiName.hi("USD"), AsciiName.lo("USD"), 900).seq(2), ignored);
        logic.apply(new Command().place(5, 3, 8, AsciiName.hi("ETH-USD"), AsciiName.lo("ETH-USD"), Side.BUY,
            OrderType.LIMIT, TimeInForce.GTD, 99, true, 4, 3).seq(3), ignored);
        final byte[] image = SnapshotImage.capture(logic);

        final BusinessLogic restored = new BusinessLogic(SelfTradePrevention.CANCEL_RESTING);
        assertThat(SnapshotImage.restore("test", image, restored)).isEqualTo(3);
        assertThat(restored.stateHash()).isEqualTo(logic.stateHash());
        assertThat(restored.openOrderCount()).isEqualTo(1);
    }

    @Test
    void aRequestSentAgainIsAnsweredWithItsOriginalSeqTimeAndEvents()
    {
        send(1, symbol(), 1_000);
        send(2, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_001);
        send(3, gtdBuy(11, 9_000), 1_002);
        send(2, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_003);
        send(3, gtdBuy(11, 9_000), 1_004);

        assertThat(kind(3)).isEqualTo(ClusterProtocol.DUPLICATE);
        assertThat(kind(4)).isEqualTo(ClusterProtocol.DUPLICATE);
        assertThat(Arrays.copyOfRange(replies.get(3), 1, replies.get(3).length))
            .as("everything but the kind is the first answer's").isEqualTo(Arrays.copyOfRange(replies.get(1), 1, replies.get(1).length));
        final UnsafeBuffer again = reply(4);
        assertThat(again.getLong(ClusterProtocol.REPLY_SEQ)).isEqualTo(3);
        assertThat(again.getLong(ClusterProtocol.REPLY_TIME)).as("the original time, not the resend's").isEqualTo(1_002);
        assertThat(EventRecords.decode(again, ClusterProtocol.REPLY_EVENTS, again.getInt(ClusterProtocol.REPLY_COUNT), 3, 1_002))
            .extracting(CanonicalFormat::line).containsExactly("3,ACCEPTED,11");
        status();
        assertThat(statusLines).last().asString().as("nothing applied twice").contains("seq 3 ").contains("applied 3");
    }

    @Test
    void aRequestOlderThanTheKeptRepliesIsADuplicateWithoutOutcome()
    {
        send(1, symbol(), 1_000);
        for (int request = 2; request <= 5; request++)
        {
            send(request, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 1), 1_000 + request);
        }
        send(2, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 1), 1_010);
        send(3, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 1), 1_011);

        assertThat(kind(5)).isEqualTo(ClusterProtocol.DUPLICATE);
        assertThat(reply(5).getLong(ClusterProtocol.REPLY_SEQ)).as("3 replies kept: request 2 is forgotten").isZero();
        assertThat(reply(5).getInt(ClusterProtocol.REPLY_COUNT)).isZero();
        assertThat(kind(6)).isEqualTo(ClusterProtocol.DUPLICATE);
        assertThat(reply(6).getLong(ClusterProtocol.REPLY_SEQ)).as("request 3 is still kept").isEqualTo(3);
    }

    @Test
    void aGtdOrderSetsTheClusterTimerAndTheTimerEventExpiresIt()
    {
        send(1, symbol(), 1_000);
        send(2, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_001);
        send(3, gtdBuy(11, 9_000), 1_002);
        send(4, gtdBuy(12, 5_000), 1_003);
        assertThat(timers).as("one timer, moved to the earlier expiry").containsExactly("schedule 1 9000", "cancel 1",
            "schedule 2 5000");

        service.onTimerEvent(2, 5_004);
        assertThat(service.seq()).as("the TICK has its own seq").isEqualTo(5);
        assertThat(timers).last().isEqualTo("schedule 3 9000");
        service.onTimerEvent(1, 6_000);
        assertThat(service.seq()).as("a stale timer with nothing due applies nothing").isEqualTo(5);
        service.onTimerEvent(3, 9_001);
        assertThat(service.seq()).isEqualTo(6);
        assertThat(timers).as("nothing due any more: no new timer").hasSize(4);

        final BusinessLogic expected = new BusinessLogic(SelfTradePrevention.NONE);
        final EventRecords ignored = new EventRecords(new ExpandableArrayBuffer());
        expected.apply(symbol().seq(1).timestamp(1_000), ignored);
        expected.apply(new Command().deposit(1_001, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500).seq(2), ignored);
        expected.apply(gtdBuy(11, 9_000).seq(3).timestamp(1_002), ignored);
        expected.apply(gtdBuy(12, 5_000).seq(4).timestamp(1_003), ignored);
        expected.apply(new Command().tick(5_004).seq(5), ignored);
        expected.apply(new Command().tick(9_001).seq(6), ignored);
        assertThat(expected.openOrderCount()).isZero();
        status();
        assertThat(statusLines).last().asString().contains("seq 6 hash " + Long.toHexString(expected.stateHash()));
    }

    @Test
    void aWithdrawalDeadlineSetsTheTimerToo()
    {
        send(1, new Command().deposit(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 1_000);
        send(2, new Command().withdrawRequest(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 100, 2_000, 1), 1_001);
        assertThat(timers).containsExactly("schedule 1 3001");
        service.onTimerEvent(1, 3_001);
        assertThat(service.seq()).isEqualTo(3);
        // The TICK made the saga cancelling: the 100 stays in flight, and a cancelling saga has no deadline to time.
        send(3, new Command().withdraw(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 3_002);
        final UnsafeBuffer refused = reply(2);
        assertThat(EventRecords.decode(refused, ClusterProtocol.REPLY_EVENTS, refused.getInt(ClusterProtocol.REPLY_COUNT), 4,
            3_002)).as("the 100 is still in flight").extracting(Event::type).containsExactly(EventType.REJECTED);
        assertThat(timers).containsExactly("schedule 1 3001");
        // The wallet's cancel found it not paid: the worker's fail gives the 100 back.
        send(4, new Command().withdrawFail(0, 2, 1), 3_003);
        send(5, new Command().withdraw(0, 7, AsciiName.hi("USD"), AsciiName.lo("USD"), 500), 3_004);
        final UnsafeBuffer withdrawn = reply(4);
        assertThat(EventRecords.decode(withdrawn, ClusterProtocol.REPLY_EVENTS, withdrawn.getInt(ClusterProtocol.REPLY_COUNT), 6,
            3_004)).as("the fail gave the 100 back").extracting(Event::type).containsExactly(EventType.WITHDRAWN);
    }

    private static Command symbol()
    {
        return new Command().symbol(0, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), AsciiName.hi("BTC"),
            AsciiName.lo("BTC"), AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1);
    }

    private static Command gtdBuy(final long orderId, final long expiry)
    {
        return new Command().place(0, 7, orderId, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), Side.BUY, OrderType.LIMIT,
            TimeInForce.GTD, expiry, true, 10, 2);
    }

    private void send(final long request, final Command command, final long timestamp)
    {
        final ExpandableArrayBuffer message = new ExpandableArrayBuffer();
        message.putByte(ClusterProtocol.KIND, ClusterProtocol.COMMAND);
        message.putLong(ClusterProtocol.CLIENT_ID, CLIENT);
        message.putLong(ClusterProtocol.REQUEST, request);
        final int length = codec.encode(command, message, ClusterProtocol.COMMAND_ENTRY);
        service.onSessionMessage(session, timestamp, message, 0, ClusterProtocol.COMMAND_ENTRY + length, null);
    }

    private void status()
    {
        final ExpandableArrayBuffer message = new ExpandableArrayBuffer();
        message.putByte(ClusterProtocol.KIND, ClusterProtocol.STATUS_QUERY);
        message.putLong(ClusterProtocol.CLIENT_ID, CLIENT);
        message.putLong(ClusterProtocol.REQUEST, -1);
        service.onSessionMessage(session, 2_000, message, 0, ClusterProtocol.COMMAND_ENTRY, null);
    }

    private byte kind(final int reply)
    {
        return replies.get(reply)[0];
    }

    private UnsafeBuffer reply(final int reply)
    {
        return new UnsafeBuffer(replies.get(reply));
    }
}
