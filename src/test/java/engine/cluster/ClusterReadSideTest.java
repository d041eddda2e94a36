package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.OrderType;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.gateway.ClientOrderIds;
import engine.http.Identities;
import engine.journal.CommandCodec;
import engine.readmodel.AccountView;
import engine.readmodel.DepthView;
import engine.readmodel.EventStoreReader;
import engine.readmodel.ReadModels;
import engine.server.EventStoreCatchUp;
import engine.testing.TestSettings;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's read side without a cluster: the service's applied commands reach the event store and
 * the read models off the service thread, and a restarted member (store replayed, then the log
 * replayed again from before the store's end) ends with the same models and every seq stored once.
 */
class ClusterReadSideTest
{
    private static final long MS = 1_000_000;
    private static final long WAIT = TestSettings.timeoutMillis(10);

    @TempDir
    Path dir;

    private final CommandCodec codec = new CommandCodec();
    private final List<String> log = new ArrayList<>();

    @Test
    void everyAppliedCommandReachesTheStoreAndTheModels() throws Exception
    {
        final List<AccountView.Balance> balances;
        final DepthView.Depth depth;
        try (ClusterReadSide side = ClusterReadSide.open(dir, new ReadModels(MS), new Identities(), log::add))
        {
            final EngineClusteredService service = service(side);
            for (int i = 0; i < commands().size(); i++)
            {
                send(service, i + 1, commands().get(i));
            }
            side.models().awaitApplied(commands().size(), WAIT);
            side.beforeSnapshot(commands().size());
            assertThat(side.appliedSeq()).as("a snapshot waits until the store has its seq").isEqualTo(commands().size());
            balances = side.models().accounts().balances(1).value();
            depth = side.models().depth().depth("BTC-USD", 10).value();
        }
        assertThat(balances).as("deposit 1,000 USD, bought 2 at 10 (1 filled, 1 resting)")
            .contains(new AccountView.Balance("USD", 980, 10), new AccountView.Balance("BTC", 1, 0));
        assertThat(depth.bids()).containsExactly(new DepthView.Level(10, 1, 1));
        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aRestartedMemberComesBackWithTheSameModelsAndStoresEachSeqOnce() throws Exception
    {
        final List<AccountView.Balance> before;
        try (ClusterReadSide side = ClusterReadSide.open(dir, new ReadModels(MS), new Identities(), log::add))
        {
            final EngineClusteredService service = service(side);
            for (int i = 0; i < 4; i++)
            {
                send(service, i + 1, commands().get(i));
            }
            side.models().awaitApplied(4, WAIT);
            before = side.models().accounts().balances(1).value();
        }

        try (ClusterReadSide side = ClusterReadSide.open(dir, new ReadModels(MS), new Identities(), log::add))
        {
            assertThat(side.appliedSeq()).as("models rebuilt from the member's own store").isEqualTo(4);
            assertThat(side.models().accounts().balances(1).value()).isEqualTo(before);
            // The cluster replays its log after its snapshot (here: from the start) and then goes on.
            final EngineClusteredService service = service(side);
            for (int i = 0; i < commands().size(); i++)
            {
                send(service, i + 1, commands().get(i));
            }
            side.models().awaitApplied(commands().size(), WAIT);
            assertThat(side.models().accounts().balances(1).value())
                .contains(new AccountView.Balance("USD", 980, 10), new AccountView.Balance("BTC", 1, 0));
        }
        assertThat(storedSeqs()).as("replayed entries are not stored twice").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(log).noneMatch(line -> line.contains("WARNING"));
    }

    @Test
    void aClusterTimerTickReachesTheReadModelsToo() throws Exception
    {
        try (ClusterReadSide side = ClusterReadSide.open(dir, new ReadModels(MS), new Identities(), log::add))
        {
            final EngineClusteredService service = service(side);
            send(service, 1, commands().get(0));
            send(service, 2, commands().get(1));
            send(service, 3, new Command().place(0, 1, 11, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), Side.BUY,
                OrderType.LIMIT, TimeInForce.GTD, 1_500, true, 10, 2));
            side.models().awaitApplied(3, WAIT);
            assertThat(side.models().accounts().openOrders(1).value()).hasSize(1);

            service.onTimerEvent(1, 2_000);

            side.models().awaitApplied(4, WAIT);
            assertThat(side.models().accounts().openOrders(1).value()).as("expired by the TICK at seq 4").isEmpty();
            assertThat(side.models().depth().depth("BTC-USD", 10).value().bids()).isEmpty();
        }
    }

    @Test
    void membersHandOutEngineOrderIdsFromDisjointSlots()
    {
        final ClientOrderIds member0 = new ClientOrderIds(0, 3);
        final ClientOrderIds member1 = new ClientOrderIds(1, 3);
        final long a = member0.engineIdFor(1, 100);
        final long b = member1.engineIdFor(2, 100);
        final long c = member0.engineIdFor(1, 101);
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(c).isEqualTo(a + 3);
    }

    private static List<Command> commands()
    {
        final long btc = AsciiName.hi("BTC-USD");
        final long btcLo = AsciiName.lo("BTC-USD");
        return List.of(
            new Command().symbol(0, btc, btcLo, AsciiName.hi("BTC"), AsciiName.lo("BTC"), AsciiName.hi("USD"),
                AsciiName.lo("USD"), 1, 1),
            new Command().deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 1_000),
            new Command().deposit(0, 2, AsciiName.hi("BTC"), AsciiName.lo("BTC"), 5),
            new Command().place(0, 2, 21, btc, btcLo, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 0, true, 10, 1),
            new Command().place(0, 1, 11, btc, btcLo, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 0, true, 10, 2),
            new Command().deposit(0, 3, AsciiName.hi("USD"), AsciiName.lo("USD"), 7));
    }

    private List<Long> storedSeqs()
    {
        final List<Long> seqs = new ArrayList<>();
        EventStoreReader.readAll(dir.resolve(EventStoreCatchUp.EVENTS_DIR), batch -> seqs.add(batch.seq()));
        return seqs;
    }

    private static EngineClusteredService service(final ClusterReadSide side)
    {
        final EngineClusteredService service = new EngineClusteredService(SelfTradePrevention.NONE, line ->
        {
        }, side);
        final Cluster cluster = (Cluster)Proxy.newProxyInstance(ClusterReadSideTest.class.getClassLoader(),
            new Class<?>[] {Cluster.class}, (proxy, method, args) -> switch (method.getName())
            {
                case "memberId" -> 0;
                case "idleStrategy" -> NoOpIdleStrategy.INSTANCE;
                case "timeUnit" -> TimeUnit.MILLISECONDS;
                case "scheduleTimer", "cancelTimer" -> true;
                default -> null;
            });
        service.onStart(cluster, null);
        return service;
    }

    private void send(final EngineClusteredService service, final long request, final Command command)
    {
        final ClientSession session = (ClientSession)Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ClientSession.class}, (proxy, method, args) -> method.getReturnType() == long.class ? 1L : null);
        final ExpandableArrayBuffer message = new ExpandableArrayBuffer();
        message.putByte(ClusterProtocol.KIND, ClusterProtocol.COMMAND);
        message.putLong(ClusterProtocol.CLIENT_ID, 9);
        message.putLong(ClusterProtocol.REQUEST, request);
        final int length = codec.encode(command, message, ClusterProtocol.COMMAND_ENTRY);
        service.onSessionMessage(session, 1_000 + request, message, 0, ClusterProtocol.COMMAND_ENTRY + length, null);
    }
}
