package engine.app;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The earliest time at which the business logic has something to do without any new command
 * (a GTD expiry, a withdrawal deadline), published by the business-logic thread after each batch
 * for the {@link EngineTimer}. {@link Long#MAX_VALUE} when nothing is due.
 *
 * <p>Why a published value rather than a field of the output events: the timer is not a consumer
 * of the output ring (a slow timer must never hold the ring back), and the value is a pure
 * function of the state after a command, so publishing it changes nothing the journal sees. The
 * business logic still reads no clock: only the timer compares this value with the time, and what
 * it does about it is a TICK command, stamped and journaled like any other, so a replay applies
 * the same TICKs at the same sequence numbers. A stale read costs at most one TICK that expires
 * nothing, or one tick of delay.
 */
final class DueTime
{
    private final AtomicLong value = new AtomicLong(Long.MAX_VALUE);

    /** Business-logic thread: an ordered store, no fence on the hot path. */
    void publish(final long time)
    {
        value.lazySet(time);
    }

    long get()
    {
        return value.get();
    }
}
