package engine.cluster;

import io.aeron.cluster.ClusterControl;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Takes cluster snapshots without an operator: on the leader's member, once {@code everyEntries}
 * log entries have been applied since the latest snapshot, or {@code everySeconds} have passed
 * with at least one entry since, it flips the consensus module's control toggle to SNAPSHOT, as
 * {@code ClusterTool snapshot} does. The leader then appends a snapshot action to the log and every
 * member snapshots at that same position. On followers the toggle is inactive and flipping it
 * fails, so every member may run a trigger: only the leader's acts.
 *
 * <p>Runs on its own thread ({@code snapshot-trigger}), never on the service thread: the service
 * must not wait for the snapshot it is asked to take.
 */
final class SnapshotTrigger implements AutoCloseable
{
    /** When to snapshot; 0 turns a criterion off. */
    record Policy(long everyEntries, long everySeconds)
    {
        static final Policy DEFAULT = new Policy(100_000, 600);
        static final Policy OFF = new Policy(0, 0);

        boolean off()
        {
            return everyEntries <= 0 && everySeconds <= 0;
        }
    }

    static final String THREAD = "snapshot-trigger";
    private static final long CHECK_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Policy policy;
    private final ServiceProgress progress;
    private final AtomicCounter controlToggle;
    private final PrintStream log;
    private final Thread thread;
    private volatile boolean running = true;
    private long snapshotsSeen = -1;
    private long lastSnapshotNs;
    private volatile long requested;

    SnapshotTrigger(final Policy policy, final ServiceProgress progress, final AtomicCounter controlToggle, final PrintStream log)
    {
        this.policy = policy;
        this.progress = progress;
        this.controlToggle = controlToggle;
        this.log = log;
        thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        lastSnapshotNs = System.nanoTime();
        while (running)
        {
            LockSupport.parkNanos(CHECK_NS);
            if (running)
            {
                checkOnce(System.nanoTime());
            }
        }
    }

    private void checkOnce(final long nowNs)
    {
        final long snapshots = progress.snapshots();
        if (snapshots != snapshotsSeen)
        {
            snapshotsSeen = snapshots;
            lastSnapshotNs = nowNs;
        }
        final long entries = progress.entriesSinceSnapshot();
        final boolean byEntries = policy.everyEntries() > 0 && entries >= policy.everyEntries();
        final boolean byTime = policy.everySeconds() > 0 && entries > 0 &&
            nowNs - lastSnapshotNs >= TimeUnit.SECONDS.toNanos(policy.everySeconds());
        if (!progress.leader() || !(byEntries || byTime) || controlToggle.isClosed())
        {
            return;
        }
        if (ClusterControl.ToggleState.SNAPSHOT.toggle(controlToggle))
        {
            requested++;
            log.println("snapshot requested: " + entries + " entries since the last one" + (byEntries ? "" : " (interval)"));
            // Wait for it before asking again: the entry count drops once the service has written it.
            lastSnapshotNs = nowNs;
        }
    }

    /** How many snapshots this trigger asked for. */
    long requested()
    {
        return requested;
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
