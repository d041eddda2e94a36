package engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.format.CommandFileParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCP line protocol: every line gets its answer in the order sent (a command's events and
 * {@code OK,<seq>} once journaled, {@code ERROR,<why>} for a malformed line, nothing for a
 * comment), however the lines are pipelined, and a busy connection creates no garbage.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LineServerTest
{
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    private static LineServer.LineDecoder decoder()
    {
        final CommandFileParser parser = new CommandFileParser();
        return (bytes, from, to, into) -> switch (parser.parse(bytes, from, to, into))
        {
            case COMMAND -> null;
            case SKIP -> "";
            case MALFORMED -> parser.error();
        };
    }

    private LiveEngine start()
    {
        return LiveEngine.builder(dir).snapshotEvery(0).log(QUIET)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.BACKOFF).build()).start();
    }

    @Test
    void shouldAnswerPipelinedLinesInTheOrderSentWithErrorsInPlace() throws Exception
    {
        try (LiveEngine live = start(); LineServer server = new LineServer(live, "127.0.0.1", 0, LineServerTest::decoder, QUIET);
            Socket socket = new Socket("127.0.0.1", server.port()))
        {
            final OutputStream out = socket.getOutputStream();
            out.write(("SYMBOL,0,BTC-USD,BTC,USD\n" +
                "DEPOSIT,0,1,USD,1000000\n" +
                "NONSENSE,1,2\n" +
                "# a comment gets no answer\n" +
                "DEPOSIT,0,2,BTC,100\n" +
                "PLACE,1,2,501,BTC-USD,SELL,LIMIT,GTC,30000,5\r\n" +
                "PLACE,2,1,502,BTC-USD,BUY,LIMIT,IOC,30100,7\n").getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            final List<String> answers = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    answers.add(line);
                }
            }

            assertThat(answers).filteredOn(a -> a.startsWith("OK,") || a.startsWith("ERROR,"))
                .extracting(a -> a.startsWith("ERROR,") ? "ERROR" : a)
                .containsExactly("OK,1", "OK,2", "ERROR", "OK,3", "OK,4", "OK,5");
            assertThat(answers.get(answers.indexOf("OK,4") + 1)).as("first event of the crossing order")
                .startsWith("5,ACCEPTED,502");
            assertThat(answers).anyMatch(a -> a.startsWith("5,TRADE,BTC-USD,30000,5,502,501"));
        }
    }

    @Test
    void shouldAllocateNothingPerCommandOnceWarm() throws Exception
    {
        final int warm = 30_000;
        final int measured = 60_000;
        try (LiveEngine live = start(); LineServer server = new LineServer(live, "127.0.0.1", 0, LineServerTest::decoder, QUIET);
            Socket socket = new Socket("127.0.0.1", server.port()))
        {
            final OutputStream out = socket.getOutputStream();
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.write("SYMBOL,0,BTC-USD,BTC,USD\nDEPOSIT,0,1,USD,1000000000000\nDEPOSIT,0,2,BTC,1000000000\n"
                .getBytes(StandardCharsets.US_ASCII));
            sendAndAwait(out, in, 0, warm);
            final long before = allocatedByServerThreads();

            sendAndAwait(out, in, warm, measured);

            final double perCommand = (double)(allocatedByServerThreads() - before) / measured;
            assertThat(perCommand).as("bytes allocated per command by the connection and engine threads")
                .isLessThan(8.0);
        }
    }

    /** Sends {@code count} resting orders and a cancel for each, reading answers as they come. */
    private static void sendAndAwait(final OutputStream out, final BufferedReader in, final int first, final int count)
        throws Exception
    {
        final Thread writer = new Thread(() ->
        {
            try
            {
                final StringBuilder batch = new StringBuilder();
                for (int i = first; i < first + count; i++)
                {
                    final long id = 1_000 + i / 2;
                    batch.append(i % 2 == 0 ? "PLACE,0,1," + id + ",BTC-USD,BUY,LIMIT,GTC," + (100 + i % 50) + ",1\n" :
                        "CANCEL,0,1," + id + "\n");
                    if (batch.length() > 8_000)
                    {
                        out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                        batch.setLength(0);
                    }
                }
                out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            catch (final Exception e)
            {
                throw new IllegalStateException(e);
            }
        }, "test-writer");
        writer.start();
        int oks = 0;
        String line;
        while (oks < count + (first == 0 ? 3 : 0) && (line = in.readLine()) != null)
        {
            assertThat(line).doesNotStartWith("ERROR");
            if (line.startsWith("OK,"))
            {
                oks++;
            }
        }
        writer.join();
    }

    private static long allocatedByServerThreads()
    {
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            final String name = thread.getName();
            if (name.startsWith("line-client-") || name.startsWith("engine-"))
            {
                total += mx.getThreadAllocatedBytes(thread.getId());
            }
        }
        return total;
    }
}
