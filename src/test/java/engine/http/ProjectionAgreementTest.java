package engine.http;

import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.dsl.ProducerType;
import engine.api.Command;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.format.CommandFileParser;
import engine.reference.RandomCommandFiles;
import engine.testing.ChildEngine;
import engine.testing.TestSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine project} in a separate JVM, tailing the event store, answers every query
 * exactly as the engine's own read models do at the same {@code asOfSeq}.
 */
@Tag("slow")
class ProjectionAgreementTest
{
    @Test
    void shouldAnswerLikeTheInProcessModelsAtTheSameSeq(@TempDir final Path data) throws Exception
    {
        Files.writeString(data.resolve(ApiKeys.FILE_NAME), OPERATOR + "=operator\n");
        final EngineConfig config = EngineConfig.builder().timeSource(EngineConfig.TimeSource.COMMAND)
            .producerType(ProducerType.MULTI).waitStrategy(WaitStrategyType.SLEEPING).build();
        try (HttpFixture http = new HttpFixture(data.resolve("events"), config))
        {
            final long last = replay(http, RandomCommandFiles.generate(42, 3_000));
            final Process projection = startProjection(data);
            try
            {
                final int port = awaitPort(projection);
                for (final String query : queries(last))
                {
                    final HttpFixture.Reply inProcess = http.get(OPERATOR, query);
                    final HttpFixture.Reply projected = getFrom(http, port, query);
                    assertThat(inProcess.status()).as(query).isEqualTo(200);
                    assertThat(projected.body()).as(query).isEqualTo(inProcess.body());
                    assertThat(HttpApiTest.json(projected).get("asOfSeq").asLong()).as(query).isEqualTo(last);
                }
                assertThat(getFrom(http, port, "/deposits").status()).as("a wrong method").isEqualTo(405);
            }
            finally
            {
                projection.destroy();
                projection.waitFor(TestSettings.timeoutMillis(10), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static long replay(final HttpFixture http, final List<String> lines) throws Exception
    {
        final CommandFileParser parser = new CommandFileParser();
        final Command command = new Command();
        CompletableFuture<?> lastResult = null;
        for (final String line : lines)
        {
            if (parser.parse(line, command) == CommandFileParser.Outcome.COMMAND)
            {
                lastResult = http.engine.submit(command);
            }
        }
        lastResult.get(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS);
        final long last = http.engine.nextSeq() - 1;
        http.models.awaitApplied(last, TestSettings.timeoutMillis(30));
        return last;
    }

    private static List<String> queries(final long last)
    {
        final String at = "?minSeq=" + last + "&timeoutMs=" + Math.min(30_000, TestSettings.timeoutMillis(20));
        final List<String> out = new ArrayList<>();
        for (final String symbol : List.of("BTC-USD", "XAU.EUR"))
        {
            out.add("/symbols/" + symbol + "/depth" + at + "&levels=50");
            out.add("/symbols/" + symbol + "/trades" + at + "&limit=200");
            out.add("/symbols/" + symbol + "/candles" + at + "&interval=1s");
        }
        for (int account = 1; account <= 10; account++)
        {
            out.add("/accounts/" + account + "/balances" + at);
            out.add("/accounts/" + account + "/orders" + at);
            out.add("/accounts/" + account + "/commands" + at + "&limit=10000");
        }
        for (long seq = last; seq > last - 20; seq--)
        {
            out.add("/commands/" + seq + at);
        }
        return out;
    }

    private static Process startProjection(final Path data) throws Exception
    {
        final List<String> cmd = ChildEngine.command(List.of("-Xmx256m"),
            "project", "--events", data.resolve("events").toString(), "--http", "0");
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int awaitPort(final Process process) throws Exception
    {
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null)
        {
            if (line.startsWith("project: http port "))
            {
                return Integer.parseInt(line.substring("project: http port ".length()).trim());
            }
        }
        throw new AssertionError("projection exited with " + process.waitFor());
    }

    private static HttpFixture.Reply getFrom(final HttpFixture http, final int port, final String query) throws Exception
    {
        final var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + query))
            .header("X-API-Key", OPERATOR).GET().build();
        final var response = http.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new HttpFixture.Reply(response.statusCode(), response.body(), response);
    }
}
