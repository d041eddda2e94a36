package engine.app;

import com.lmax.disruptor.dsl.ProducerType;
import engine.api.SelfTradePrevention;
import engine.core.WaitStrategyType;

/**
 * Immutable engine settings. Build with {@link #builder()}, or start from a preset.
 *
 * @param ingressRingSize command ring slots, a power of two
 * @param outputRingSize event ring slots (one per command), a power of two
 * @param waitStrategy how the business logic and the I/O thread (time stamps, journal, results)
 *                     wait for work; the default parks when idle
 * @param outputWaitStrategy how the output handlers on threads of their own wait (the I/O thread
 *                           follows {@code waitStrategy})
 * @param producerType MULTI for any number of submitting threads, SINGLE when only one thread ever submits
 * @param selfTradePrevention what happens when an order meets its own account's resting order
 * @param timeSource who stamps command times
 * @param timeUnitNanos the unit of sequencer-stamped times, in nanoseconds (ms by default)
 * @param firstSeq the sequence number given to the first command (recovery carries numbering on)
 * @param expectedOrders presizes order pools and maps
 * @param expectedAccounts presizes account maps
 * @param affinity CPU per engine thread name ({@link Engine#BLP_THREAD}, {@link Engine#IO_THREAD},
 *                 {@link Engine#OUTPUT_THREAD}); empty to leave placement to the OS
 */
public record EngineConfig(int ingressRingSize, int outputRingSize, WaitStrategyType waitStrategy,
    WaitStrategyType outputWaitStrategy, ProducerType producerType, SelfTradePrevention selfTradePrevention,
    TimeSource timeSource, long timeUnitNanos,
    long firstSeq, int expectedOrders, int expectedAccounts, java.util.Map<String, Integer> affinity)
{
    /** Who puts the time on a command. */
    public enum TimeSource
    {
        /** The sequencer stage stamps the engine clock: live trading. */
        SEQUENCER,
        /** Commands arrive with their time (command files, replays, simulations). */
        COMMAND
    }

    public EngineConfig
    {
        requirePowerOfTwo("ingressRingSize", ingressRingSize);
        requirePowerOfTwo("outputRingSize", outputRingSize);
        if (waitStrategy == null || outputWaitStrategy == null || producerType == null || selfTradePrevention == null || timeSource == null)
        {
            throw new IllegalArgumentException(
                "waitStrategy, outputWaitStrategy, producerType, selfTradePrevention and timeSource are required");
        }
        affinity = affinity == null ? java.util.Map.of() : java.util.Map.copyOf(affinity);
        if (timeUnitNanos <= 0 || firstSeq < 1 || expectedOrders < 0 || expectedAccounts < 0)
        {
            throw new IllegalArgumentException("timeUnitNanos and firstSeq must be positive, sizes non-negative");
        }
    }

    private static void requirePowerOfTwo(final String name, final int value)
    {
        if (value < 2 || Integer.bitCount(value) != 1)
        {
            throw new IllegalArgumentException(name + " must be a power of two >= 2, was " + value);
        }
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** Live trading on this machine: sequencer-stamped milliseconds, wait strategy by core count. */
    public static EngineConfig live()
    {
        return builder().build();
    }

    /** Command files and replays: time comes with each command, one producer. */
    public static EngineConfig fileReplay()
    {
        return builder().timeSource(TimeSource.COMMAND).producerType(ProducerType.SINGLE).build();
    }

    public Builder toBuilder()
    {
        return new Builder().ingressRingSize(ingressRingSize).outputRingSize(outputRingSize).waitStrategy(waitStrategy)
            .outputWaitStrategy(outputWaitStrategy).producerType(producerType).selfTradePrevention(selfTradePrevention)
            .timeSource(timeSource)
            .timeUnitNanos(timeUnitNanos).firstSeq(firstSeq).expectedOrders(expectedOrders)
            .expectedAccounts(expectedAccounts).affinity(affinity);
    }

    /** Hand-written builder; {@link #build()} validates. */
    public static final class Builder
    {
        private int ingressRingSize = 1 << 16;
        private int outputRingSize = 1 << 13;
        private WaitStrategyType waitStrategy = WaitStrategyType.DEFAULT;
        private WaitStrategyType outputWaitStrategy;
        private ProducerType producerType = ProducerType.MULTI;
        private SelfTradePrevention selfTradePrevention = SelfTradePrevention.NONE;
        private TimeSource timeSource = TimeSource.SEQUENCER;
        private long timeUnitNanos = 1_000_000L;
        private long firstSeq = 1;
        private int expectedOrders = 1 << 14;
        private int expectedAccounts = 1 << 12;
        private java.util.Map<String, Integer> affinity = java.util.Map.of();

        public Builder ingressRingSize(final int value)
        {
            ingressRingSize = value;
            return this;
        }

        public Builder outputRingSize(final int value)
        {
            outputRingSize = value;
            return this;
        }

        public Builder waitStrategy(final WaitStrategyType value)
        {
            waitStrategy = value;
            return this;
        }

        /** Defaults to the {@link #waitStrategy(WaitStrategyType)} of the ingress ring. */
        public Builder outputWaitStrategy(final WaitStrategyType value)
        {
            outputWaitStrategy = value;
            return this;
        }

        public Builder producerType(final ProducerType value)
        {
            producerType = value;
            return this;
        }

        public Builder selfTradePrevention(final SelfTradePrevention value)
        {
            selfTradePrevention = value;
            return this;
        }

        public Builder timeSource(final TimeSource value)
        {
            timeSource = value;
            return this;
        }

        public Builder timeUnitNanos(final long value)
        {
            timeUnitNanos = value;
            return this;
        }

        public Builder firstSeq(final long value)
        {
            firstSeq = value;
            return this;
        }

        public Builder expectedOrders(final int value)
        {
            expectedOrders = value;
            return this;
        }

        public Builder expectedAccounts(final int value)
        {
            expectedAccounts = value;
            return this;
        }

        /** CPU per engine thread name; see {@link CpuAffinity#parse(String)} for the command-line form. */
        public Builder affinity(final java.util.Map<String, Integer> value)
        {
            affinity = value;
            return this;
        }

        public EngineConfig build()
        {
            return new EngineConfig(ingressRingSize, outputRingSize, waitStrategy,
                outputWaitStrategy != null ? outputWaitStrategy : waitStrategy, producerType, selfTradePrevention,
                timeSource, timeUnitNanos, firstSeq, expectedOrders, expectedAccounts, affinity);
        }
    }
}
