package engine.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the service thread tells the member's own threads about its progress: log entries applied
 * since this process started, and how many of them came before the latest snapshot. Local
 * observations, not replicated state: a restarted member counts its replay again.
 */
final class ServiceProgress
{
    /** Written on every entry: an ordered store (lazySet), no fence on the service's hot path. */
    private final AtomicLong entries = new AtomicLong();
    private volatile long entriesAtSnapshot;
    private volatile long snapshots;
    private volatile boolean leader;

    /** Service thread: one more log entry (command, status query or timer) applied. */
    void entryApplied()
    {
        entries.lazySet(entries.get() + 1);
    }

    /** Service thread: a snapshot was written after the entries applied so far. */
    void snapshotTaken()
    {
        entriesAtSnapshot = entries.get();
        snapshots++;
    }

    void leader(final boolean leader)
    {
        this.leader = leader;
    }

    long entriesSinceSnapshot()
    {
        return entries.get() - entriesAtSnapshot;
    }

    long snapshots()
    {
        return snapshots;
    }

    boolean leader()
    {
        return leader;
    }
}
