package engine.http;

import engine.app.Engine;
import engine.journal.JournalWriter;
import engine.readmodel.ReadModels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The engine panel's numbers ({@code GET /engine/stats}), read from what the engine already
 * publishes (ring cursor, journal's last seq, read models' applied seq) and from the HTTP
 * gateway's latency window; nothing here runs on or waits for the business logic thread.
 * Commands per second is measured between two calls at least {@link #RATE_WINDOW_NANOS} apart.
 */
final class EngineStats
{
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    private final LongSupplier engineSeq;
    private final JournalWriter journal;
    private final ReadModels models;
    private final LatencyWindow latencies;
    private final LongSupplier nanoClock;
    private long sampleNanos;
    private long sampleSeq = -1;
    private double rate;

    /**
     * @param engine the engine, or null in a read-only projection (seq is then the models')
     * @param journal its journal, or null when there is none to report
     * @param latencies HTTP command latencies, or null in a projection
     */
    EngineStats(final Engine engine, final JournalWriter journal, final ReadModels models, final LatencyWindow latencies)
    {
        this(engine == null ? null : () -> engine.nextSeq() - 1, journal, models, latencies, System::nanoTime);
    }

    /** @param engineSeq the last sequence the engine handed out, or null in a projection */
    EngineStats(final LongSupplier engineSeq, final JournalWriter journal, final ReadModels models,
        final LatencyWindow latencies, final LongSupplier nanoClock)
    {
        this.engineSeq = engineSeq;
        this.journal = journal;
        this.models = models;
        this.latencies = latencies;
        this.nanoClock = nanoClock;
    }

    synchronized Map<String, Object> snapshot()
    {
        final long applied = models.appliedSeq();
        final long seq = engineSeq == null ? applied : engineSeq.getAsLong();
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", engineSeq == null ? "projection" : "engine");
        out.put("seq", seq);
        out.put("commandsPerSecond", rate(seq));
        if (journal != null)
        {
            final Map<String, Object> j = new LinkedHashMap<>();
            j.put("durability", journal.durability());
            j.put("journaledSeq", journal.lastSeq());
            j.put("lag", Math.max(0, seq - journal.lastSeq()));
            j.put("failed", journal.failure() != null);
            out.put("journal", j);
        }
        else
        {
            out.put("journal", null);
        }
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("appliedSeq", applied);
        r.put("lag", Math.max(0, seq - applied));
        out.put("readModels", r);
        out.put("latencyMicros", latencies == null ? null : latencies.percentilesMicros());
        return out;
    }

    private long rate(final long seq)
    {
        final long now = nanoClock.getAsLong();
        if (sampleSeq < 0)
        {
            sampleSeq = seq;
            sampleNanos = now;
        }
        else if (now - sampleNanos >= RATE_WINDOW_NANOS)
        {
            rate = (seq - sampleSeq) * 1e9 / (now - sampleNanos);
            sampleSeq = seq;
            sampleNanos = now;
        }
        return Math.round(rate);
    }
}
