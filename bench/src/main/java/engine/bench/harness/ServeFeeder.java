package engine.bench.harness;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The client side of {@code scripts/bench serve-gc}: streams a command file to a running
 * {@code serve} over its TCP line protocol, pipelined, and counts the answers. After the first
 * {@code warm} commands it waits for their answers and notes how many GC pauses the server's GC
 * log holds; at the end it reports the pauses that came after warm-up, with their log lines.
 *
 * <p>Usage: {@code ServeFeeder PORT FILE WARM GC_LOG}. The feeder runs in its own JVM: its own
 * allocation never shows in the server's log.
 */
public final class ServeFeeder
{
    private final byte[] chunk = new byte[1 << 16];
    private volatile long answered;

    private ServeFeeder()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        if (args.length != 4)
        {
            System.err.println("usage: ServeFeeder PORT FILE WARM GC_LOG");
            System.exit(2);
        }
        new ServeFeeder().run(Integer.parseInt(args[0]), Path.of(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
    }

    private void run(final int port, final Path file, final long warm, final Path gcLog) throws Exception
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setTcpNoDelay(true);
            final Thread reader = new Thread(() -> countAnswers(socket), "feeder-answers");
            reader.setDaemon(true);
            reader.start();
            final OutputStream out = socket.getOutputStream();
            final long warmStart = System.nanoTime();
            final long[] sent = new long[1];
            try (InputStream in = new FileInputStream(file.toFile()))
            {
                send(in, out, warm, sent);
                awaitAnswers(sent[0]);
                final double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
                final List<String> pausesBefore = pauses(gcLog);
                System.out.printf("warm-up:  %,d commands in %.1f s; GC pauses so far: %d%n", sent[0], warmSeconds,
                    pausesBefore.size());
                final long measuredFrom = sent[0];
                final long start = System.nanoTime();
                send(in, out, Long.MAX_VALUE, sent);
                awaitAnswers(sent[0]);
                final double seconds = (System.nanoTime() - start) / 1e9;
                final List<String> pausesAfter = pauses(gcLog);
                final long measured = sent[0] - measuredFrom;
                System.out.printf("measured: %,d commands in %.1f s (%,.0f commands/s over TCP, answers included)%n",
                    measured, seconds, measured / seconds);
                System.out.printf("GC pauses after warm-up: %d%n", pausesAfter.size() - pausesBefore.size());
                for (final String line : pausesAfter.subList(pausesBefore.size(), pausesAfter.size()))
                {
                    System.out.println("  " + line);
                }
            }
            socket.shutdownOutput();
        }
    }

    /** Sends whole lines until {@code limit} command lines have gone out or the file ends. */
    private void send(final InputStream in, final OutputStream out, final long limit, final long[] sent) throws IOException
    {
        boolean lineStart = true;
        boolean comment = false;
        while (sent[0] < limit)
        {
            final int n = readChunk(in);
            if (n <= 0)
            {
                return;
            }
            int end = n;
            for (int i = 0; i < n; i++)
            {
                if (lineStart)
                {
                    comment = chunk[i] == '#';
                    lineStart = false;
                }
                if (chunk[i] == '\n')
                {
                    lineStart = true;
                    if (!comment && ++sent[0] == limit)
                    {
                        end = i + 1;
                        break;
                    }
                }
            }
            out.write(chunk, 0, end);
            if (end < n)
            {
                pushBack(chunk, end, n);
            }
        }
        out.flush();
    }

    private byte[] pending = new byte[0];

    private int readChunk(final InputStream in) throws IOException
    {
        if (pending.length > 0)
        {
            final int n = pending.length;
            System.arraycopy(pending, 0, chunk, 0, n);
            pending = new byte[0];
            return n;
        }
        return in.read(chunk);
    }

    private void pushBack(final byte[] bytes, final int from, final int to)
    {
        pending = java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private void awaitAnswers(final long count) throws InterruptedException
    {
        while (answered < count)
        {
            Thread.sleep(1);
        }
    }

    /** Counts answer lines ({@code OK,...} or {@code ERROR,...}); event lines start with a digit. */
    private void countAnswers(final Socket socket)
    {
        final byte[] buffer = new byte[1 << 16];
        boolean lineStart = true;
        long count = 0;
        try
        {
            final InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    final byte b = buffer[i];
                    if (lineStart && (b == 'O' || b == 'E'))
                    {
                        count++;
                    }
                    lineStart = b == '\n';
                }
                answered = count;
            }
        }
        catch (final IOException e)
        {
            System.err.println("feeder: connection closed: " + e);
        }
    }

    private static List<String> pauses(final Path gcLog) throws IOException
    {
        return Files.readAllLines(gcLog).stream().filter(line -> line.contains("Pause")).toList();
    }
}
