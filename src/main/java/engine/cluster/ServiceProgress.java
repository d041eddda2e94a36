package engine.cluster;

/**
 * What the service thread tells the member's own threads about its progress: log entries applied
 * since this process started, and how many of them came before the latest snapshot. Local
 * observations, not replicated state: a restarted member counts its replay again.
 */
final class ServiceProgress
{
    private volatile long entries;
    private volatile long entriesAtSnapshot;
    private volatile long snapshots;
    private volatile boolean leader;

    /** Service thread: one more log entry (command, status query or timer) applied. */
    void entryApplied()
    {
        entries++;
    }

    /** Service thread: a snapshot was written after the entries applied so far. */
    void snapshotTaken()
    {
        entriesAtSnapshot = entries;
        snapshots++;
    }

    void leader(final boolean leader)
    {
        this.leader = leader;
    }

    long entriesSinceSnapshot()
    {
        return entries - entriesAtSnapshot;
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
