package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.logic.BusinessLogic;
import engine.testing.TestSettings;
import io.aeron.cluster.ClusterTool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in three JVMs under a steady load of deposits (1 unit each, so the final balance
 * counts the commands applied): kill -9 the leader, then a follower, then two members. Every
 * acknowledged command must survive, none may apply twice (the balance and the applied count are
 * exact), writes must stop without a majority, and after the killed members rejoin all three
 * must report the same seq and state hash at the same place in the log.
 */
@Tag("slow")
class ClusterFailoverTest
{
    private static final long ACCOUNT = 1;
    private static final String ASSET = "USD";
    private static final int IN_FLIGHT = 32;

    @TempDir
    Path dir;

    private final AtomicLong acked = new AtomicLong();
    private final List<CompletableFuture<EngineClusterClient.Reply>> replies = new ArrayList<>();
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private volatile boolean loading;

    @Test
    void survivesLeaderFollowerAndMajorityLoss() throws Exception
    {
        final int portBase = 21000 + (int)(ProcessHandle.current().pid() % 100) * 300;
        try (ClusterProcesses cluster = new ClusterProcesses(dir, portBase);
            EngineClusterClient client = new EngineClusterClient(7, cluster.layout(), "localhost", System.out))
        {
            for (int i = 0; i < 3; i++)
            {
                cluster.start(i);
            }
            final EngineClusterClient.Status first = client.status().get(TestSettings.timeoutMillis(180), TimeUnit.MILLISECONDS);
            System.out.println("cluster up, leader " + first.leader());
            final Thread load = startLoad(client);

            // 1. The leader dies under load: a new one is elected, acknowledgements resume.
            awaitAcked(300);
            final int leader = client.status().get(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS).leader();
            final long killedAt = System.nanoTime();
            cluster.kill(leader);
            final long ackedAtKill = acked.get();
            awaitAcked(ackedAtKill + IN_FLIGHT + 300);
            System.out.printf("leader %d killed: acknowledgements resumed after %d ms%n", leader,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            cluster.start(leader);

            // 2. A follower dies: the other two are still a majority, acknowledgements go on.
            final int newLeader = client.status().get(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS).leader();
            assertThat(newLeader).isNotEqualTo(leader);
            final int follower = 3 - leader - newLeader;
            assertThat(ClusterTool.snapshot(cluster.dir(newLeader).resolve("cluster").toFile(), System.out)).isTrue();
            // The consensus module records a member's snapshot a little after its service wrote it: let it settle.
            await(() -> statusLogOf(cluster, follower).contains("took snapshot"), Duration.ofSeconds(30),
                () -> "member " + follower + " took no snapshot");
            awaitAcked(acked.get() + 100);
            cluster.kill(follower);
            awaitAcked(acked.get() + 300);
            cluster.start(follower);
            loading = false;
            load.join();
            awaitAllAcked();
            final long n = replies.size();
            assertConverged(cluster, client, n);
            assertThat(cluster.statusLog(follower)).as("the restarted follower starts from the snapshot").contains("loaded snapshot");

            // 3. Two members die: the last one cannot commit, so nothing is acknowledged.
            cluster.kill(newLeader);
            cluster.kill(follower);
            final List<CompletableFuture<EngineClusterClient.Reply>> stranded = new ArrayList<>();
            for (int i = 0; i < 20; i++)
            {
                stranded.add(client.submit(deposit()));
            }
            final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < until)
            {
                assertThat(stranded).noneMatch(CompletableFuture::isDone);
                Thread.sleep(100);
            }
            cluster.start(newLeader);
            cluster.start(follower);
            for (final CompletableFuture<EngineClusterClient.Reply> reply : stranded)
            {
                reply.get(TestSettings.timeoutMillis(90), TimeUnit.MILLISECONDS);
            }
            assertConverged(cluster, client, n + stranded.size());
        }
    }

    private Thread startLoad(final EngineClusterClient client)
    {
        loading = true;
        final Thread load = new Thread(() ->
        {
            while (loading)
            {
                try
                {
                    if (!window.tryAcquire(100, TimeUnit.MILLISECONDS))
                    {
                        continue;
                    }
                }
                catch (final InterruptedException e)
                {
                    return;
                }
                final CompletableFuture<EngineClusterClient.Reply> reply = client.submit(deposit());
                synchronized (replies)
                {
                    replies.add(reply);
                }
                reply.whenComplete((r, e) ->
                {
                    acked.incrementAndGet();
                    window.release();
                });
            }
        }, "cluster-load");
        load.start();
        return load;
    }

    private static Command deposit()
    {
        return new Command().deposit(0, ACCOUNT, AsciiName.hi(ASSET), AsciiName.lo(ASSET), 1);
    }

    private void awaitAcked(final long count) throws InterruptedException
    {
        await(() -> acked.get() >= count, Duration.ofSeconds(60), () -> "acknowledged " + acked.get() + " of " + count);
    }

    private void awaitAllAcked() throws Exception
    {
        synchronized (replies)
        {
            for (final CompletableFuture<EngineClusterClient.Reply> reply : replies)
            {
                reply.get(TestSettings.timeoutMillis(60), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** All three members report, for one status query, the seq, hash and applied count of exactly {@code n} deposits. */
    private static void assertConverged(final ClusterProcesses cluster, final EngineClusterClient client, final long n)
        throws Exception
    {
        final EngineClusterClient.Status status = client.status().get(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS);
        assertThat(status.applied()).as("commands applied (none twice, none lost)").isEqualTo(n);
        assertThat(status.seq()).isEqualTo(n);
        assertThat(Long.toHexString(status.stateHash())).isEqualTo(Long.toHexString(expectedHash(n)));
        for (int i = 0; i < 3; i++)
        {
            final int member = i;
            await(() -> statusOf(cluster, member, status.seq()) != null, Duration.ofSeconds(90),
                () -> "member " + member + " never reached seq " + status.seq() + ":\n" +
                    statusLogOf(cluster, member));
            final ClusterProcesses.MemberStatus reported = statusOf(cluster, member, status.seq());
            assertThat(reported.hash()).as("member %d state hash", member).isEqualTo(Long.toHexString(status.stateHash()));
            assertThat(reported.applied()).isEqualTo(n);
        }
    }

    /** The hash of a fresh engine after the same deposits: one account holding n units. */
    private static long expectedHash(final long n)
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        logic.apply(new Command().deposit(0, ACCOUNT, AsciiName.hi(ASSET), AsciiName.lo(ASSET), n).seq(1),
            new EventRecords(new ExpandableArrayBuffer()));
        return logic.stateHash();
    }

    private static ClusterProcesses.MemberStatus statusOf(final ClusterProcesses cluster, final int member, final long seq)
    {
        try
        {
            return cluster.status(member, seq);
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    private static String statusLogOf(final ClusterProcesses cluster, final int member)
    {
        try
        {
            return cluster.statusLog(member);
        }
        catch (final IOException e)
        {
            return e.toString();
        }
    }

    private static void await(final BooleanSupplier condition, final Duration timeout,
        final Supplier<String> why) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestSettings.timeout(timeout).toNanos();
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
