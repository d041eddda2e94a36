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
import engine.testing.TestSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in this JVM, with no client traffic while time passes: a GTD order expires and a
 * withdrawal deadline passes by the cluster's own timer, on every member at the same place;
 * snapshots are taken without ClusterTool once enough entries are applied, and a restarted member
 * starts from one; the timer survives a leader change and a restart of every member from a
 * snapshot; a client that lost its answers and sends again gets the original outcomes.
 */
@Tag("slow")
class ClusterTimerTest
{
    private static final long ACCOUNT = 1;
    private static final long SNAPSHOT_EVERY = 60;
    /** The cluster timer's delay over the due time: timer wheel tick, idle backoffs, a status poll; generous for shared CI cores. */
    private static final long LATE_MS = 750;

    private static final Pattern SNAPSHOT = Pattern.compile("took snapshot at seq (\\d+)");

    @TempDir
    Path dir;

    private final ClusterMember[] members = new ClusterMember[3];
    private ClusterLayout layout;

    @Test
    void timeMovesInAnIdleClusterAndSnapshotsTakeThemselves() throws Exception
    {
        layout = ClusterLayout.parse("localhost,localhost,localhost", 12000 + (int)(ProcessHandle.current().pid() % 30) * 300);
        try (EngineClusterClient client = new EngineClusterClient(7, layout, "localhost", System.out))
        {
            for (int i = 0; i < 3; i++)
            {
                start(i);
            }
            client.status().get(TestSettings.timeoutMillis(120), TimeUnit.MILLISECONDS);
            submit(client, new Command().symbol(0, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), AsciiName.hi("BTC"),
                AsciiName.lo("BTC"), AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1));
            submit(client, deposit(1_000_000));

            // 1. A GTD order expires at its time with nobody sending anything.
            final long expiry = System.currentTimeMillis() + 1_500;
            final EngineClusterClient.Reply placed = submit(client, gtdBuy(11, expiry));
            assertThat(placed.events()).extracting(Event::type).containsExactly(EventType.ACCEPTED);
            final long tickSeq = placed.seq() + 1;
            final EngineClusterClient.Status expired = awaitSeq(client, tickSeq);
            final long late = System.currentTimeMillis() - expiry;
            System.out.println("GTD expiry: the TICK was seen " + late + " ms after the expiry time");
            assertThat(late).as("ms after the expiry time").isLessThan(LATE_MS);
            assertSameStateEverywhere(expired);
            assertThat(submit(client, cancel(11)).events()).as("the timer's TICK expired it already")
                .extracting(Event::type).containsExactly(EventType.REJECTED);

            // 2. A withdrawal whose only attempt gets no answer starts cancelling by the timer too: the amount
            //    stays in flight until the wallet's side says it was not paid (here the test plays that part).
            final EngineClusterClient.Reply pending = submit(client,
                new Command().withdrawRequest(0, ACCOUNT, AsciiName.hi("USD"), AsciiName.lo("USD"), 100, 1_000, 1));
            assertThat(pending.events()).extracting(Event::type).containsExactly(EventType.WITHDRAW_PENDING);
            assertSameStateEverywhere(awaitSeq(client, pending.seq() + 1));
            assertThat(submit(client, new Command().withdraw(0, ACCOUNT, AsciiName.hi("USD"), AsciiName.lo("USD"), 1_000_000))
                .events()).as("the 100 is still in flight while cancelling").extracting(Event::type)
                .containsExactly(EventType.REJECTED);
            assertThat(submit(client, new Command().withdrawFail(0, pending.seq(), 1)).events())
                .as("not paid: the saga times out").extracting(Event::type).containsExactly(EventType.WITHDRAW_TIMED_OUT);
            assertThat(submit(client, new Command().withdraw(0, ACCOUNT, AsciiName.hi("USD"), AsciiName.lo("USD"), 1_000_000))
                .events()).as("the 100 in flight came back").extracting(Event::type)
                .containsExactly(EventType.WITHDRAWN);

            // 3. A client that lost its answers sends its requests again: it gets the original outcomes.
            final List<EngineClusterClient.Reply> first;
            try (EngineClusterClient before = new EngineClusterClient(8, layout, "localhost", System.out))
            {
                first = List.of(submit(before, deposit(5)), submit(before, gtdBuy(12, Long.MAX_VALUE / 2)));
            }
            try (EngineClusterClient after = new EngineClusterClient(8, layout, "localhost", System.out))
            {
                final List<EngineClusterClient.Reply> again = List.of(submit(after, deposit(5)),
                    submit(after, gtdBuy(12, Long.MAX_VALUE / 2)));
                for (int i = 0; i < 2; i++)
                {
                    assertThat(again.get(i).duplicate()).isTrue();
                    assertThat(again.get(i).outcomeKnown()).isTrue();
                    assertThat(again.get(i).seq()).isEqualTo(first.get(i).seq());
                    assertThat(again.get(i).timestamp()).isEqualTo(first.get(i).timestamp());
                    assertThat(again.get(i).events()).isEqualTo(first.get(i).events());
                }
            }

            // 4. Enough entries: every member snapshots, nobody asked.
            for (int i = 0; i < SNAPSHOT_EVERY; i++)
            {
                client.submit(deposit(1));
            }
            submit(client, deposit(1));
            for (int i = 0; i < 3; i++)
            {
                final int member = i;
                await(() -> statusLog(member).contains("took snapshot"), () -> "member " + member + " took no snapshot:\n" +
                    statusLog(member));
            }

            // 5. The leader goes away with a GTD order pending: the new leader's timer expires it.
            final int leader = client.status().get(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS).leader();
            final EngineClusterClient.Reply resting = submit(client, gtdBuy(13, System.currentTimeMillis() + 5_000));
            members[leader].close();
            members[leader] = null;
            final EngineClusterClient.Status afterFailover = awaitSeq(client, resting.seq() + 1);
            assertThat(afterFailover.leader()).isNotEqualTo(leader);
            assertThat(submit(client, cancel(13)).events()).extracting(Event::type).containsExactly(EventType.REJECTED);

            // 6. The old leader restarts from its snapshot and catches up.
            start(leader);
            await(() -> statusLog(leader).contains("loaded snapshot"), () -> "member " + leader + " loaded no snapshot:\n" +
                statusLog(leader));
            assertSameStateEverywhere(client.status().get(TestSettings.timeoutMillis(60), TimeUnit.MILLISECONDS));

            // 7. A timer scheduled before a snapshot fires after every member restarted from that snapshot: the
            //    log after the snapshot never schedules it again, only the consensus modules' snapshots hold it.
            final long expiry14 = System.currentTimeMillis() + 8_000;
            final EngineClusterClient.Reply placed14 = submit(client, gtdBuy(14, expiry14));
            EngineClusterClient.Reply last = null;
            for (int i = 0; i <= SNAPSHOT_EVERY; i++)
            {
                last = submit(client, deposit(1));
            }
            final long lastSeq = last.seq();
            for (int i = 0; i < 3; i++)
            {
                final int member = i;
                await(() -> latestSnapshotSeq(member) >= placed14.seq(), () -> "member " + member +
                    " took no snapshot after the GTD order:\n" + statusLog(member));
                assertThat(latestSnapshotSeq(member)).as("snapshot before the expiry").isLessThanOrEqualTo(lastSeq);
            }
            for (int i = 0; i < 3; i++)
            {
                members[i].close();
                members[i] = null;
            }
            for (int i = 0; i < 3; i++)
            {
                start(i);
            }
            final EngineClusterClient.Status restored = awaitSeq(client, lastSeq + 1);
            assertThat(System.currentTimeMillis()).as("not before its time").isGreaterThanOrEqualTo(expiry14);
            assertSameStateEverywhere(restored);
            assertThat(submit(client, cancel(14)).events()).extracting(Event::type).containsExactly(EventType.REJECTED);
        }
        finally
        {
            for (final ClusterMember member : members)
            {
                if (member != null)
                {
                    member.close();
                }
            }
        }
    }

    private void start(final int member) throws Exception
    {
        final Path home = dir.resolve("member-" + member);
        final PrintStream out = new PrintStream(Files.newOutputStream(Files.createDirectories(home).resolve("out.log"),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(30)).toNanos();
        while (true)
        {
            try
            {
                members[member] = ClusterMember.start(member, layout, home, SelfTradePrevention.NONE,
                    new SnapshotTrigger.Policy(SNAPSHOT_EVERY, 0), out);
                return;
            }
            catch (final RuntimeException e)
            {
                if (!String.valueOf(e.getMessage()).contains("active") || System.nanoTime() > deadline)
                {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Asks for the status until the cluster's seq reaches {@code seq}: status queries move no time in the engine. */
    private static EngineClusterClient.Status awaitSeq(final EngineClusterClient client, final long seq) throws Exception
    {
        final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(60)).toNanos();
        while (true)
        {
            final EngineClusterClient.Status status = client.status().get(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS);
            if (status.seq() >= seq)
            {
                assertThat(status.seq()).as("exactly one TICK").isEqualTo(seq);
                return status;
            }
            assertThat(System.nanoTime()).as("seq %d not reached, at %d", seq, status.seq()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Every running member logged the same seq and state hash for the status query the leader answered. */
    private void assertSameStateEverywhere(final EngineClusterClient.Status status) throws InterruptedException
    {
        final String expected = "seq " + status.seq() + " hash " + Long.toHexString(status.stateHash());
        for (int i = 0; i < 3; i++)
        {
            final int member = i;
            if (members[member] != null)
            {
                await(() -> statusLog(member).contains(expected), () -> "member " + member + " never logged " + expected +
                    ":\n" + statusLog(member));
            }
        }
    }

    private static EngineClusterClient.Reply submit(final EngineClusterClient client, final Command command) throws Exception
    {
        return client.submit(command).get(TestSettings.timeoutMillis(60), TimeUnit.MILLISECONDS);
    }

    private static Command deposit(final long amount)
    {
        return new Command().deposit(0, ACCOUNT, AsciiName.hi("USD"), AsciiName.lo("USD"), amount);
    }

    private static Command gtdBuy(final long orderId, final long expiry)
    {
        return new Command().place(0, ACCOUNT, orderId, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"), Side.BUY,
            OrderType.LIMIT, TimeInForce.GTD, expiry, true, 10, 2);
    }

    private static Command cancel(final long orderId)
    {
        return new Command().cancel(0, ACCOUNT, orderId);
    }

    /** The seq of the latest snapshot the member logged, or -1. */
    private long latestSnapshotSeq(final int member)
    {
        final Matcher snapshot = SNAPSHOT.matcher(statusLog(member));
        long latest = -1;
        while (snapshot.find())
        {
            latest = Math.max(latest, Long.parseLong(snapshot.group(1)));
        }
        return latest;
    }

    private String statusLog(final int member)
    {
        try
        {
            final Path log = dir.resolve("member-" + member).resolve("status.log");
            return Files.exists(log) ? Files.readString(log) : "";
        }
        catch (final IOException e)
        {
            return e.toString();
        }
    }

    private static void await(final BooleanSupplier condition, final Supplier<String> why) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(60)).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError(why.get());
            }
            Thread.sleep(50);
        }
    }
}
