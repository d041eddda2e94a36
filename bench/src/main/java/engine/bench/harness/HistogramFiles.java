package engine.bench.harness;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A latency run's histograms on disk, in HdrHistogram's own formats: {@code X.hlog} (a histogram
 * log, {@link HistogramLogWriter}: the latency from due time untagged, the service time tagged
 * {@value #SERVICE}), which the plots read back losslessly with {@link HistogramLogReader}, and
 * for people {@code X.hgrm} and {@code X-service.hgrm} (percentile tables, microseconds).
 */
final class HistogramFiles
{
    /** The tag of the service-time histogram (from actual publish) in a {@code .hlog}. */
    static final String SERVICE = "service";

    private HistogramFiles()
    {
    }

    /**
     * Writes {@code hlog} and the two {@code .hgrm} tables beside it.
     *
     * @param startMillis when the measured interval began (wall clock); it ended now
     */
    static void write(final Histogram latency, final Histogram service, final long startMillis, final Path hlog)
        throws IOException
    {
        final Histogram tagged = service.copy();
        tagged.setTag(SERVICE);
        // Interval times are seconds since the log's base time, the start.
        final double seconds = (System.currentTimeMillis() - startMillis) / 1000.0;
        try (PrintStream out = open(hlog))
        {
            final HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.outputBaseTime(startMillis);
            log.outputLegend();
            log.outputIntervalHistogram(0, seconds, latency);
            log.outputIntervalHistogram(0, seconds, tagged);
        }
        final String base = hlog.getFileName().toString().replace(".hlog", "");
        try (PrintStream out = open(hlog.resolveSibling(base + ".hgrm")))
        {
            latency.outputPercentileDistribution(out, 1000.0);
        }
        try (PrintStream out = open(hlog.resolveSibling(base + "-service.hgrm")))
        {
            service.outputPercentileDistribution(out, 1000.0);
        }
    }

    /** The untagged histogram of {@code hlog} (the latency from due time; all such intervals added up). */
    static Histogram read(final Path hlog) throws IOException
    {
        Histogram sum = null;
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile()))
        {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null)
            {
                if (next.getTag() == null && next instanceof Histogram h)
                {
                    if (sum == null)
                    {
                        sum = h;
                    }
                    else
                    {
                        sum.add(h);
                    }
                }
            }
        }
        if (sum == null)
        {
            throw new IOException(hlog + " holds no untagged histogram");
        }
        return sum;
    }

    private static PrintStream open(final Path file) throws FileNotFoundException
    {
        return new PrintStream(new FileOutputStream(file.toFile()));
    }
}
