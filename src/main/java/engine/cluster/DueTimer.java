package engine.cluster;

import io.aeron.cluster.service.Cluster;

/**
 * Keeps one Aeron Cluster timer set to the business logic's next due time (a GTD expiry or a
 * withdrawal deadline), so that time passes in an idle cluster as the engine timer makes it pass
 * in {@code serve}. Cluster timers are part of the replicated state: the service on every member
 * schedules the same timers at the same log positions, only the leader's consensus module fires
 * them, as a log entry, so every member applies the resulting TICK at the same place with the same
 * time; the consensus modules keep pending timers in their snapshots and hand them over to a new
 * leader.
 *
 * <p>Each (re)scheduling takes a new correlation id: a timer that already fired on the leader
 * while the service was moving it cannot be confused with its replacement (the consensus module
 * counts fired timers by id). The ids and the deadline are in the cluster snapshot, so a member
 * that restarts from one knows which timer its consensus module restored.
 */
final class DueTimer
{
    static final long NONE = Long.MAX_VALUE;

    private long correlationId;
    private long deadline = NONE;

    /** After an entry: makes the one timer match {@code due} (engine time, milliseconds, as the cluster's clock). */
    void reschedule(final Cluster cluster, final long due)
    {
        if (due == deadline)
        {
            return;
        }
        if (deadline != NONE)
        {
            while (!cluster.cancelTimer(correlationId))
            {
                cluster.idleStrategy().idle();
            }
        }
        deadline = due;
        if (due != NONE)
        {
            correlationId++;
            while (!cluster.scheduleTimer(correlationId, due))
            {
                cluster.idleStrategy().idle();
            }
        }
    }

    /** A timer event: if it is the current timer, none is pending any more. */
    void fired(final long firedId)
    {
        if (firedId == correlationId)
        {
            deadline = NONE;
        }
    }

    long correlationId()
    {
        return correlationId;
    }

    long deadline()
    {
        return deadline;
    }

    /** From a snapshot: the timer the consensus module restored from its own snapshot at the same position. */
    void restore(final long correlationId, final long deadline)
    {
        this.correlationId = correlationId;
        this.deadline = deadline;
    }
}
