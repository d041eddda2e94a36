package engine.http;

import static engine.http.HttpApiTest.json;
import static engine.http.HttpApiTest.ok;
import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.KEY_2;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import engine.app.EngineConfig;
import engine.readmodel.EventStoreReader;
import engine.readmodel.ReadModels;
import engine.testing.ChildEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request ids and client order ids are journaled with their commands, so a restart, graceful
 * or {@code kill -9}, forgets neither: a retried request gets its first outcome and never runs
 * twice, and each account keeps its own order ids.
 */
class DurableIdsTest
{
    private static final String WITHDRAW = "{\"asset\":\"USD\",\"amount\":100,\"requestId\":\"w-1\"}";

    @TempDir
    Path data;

    /** A market, funds for both accounts, the same client order id 42 for each, and a withdrawal with a request id. */
    private static long trade(final HttpClientFixture http)
    {
        ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}"));
        ok(http.post(OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":100000}"));
        ok(http.post(OPERATOR, "/deposits", "{\"account\":2,\"asset\":\"BTC\",\"amount\":100}"));
        ok(http.post(KEY_1, "/orders", "{\"orderId\":42,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\"," +
            "\"price\":100,\"qty\":3}"));
        ok(http.post(KEY_2, "/orders", "{\"orderId\":42,\"symbol\":\"BTC-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\"," +
            "\"price\":200,\"qty\":4}"));
        final JsonNode withdrawn = ok(http.post(KEY_1, "/withdrawals", WITHDRAW));
        assertThat(withdrawn.get("accepted").asBoolean()).isTrue();
        return withdrawn.get("seq").asLong();
    }

    /** What must hold after any restart: the retry is answered with the first outcome, ids are the accounts' own. */
    private static void checkAfterRestart(final HttpClientFixture http, final long withdrawalSeq)
    {
        final HttpFixture.Reply retry = http.post(KEY_1, "/withdrawals", WITHDRAW);
        assertThat(retry.status()).as(retry.body()).isEqualTo(409);
        assertThat(json(retry).get("seq").asLong()).as("the original command").isEqualTo(withdrawalSeq);
        assertThat(json(retry).get("result").get("accepted").asBoolean()).isTrue();
        assertThat(json(retry).get("result").get("commandType").asText()).isEqualTo("WITHDRAW");
        final JsonNode balances = ok(http.get(KEY_1, "/accounts/1/balances"));
        assertThat(balances.get("balances").get(0).get("available").asLong()).as("withdrawn exactly once, 300 reserved")
            .isEqualTo(100_000 - 300 - 100);
        assertThat(ok(http.get(KEY_1, "/requests/w-1")).get("seq").asLong()).isEqualTo(withdrawalSeq);

        assertThat(ok(http.get(KEY_1, "/orders/42")).get("side").asText()).isEqualTo("BUY");
        assertThat(ok(http.get(KEY_2, "/orders/42")).get("side").asText()).isEqualTo("SELL");
        final JsonNode amended = ok(http.post(KEY_1, "/orders/42/amend", "{\"qty\":2}"));
        assertThat(amended.get("events").get(0).get("type").asText()).isEqualTo("AMENDED");
        assertThat(amended.get("events").get(0).get("orderId").asLong()).isEqualTo(42);
        final JsonNode canceled = ok(http.post(KEY_1, "/orders/42/cancel", ""));
        assertThat(canceled.get("events").get(0).get("type").asText()).isEqualTo("CANCELED");
        final JsonNode next = ok(http.post(KEY_1, "/orders", "{\"orderId\":43,\"symbol\":\"BTC-USD\",\"side\":\"BUY\"," +
            "\"type\":\"LIMIT\",\"price\":100,\"qty\":1}"));
        assertThat(next.get("events").get(0).get("type").asText()).as("a new id gets a fresh engine id").isEqualTo("ACCEPTED");
        final long seq = next.get("seq").asLong();
        assertThat(ok(http.get(KEY_1, "/orders/42?minSeq=" + seq)).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(ok(http.get(KEY_2, "/orders/42?minSeq=" + seq)).get("state").asText()).as("B's order untouched")
            .isEqualTo("NEW");
        final JsonNode duplicate = ok(http.post(KEY_2, "/orders", "{\"orderId\":42,\"symbol\":\"BTC-USD\",\"side\":\"SELL\"," +
            "\"type\":\"LIMIT\",\"price\":200,\"qty\":1}"));
        assertThat(duplicate.get("events").get(0).get("reason").asText()).isEqualTo("DUPLICATE_ORDER_ID");
    }

    @Test
    void shouldAnswerARetryWithTheFirstOutcomeAndKeepOrderIdsAcrossARestart() throws Exception
    {
        LiveHttpFixture.writeKeys(data);
        final long withdrawalSeq;
        try (LiveHttpFixture server = new LiveHttpFixture(data))
        {
            withdrawalSeq = trade(server.http);
        }
        try (LiveHttpFixture server = new LiveHttpFixture(data))
        {
            checkAfterRestart(server.http, withdrawalSeq);
        }
        // A projection (what `project` runs) learns the same ids from the event store.
        final ReadModels models = new ReadModels(EngineConfig.live().timeUnitNanos());
        final Identities ids = new Identities();
        EventStoreReader.readAll(data.resolve("events"), batch ->
        {
            ids.learn(batch);
            models.accept(batch);
        });
        try (HttpApi projection = HttpApi.startReadOnly(models, HttpFixture.KEYS, HttpEndpoint.plain(HttpEndpoint.LOOPBACK, 0), ids))
        {
            final HttpClientFixture http = new HttpClientFixture(projection::port);
            assertThat(ok(http.get(KEY_1, "/orders/42")).get("state").asText()).isEqualTo("CANCELLED");
            assertThat(ok(http.get(KEY_2, "/orders/42")).get("side").asText()).isEqualTo("SELL");
            assertThat(ok(http.get(KEY_1, "/requests/w-1")).get("seq").asLong()).isEqualTo(withdrawalSeq);
        }
    }

    @Test
    void shouldAnswerARetryWithTheFirstOutcomeAndKeepOrderIdsAfterKillMinus9() throws Exception
    {
        LiveHttpFixture.writeKeys(data);
        final Process first = serve();
        final long withdrawalSeq;
        try
        {
            final int port = awaitHttpPort(first);
            withdrawalSeq = trade(new HttpClientFixture(() -> port));
        }
        finally
        {
            first.destroyForcibly();
            first.waitFor(60, TimeUnit.SECONDS);
        }
        final Process second = serve();
        try
        {
            final int port = awaitHttpPort(second);
            checkAfterRestart(new HttpClientFixture(() -> port), withdrawalSeq);
        }
        finally
        {
            second.destroyForcibly();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private Process serve() throws Exception
    {
        final List<String> cmd = ChildEngine.command(List.of("-Xmx256m"), "serve", "--data", data.toString(), "--port", "0",
            "--http", "0", "--snapshot-every", "0");
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int awaitHttpPort(final Process process) throws Exception
    {
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null)
        {
            final int at = line.indexOf(",http=");
            if (line.startsWith("READY,") && at > 0)
            {
                return Integer.parseInt(line.substring(at + ",http=".length()).trim());
            }
        }
        throw new AssertionError("serve exited with " + process.waitFor());
    }
}
