package engine.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latency runs leave histogram logs that the plots read back as they were recorded. */
class HistogramFilesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackTheLatencyHistogramAndNotTheServiceOne() throws Exception
    {
        final Histogram latency = new Histogram(Latency.HIGHEST, 3);
        final Histogram service = new Histogram(Latency.HIGHEST, 3);
        for (int i = 1; i <= 1_000; i++)
        {
            latency.recordValue(i * 10_000L);
            service.recordValue(i * 1_000L);
        }
        final Path hlog = dir.resolve("latency-test-off-100K.hlog");

        HistogramFiles.write(latency, service, System.currentTimeMillis(), hlog);
        final Histogram read = HistogramFiles.read(hlog);

        assertThat(read).isEqualTo(latency);
        assertThat(read.getMaxValue()).isEqualTo(latency.getMaxValue());
        assertThat(dir.resolve("latency-test-off-100K.hgrm")).isRegularFile();
        assertThat(dir.resolve("latency-test-off-100K-service.hgrm")).isRegularFile();
    }

    @Test
    void shouldPlotOneLinePerLog() throws Exception
    {
        final Histogram h = new Histogram(Latency.HIGHEST, 3);
        h.recordValue(50_000);
        h.recordValue(2_000_000);
        final Path a = dir.resolve("a.hlog");
        final Path b = dir.resolve("b.hlog");
        HistogramFiles.write(h, h, System.currentTimeMillis(), a);
        HistogramFiles.write(h, h, System.currentTimeMillis(), b);
        final Path svg = dir.resolve("plot.svg");

        PercentilePlot.write(List.of(a, b), List.of("first", "second"), "test", svg);

        final String text = Files.readString(svg);
        assertThat(text.split("<polyline", -1)).hasSize(3);
        assertThat(text).contains("first").contains("second").contains("latency (us, log scale)");
    }
}
