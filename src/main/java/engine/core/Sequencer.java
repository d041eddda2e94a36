package engine.core;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The first ingress stage in live mode: stamps each command with the time it was sequenced.
 * Producers race for ring sequences, so a time read by a producer could go backwards in
 * sequence order; stamping here, in sequence order, keeps time non-decreasing, which GTD
 * expiry and replay rely on. The business logic never reads a clock.
 */
public final class Sequencer implements EventHandler<CommandSlot>
{
    private final EpochNanoClock clock;
    private final long unitNanos;
    private long last;

    /** @param unitNanos the command time unit in nanoseconds (1_000_000 for milliseconds). */
    public Sequencer(final EpochNanoClock clock, final long unitNanos, final long lastTimestamp)
    {
        this.clock = clock;
        this.unitNanos = unitNanos;
        this.last = lastTimestamp;
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        final long now = clock.nanoTime() / unitNanos;
        last = Math.max(last, now);
        slot.timestamp(last);
    }
}
