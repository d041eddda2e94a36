package engine.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Draws the percentile distributions of several histogram logs ({@code .hlog}, {@link HistogramFiles})
 * on one SVG chart, values in microseconds, in the style of
 * HdrHistogram's plotter: x is the percentile on a log scale of {@code 1/(1-p)}, y the latency on
 * a log scale.
 */
final class PercentilePlot
{
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};
    private static final int W = 960;
    private static final int H = 540;
    private static final int LEFT = 80;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private record Series(String name, double[] x, double[] y)
    {
    }

    private PercentilePlot()
    {
    }

    static void write(final List<Path> hlogs, final List<String> names, final String title, final Path svg)
        throws IOException
    {
        final List<Series> series = new ArrayList<>();
        for (int i = 0; i < hlogs.size(); i++)
        {
            series.add(read(hlogs.get(i), names.get(i)));
        }
        Files.writeString(svg, render(series, title), StandardCharsets.UTF_8);
    }

    private static Series read(final Path hlog, final String name) throws IOException
    {
        // The points of HdrHistogram's percentile distribution (5 ticks per half distance), in microseconds.
        final Histogram histogram = HistogramFiles.read(hlog);
        final List<double[]> points = new ArrayList<>();
        for (final HistogramIterationValue v : histogram.percentiles(5))
        {
            final double percentile = v.getPercentileLevelIteratedTo() / 100.0;
            final double micros = v.getValueIteratedTo() / 1000.0;
            points.add(new double[] {percentile >= 1.0 ? Double.NaN : Math.log10(1 / (1 - percentile)), micros});
        }
        final double[] x = new double[points.size()];
        final double[] y = new double[points.size()];
        double maxX = 0;
        for (int i = 0; i < x.length; i++)
        {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
            if (!Double.isNaN(x[i]))
            {
                maxX = Math.max(maxX, x[i]);
            }
        }
        for (int i = 0; i < x.length; i++)
        {
            if (Double.isNaN(x[i]))
            {
                x[i] = maxX + 0.3; // the max, drawn just right of the highest finite percentile
            }
        }
        return new Series(name, x, y);
    }

    private static String render(final List<Series> series, final String title)
    {
        double maxX = 1;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (final Series s : series)
        {
            for (int i = 0; i < s.x.length; i++)
            {
                maxX = Math.max(maxX, s.x[i]);
                if (s.y[i] > 0)
                {
                    minY = Math.min(minY, s.y[i]);
                }
                maxY = Math.max(maxY, s.y[i]);
            }
        }
        final double x1 = Math.ceil(maxX);
        final double y0 = Math.floor(Math.log10(Math.max(0.01, minY)));
        final double y1 = Math.ceil(Math.log10(Math.max(maxY, 1)));
        final int pw = W - LEFT - RIGHT;
        final int ph = H - TOP - BOTTOM;
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' " +
            "font-family='sans-serif' font-size='12'>%n<rect width='100%%' height='100%%' fill='white'/>%n", W, H));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='25' font-size='15'>%s</text>%n", LEFT, escape(title)));
        for (int d = 0; d <= (int)x1; d++)
        {
            final double px = LEFT + pw * d / x1;
            final String label = d == 0 ? "0%" : d == 1 ? "90%" : "99" + (d == 2 ? "" : "." + "9".repeat(d - 2)) + "%";
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>" +
                "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n", px, TOP, px, TOP + ph, px, TOP + ph + 18, label));
        }
        for (int d = (int)y0; d <= (int)y1; d++)
        {
            final double py = TOP + ph - ph * (d - y0) / (y1 - y0);
            final double value = Math.pow(10, d);
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>" +
                "<text x='%d' y='%.1f' text-anchor='end'>%s</text>%n", LEFT, py, LEFT + pw, py, LEFT - 6, py + 4,
                value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : Double.toString(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>percentile</text>%n",
            LEFT + pw / 2, H - 15));
        svg.append(String.format(Locale.ROOT, "<text x='18' y='%d' transform='rotate(-90 18 %d)' " +
            "text-anchor='middle'>latency (us, log scale)</text>%n", TOP + ph / 2, TOP + ph / 2));
        for (int i = 0; i < series.size(); i++)
        {
            final Series s = series.get(i);
            final String colour = COLOURS[i % COLOURS.length];
            svg.append("<polyline fill='none' stroke-width='2' stroke='").append(colour).append("' points='");
            for (int j = 0; j < s.x.length; j++)
            {
                final double px = LEFT + pw * s.x[j] / x1;
                final double py = TOP + ph - ph * (Math.log10(Math.max(s.y[j], Math.pow(10, y0))) - y0) / (y1 - y0);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("'/>\n");
            final int ly = TOP + 10 + 20 * i;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='3'/>" +
                "<text x='%d' y='%d'>%s</text>%n", LEFT + pw + 15, ly, LEFT + pw + 40, ly, colour, LEFT + pw + 46, ly + 4,
                escape(s.name)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#333'/>%n",
            LEFT, TOP, pw, ph));
        return svg.append("</svg>\n").toString();
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }
}
