package engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import engine.readmodel.ReadModels;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Commands per second over a window of at least a second, and latency percentiles of recent commands. */
class EngineStatsTest
{
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final EngineStats stats = new EngineStats(seq::get, null, new ReadModels(1_000_000L), new LatencyWindow(4),
        nanos::get);

    @Test
    void shouldMeasureCommandsPerSecondBetweenCallsASecondOrMoreApart()
    {
        assertThat(stats.snapshot().get("commandsPerSecond")).isEqualTo(0L);
        seq.set(500);
        nanos.addAndGet(400_000_000L);
        assertThat(stats.snapshot().get("commandsPerSecond")).as("window still open").isEqualTo(0L);
        seq.set(2_000);
        nanos.addAndGet(1_600_000_000L);
        assertThat(stats.snapshot().get("commandsPerSecond")).isEqualTo(1_000L);
        nanos.addAndGet(1_000_000_000L);
        assertThat(stats.snapshot().get("commandsPerSecond")).as("idle").isEqualTo(0L);
    }

    @Test
    void shouldReportReadModelLagBehindTheEngine()
    {
        seq.set(7);
        @SuppressWarnings("unchecked")
        final Map<String, Object> models = (Map<String, Object>)stats.snapshot().get("readModels");
        assertThat(models).containsEntry("appliedSeq", 0L).containsEntry("lag", 7L);
    }

    @Test
    void shouldKeepOnlyTheMostRecentLatencies()
    {
        final LatencyWindow window = new LatencyWindow(4);
        assertThat(window.percentilesMicros()).containsEntry("samples", 0).containsEntry("p50", null);
        for (final long micros : new long[] {9_000, 1, 2, 3, 4})
        {
            window.record(micros * 1_000);
        }
        assertThat(window.percentilesMicros()).containsEntry("samples", 4).containsEntry("p50", 2L)
            .containsEntry("p99", 4L).containsEntry("max", 4L);
    }
}
