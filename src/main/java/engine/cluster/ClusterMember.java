package engine.cluster;

import engine.api.SelfTradePrevention;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.MillisecondClusterClock;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;

/**
 * One member of the engine cluster in this process: a media driver, an archive (the member's
 * copy of the replicated log) and the consensus module in one {@link ClusteredMediaDriver}, and
 * the {@link EngineClusteredService} in a {@link ClusteredServiceContainer}, all under one
 * directory ({@code driver/}, {@code archive/}, {@code cluster/}, {@code status.log}).
 *
 * <p>Threads: the driver and the archive each run all their agents on one thread (SHARED) and
 * every agent waits with a backoff that ends in 1 ms parks, so an idle member uses no CPU and
 * three members share two cores.
 */
public final class ClusterMember implements AutoCloseable
{
    /** How long to wait for a new leader after the last heartbeat: short enough for a failover test, long enough for GC. */
    static final long LEADER_HEARTBEAT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(3);

    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final SnapshotTrigger snapshots;

    private ClusterMember(final ClusteredMediaDriver driver, final ClusteredServiceContainer container,
        final SnapshotTrigger snapshots)
    {
        this.driver = driver;
        this.container = container;
        this.snapshots = snapshots;
    }

    /** Starts a member that snapshots by {@link SnapshotTrigger.Policy#DEFAULT}. */
    public static ClusterMember start(final int id, final ClusterLayout layout, final Path dir, final SelfTradePrevention stp,
        final PrintStream out) throws IOException
    {
        return start(id, layout, dir, stp, SnapshotTrigger.Policy.DEFAULT, out);
    }

    /**
     * Starts member {@code id} of {@code layout} with its files under {@code dir}; keeps what is
     * already there (a restarted member recovers from its snapshot and log, then catches up).
     * While it leads, it asks for snapshots as {@code snapshotPolicy} says.
     */
    static ClusterMember start(final int id, final ClusterLayout layout, final Path dir, final SelfTradePrevention stp,
        final SnapshotTrigger.Policy snapshotPolicy, final PrintStream out) throws IOException
    {
        return start(id, layout, dir, stp, snapshotPolicy, null, out);
    }

    /** As {@link #start(int, ClusterLayout, Path, SelfTradePrevention, SnapshotTrigger.Policy, PrintStream)}; {@code applied}
     * (may be null) hears every command applied. */
    static ClusterMember start(final int id, final ClusterLayout layout, final Path dir, final SelfTradePrevention stp,
        final SnapshotTrigger.Policy snapshotPolicy, final AppliedCommands applied, final PrintStream out) throws IOException
    {
        Files.createDirectories(dir);
        final String host = layout.hosts().get(id);
        final String aeronDir = dir.resolve("driver").toString();
        final Consumer<String> statusLog = statusLog(dir.resolve("status.log"), out);
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .dirDeleteOnStart(true)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(backoff())
            .publicationTermBufferLength(4 * 1024 * 1024)
            .ipcTermBufferLength(4 * 1024 * 1024)
            .errorHandler(error -> out.println("member " + id + " driver error: " + error));
        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(dir.resolve("archive").toFile())
            .archiveId(id)
            .controlChannel("aeron:udp?endpoint=" + layout.endpoint(id, ClusterLayout.ARCHIVE_CONTROL))
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(ClusterMember::backoff)
            .segmentFileLength(64 * 1024 * 1024)
            .errorHandler(error -> out.println("member " + id + " archive error: " + error));
        final AeronArchive.Context localArchive = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archiveContext.localControlChannel())
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(archiveContext.localControlChannel())
            .aeronDirectoryName(aeronDir);
        final File clusterDir = dir.resolve("cluster").toFile();
        final ConsensusModule.Context consensus = new ConsensusModule.Context()
            .clusterMemberId(id)
            .clusterMembers(layout.clusterMembers())
            .clusterDir(clusterDir)
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .serviceCount(1)
            .ingressChannel("aeron:udp")
            .logChannel("aeron:udp?term-length=4m")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .idleStrategySupplier(ClusterMember::backoff)
            .leaderHeartbeatTimeoutNs(LEADER_HEARTBEAT_TIMEOUT_NS)
            // Log timestamps and timer deadlines in milliseconds: the engine's unit of time.
            .clusterClock(new MillisecondClusterClock())
            .errorHandler(error -> out.println("member " + id + " consensus error: " + error));
        final EngineClusteredService engine = new EngineClusteredService(stp, statusLog, applied);
        final ClusteredServiceContainer.Context service = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .clusterDir(clusterDir)
            .clusteredService(engine)
            .serviceId(0)
            .idleStrategySupplier(ClusterMember::backoff)
            .errorHandler(error -> out.println("member " + id + " service error: " + error));
        final ClusteredMediaDriver driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensus);
        try
        {
            final ClusteredServiceContainer container = ClusteredServiceContainer.launch(service);
            final SnapshotTrigger snapshots = snapshotPolicy.off() ? null : new SnapshotTrigger(snapshotPolicy, engine.progress(),
                driver.consensusModule().context().controlToggleCounter(), out);
            return new ClusterMember(driver, container, snapshots);
        }
        catch (final RuntimeException e)
        {
            driver.close();
            throw e;
        }
    }

    /** Backs off from spinning to yielding to 1 µs .. 1 ms parks: never busy-spins when idle. */
    static IdleStrategy backoff()
    {
        return new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    }

    private static Consumer<String> statusLog(final Path file, final PrintStream out)
    {
        return line ->
        {
            out.println(line);
            out.flush();
            try
            {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            catch (final IOException e)
            {
                out.println("status.log: " + e);
            }
        };
    }

    @Override
    public void close()
    {
        if (snapshots != null)
        {
            snapshots.close();
        }
        container.close();
        driver.close();
    }
}
