package engine.bench.ec;

import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.PerformanceConfiguration;
import java.util.Locale;

/**
 * exchange-core's configuration for the two kinds of run, as its own single-symbol benchmarks set
 * it up ({@code PerfThroughput}, {@code PerfLatency} in its sources): throughput runs use
 * {@code throughputPerformanceBuilder()} with a 32K ring, latency runs
 * {@code latencyPerformanceBuilder()} with a 2K ring and groups of at most 256 messages; both with
 * one matching engine and one risk engine (one symbol), the direct order book, no journal, and
 * everything else at {@code ExchangeConfiguration.defaultBuilder()}. The builders' own wait strategy
 * (busy spin) and thread affinity (a core per thread) are kept unless {@code wait} or
 * {@code affinity} say otherwise.
 *
 * @param waitStrategy {@code default}, or a {@link CoreWaitStrategy} name
 * @param affinity {@code true}: the builders' affinity thread factory; {@code false}: plain threads
 */
record EcSettings(String waitStrategy, boolean affinity)
{
    ExchangeConfiguration throughput()
    {
        return build(PerformanceConfiguration.throughputPerformanceBuilder().ringBufferSize(32 * 1024)
            .matchingEnginesNum(1).riskEnginesNum(1));
    }

    ExchangeConfiguration latency()
    {
        return build(PerformanceConfiguration.latencyPerformanceBuilder().ringBufferSize(2 * 1024)
            .matchingEnginesNum(1).riskEnginesNum(1).msgsInGroupLimit(256));
    }

    private ExchangeConfiguration build(final PerformanceConfiguration.PerformanceConfigurationBuilder perf)
    {
        if (!waitStrategy.equals("default"))
        {
            perf.waitStrategy(CoreWaitStrategy.valueOf(waitStrategy.toUpperCase(Locale.ROOT)));
        }
        if (!affinity)
        {
            perf.threadFactory(Thread::new);
        }
        return ExchangeConfiguration.defaultBuilder().performanceCfg(perf.build()).build();
    }

    String describe(final ExchangeConfiguration config)
    {
        final PerformanceConfiguration p = config.getPerformanceCfg();
        return "ring " + p.getRingBufferSize() + ", matching engines " + p.getMatchingEnginesNum() + ", risk engines " +
            p.getRiskEnginesNum() + ", group limit " + p.getMsgsInGroupLimit() + " msgs / " + p.getMaxGroupDurationNs() +
            " ns, wait " + p.getWaitStrategy() + ", threads " + (affinity ? "AffinityThreadFactory (a core per thread)" :
            "plain") + ", order book OrderBookDirectImpl, journal off";
    }
}
