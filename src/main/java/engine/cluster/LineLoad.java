package engine.cluster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.HdrHistogram.Histogram;

/**
 * A small load for the line protocol (the same for {@code serve} and the cluster gateway): one
 * symbol, funded accounts, then limit orders that cross often. Keeps {@code window} commands
 * outstanding and times each from its send to its {@code OK}, so the numbers include the
 * front end, the network hops and (for the cluster) replication and commit.
 */
public final class LineLoad
{
    /** What one run measured. */
    public record Result(int commands, int errors, int trades, double seconds, Histogram latencyMicros)
    {
        public double perSecond()
        {
            return commands / seconds;
        }

        @Override
        public String toString()
        {
            return String.format("%d commands in %.2f s (%.0f/s), %d trades, %d errors, latency p50 %d us, p99 %d us, max %d us",
                commands, seconds, perSecond(), trades, errors, latencyMicros.getValueAtPercentile(50),
                latencyMicros.getValueAtPercentile(99), latencyMicros.getMaxValue());
        }
    }

    private LineLoad()
    {
    }

    /** The commands: a symbol, deposits for {@code accounts} accounts, then {@code orders} orders. */
    public static List<String> lines(final int orders, final int accounts, final long firstOrderId)
    {
        final List<String> lines = new ArrayList<>(orders + accounts * 2 + 1);
        lines.add("SYMBOL,0,DEMO-USD,DEMO,USD");
        for (int a = 1; a <= accounts; a++)
        {
            lines.add("DEPOSIT,0," + a + ",USD,1000000000");
            lines.add("DEPOSIT,0," + a + ",DEMO,1000000000");
        }
        for (int i = 0; i < orders; i++)
        {
            final int account = 1 + i % accounts;
            final boolean buy = (i / 3) % 2 == 0;
            final long price = 1000 + (buy ? i % 7 : 3 - i % 7);
            lines.add("PLACE,0," + account + "," + (firstOrderId + i) + ",DEMO-USD," + (buy ? "BUY" : "SELL") +
                ",LIMIT,GTC," + price + "," + (1 + i % 5));
        }
        return lines;
    }

    /** Sends {@code lines} to a line server at {@code host:port}, {@code window} at a time. */
    public static Result run(final String host, final int port, final List<String> lines, final int window)
        throws IOException, InterruptedException
    {
        final Histogram latency = new Histogram(3_600_000_000L, 3);
        final long[] sentAt = new long[lines.size()];
        final Semaphore permits = new Semaphore(window);
        final int[] counts = new int[2];
        try (Socket socket = new Socket(host, port))
        {
            socket.setTcpNoDelay(true);
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            final Thread reader = new Thread(() -> readAnswers(in, sentAt, permits, latency, counts), "line-load-in");
            final long start = System.nanoTime();
            reader.start();
            final Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII));
            for (int i = 0; i < lines.size(); i++)
            {
                if (!permits.tryAcquire())
                {
                    out.flush();
                    permits.acquire();
                }
                sentAt[i] = System.nanoTime();
                out.write(lines.get(i));
                out.write('\n');
            }
            out.flush();
            reader.join();
            final double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(lines.size(), counts[0], counts[1], seconds, latency);
        }
    }

    private static void readAnswers(final BufferedReader in, final long[] sentAt, final Semaphore permits, final Histogram latency,
        final int[] counts)
    {
        int answered = 0;
        try
        {
            String line;
            while (answered < sentAt.length && (line = in.readLine()) != null)
            {
                final boolean ok = line.startsWith("OK,");
                if (line.contains(",TRADE,"))
                {
                    counts[1]++;
                }
                if (ok || line.startsWith("ERROR,"))
                {
                    if (!ok)
                    {
                        counts[0]++;
                    }
                    latency.recordValue(Math.max(0, (System.nanoTime() - sentAt[answered]) / 1000));
                    answered++;
                    permits.release();
                }
            }
        }
        catch (final IOException e)
        {
            counts[0] += sentAt.length - answered;
        }
    }
}
