package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.reference.RandomCommandFiles;
import engine.testing.ChildEngine;
import engine.testing.TestSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine project --snapshot-every N} in a separate JVM writes read-model snapshots; a
 * later {@code project} starts from the newest valid one and answers every HTTP query exactly
 * like one started {@code --from-start}; a corrupt snapshot is reported naming the file.
 */
@Tag("slow")
class ProjectSnapshotProcessTest
{
    private static final String KEY = "operator-key-0001";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void shouldStartFromTheNewestValidSnapshotAndAnswerLikeAFullReplay(@TempDir final Path data) throws Exception
    {
        Files.writeString(data.resolve("api-keys.properties"), KEY + "=operator\n");
        final Path events = data.resolve("events");
        final List<String> lines = RandomCommandFiles.generate(4242, 3_000);
        final EngineReplay replay = new EngineReplay(SelfTradePrevention.values()[0]);
        final TreeSet<String> symbols = new TreeSet<>();
        final TreeSet<Long> orderIds = new TreeSet<>();
        final long[] last = new long[1];
        final EventStoreWriter first = new EventStoreWriter(events);
        for (final String line : lines.subList(0, 2_000))
        {
            replay.apply(line, b -> collect(b, symbols, orderIds, last, first));
        }
        first.close();
        final long firstLast = last[0];

        final ReadModelSnapshots store = new ReadModelSnapshots(events.resolve(ReadModelSnapshots.DIR_NAME), m -> { }, 3);
        final Projection writer = Projection.start(data, "--snapshot-every", "400");
        try
        {
            final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(30)).toNanos();
            while (store.list().isEmpty() || seqOf(store.list().get(0)) <= firstLast - 400)
            {
                assertThat(System.nanoTime() - deadline).as("snapshots written").isNegative();
                Thread.sleep(20);
            }
        }
        finally
        {
            writer.stop();
        }
        final List<Path> files = store.list();
        // The first at 400 applied commands, later ones every 400 more (or later while a write is under way).
        assertThat(files).hasSizeBetween(2, 3);
        assertThat(seqOf(files.get(files.size() - 1))).isGreaterThanOrEqualTo(400);
        assertThat(seqOf(files.get(0))).isLessThanOrEqualTo(firstLast);

        // The engine goes on: the rest of the stream lands in the store after the snapshots.
        final EventStoreWriter second = new EventStoreWriter(events);
        for (final String line : lines.subList(2_000, lines.size()))
        {
            replay.apply(line, b -> collect(b, symbols, orderIds, last, second));
        }
        second.close();
        assertThat(last[0]).isGreaterThan(firstLast);

        final List<String> queries = queries(symbols, orderIds, last[0]);
        final List<String> expected = answers(Projection.start(data, "--from-start"), queries,
            "replaying the event store from the start");
        assertThat(answers(Projection.start(data), queries,
            "starting from read-model snapshot " + files.get(0))).isEqualTo(expected);

        final byte[] bytes = Files.readAllBytes(files.get(0));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(files.get(0), bytes);
        final Projection fallback = Projection.start(data);
        assertThat(answers(fallback, queries, "starting from read-model snapshot " + files.get(1)))
            .isEqualTo(expected);
        assertThat(fallback.stderr()).contains("ignoring read-model snapshot " + files.get(0) + ": checksum mismatch");
    }

    private static void collect(final EventBatch b, final TreeSet<String> symbols, final TreeSet<Long> orderIds,
        final long[] last, final EventStoreWriter store)
    {
        last[0] = b.seq();
        for (int i = 0; i < b.count(); i++)
        {
            if (b.type(i) == EventType.SYMBOL_ADDED)
            {
                symbols.add(new Name(b.nameHi(i), b.nameLo(i)).toString());
            }
            else if (b.type(i) == EventType.ACCEPTED)
            {
                orderIds.add(b.orderId(i));
            }
        }
        store.onEvent(b, 0, true);
    }

    private static long seqOf(final Path file)
    {
        final String name = file.getFileName().toString();
        return Long.parseLong(name.substring("readmodels-".length(), name.indexOf('.')));
    }

    private static List<String> queries(final TreeSet<String> symbols, final TreeSet<Long> orderIds, final long last)
    {
        final String at = "?minSeq=" + last + "&timeoutMs=" + Math.min(30_000, TestSettings.timeoutMillis(20));
        final List<String> out = new ArrayList<>();
        for (final String symbol : symbols)
        {
            out.add("/symbols/" + symbol + "/depth" + at + "&levels=1000");
            out.add("/symbols/" + symbol + "/trades" + at + "&limit=1000");
            out.add("/symbols/" + symbol + "/candles" + at + "&interval=1s");
            out.add("/symbols/" + symbol + "/candles" + at + "&interval=1m");
        }
        for (int account = 1; account <= 10; account++)
        {
            out.add("/accounts/" + account + "/balances" + at);
            out.add("/accounts/" + account + "/orders" + at);
            out.add("/accounts/" + account + "/commands" + at + "&limit=10000");
        }
        int n = 0;
        for (final long orderId : orderIds)
        {
            if (n++ % 7 == 0)
            {
                out.add("/orders/" + orderId + at);
            }
        }
        for (long seq = last; seq > 0; seq -= 13)
        {
            out.add("/commands/" + seq + at);
        }
        return out;
    }

    private List<String> answers(final Projection projection, final List<String> queries, final String started)
        throws Exception
    {
        final List<String> out = new ArrayList<>();
        try
        {
            for (final String query : queries)
            {
                final HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + projection.port + query))
                    .header("X-API-Key", KEY).GET().build();
                final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(200);
                out.add(query + " " + response.body());
            }
            assertThat(projection.stderr()).contains(started);
        }
        finally
        {
            projection.stop();
        }
        return out;
    }

    /** {@code engine project} in its own JVM, its stderr in a file. */
    private static final class Projection
    {
        final Process process;
        final Path stderr;
        final int port;

        private Projection(final Process process, final Path stderr, final int port)
        {
            this.process = process;
            this.stderr = stderr;
            this.port = port;
        }

        static Projection start(final Path data, final String... options) throws Exception
        {
            final List<String> cmd = new ArrayList<>(ChildEngine.command(List.of("-Xmx256m"),
                "project", "--events", data.resolve("events").toString(), "--http", "0"));
            cmd.addAll(List.of(options));
            final Path err = Files.createTempFile(data, "project", ".err");
            final Process process = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null)
            {
                if (line.startsWith("project: http port "))
                {
                    return new Projection(process, err,
                        Integer.parseInt(line.substring("project: http port ".length()).trim()));
                }
            }
            throw new AssertionError("projection exited with " + process.waitFor() + ": " + Files.readString(err));
        }

        String stderr() throws Exception
        {
            return Files.readString(stderr);
        }

        void stop() throws Exception
        {
            process.destroy();
            if (!process.waitFor(TestSettings.timeoutMillis(10), TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly().waitFor(TestSettings.timeoutMillis(10), TimeUnit.MILLISECONDS);
            }
        }
    }
}
