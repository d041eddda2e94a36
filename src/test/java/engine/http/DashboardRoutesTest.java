package engine.http;

import static engine.http.HttpFixture.ADMIN;
import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import engine.readmodel.ReadModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dashboard needs from the server besides the API: its files, symbols, who a key is, engine stats. */
class DashboardRoutesTest
{
    @Test
    void shouldServeTheDashboardAtTheRootWithoutAKey()
    {
        try (HttpFixture http = new HttpFixture(null))
        {
            final HttpFixture.Reply page = http.get(null, "/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<title>Engine dashboard</title>").contains("app.js");
            for (final String module : new String[] {"/app.js",
                "/vendor/lightweight-charts-4.2.3/lightweight-charts.standalone.production.mjs"})
            {
                final HttpFixture.Reply script = http.get(null, module);
                assertThat(script.status()).as(module).isEqualTo(200);
                // Browsers refuse to run a module served under any other type.
                assertThat(script.raw().headers().firstValue("Content-Type")).as(module).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/javascript"));
            }
            assertThat(http.get(null, "/vendor/lightweight-charts-4.2.3/LICENSE").body()).contains("Apache License");
        }
    }

    @Test
    void shouldStillRequireAKeyForDataNextToThePage()
    {
        try (HttpFixture http = new HttpFixture(null))
        {
            assertThat(http.get(null, "/symbols").status()).isEqualTo(401);
            assertThat(http.get(null, "/engine/stats").status()).isEqualTo(401);
            assertThat(http.get("not-a-key-at-all", "/me").body()).contains("unknown API key");
        }
    }

    @Test
    void shouldListSymbolsSortedAndTellAKeyWhoItIs()
    {
        try (HttpFixture http = new HttpFixture(null))
        {
            HttpApiTest.ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"ETH-USD\",\"base\":\"ETH\",\"quote\":\"USD\"}"));
            HttpApiTest.ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}"));
            assertThat(http.get(KEY_1, "/symbols?minSeq=2").body()).isEqualTo("{\"asOfSeq\":2,\"symbols\":[\"BTC-USD\",\"ETH-USD\"]}");
            assertThat(http.get(KEY_1, "/me").body()).isEqualTo("{\"role\":\"account\",\"account\":1}");
            assertThat(http.get(OPERATOR, "/me").body()).isEqualTo("{\"role\":\"operator\",\"account\":null}");
            assertThat(http.get(ADMIN, "/me").body()).isEqualTo("{\"role\":\"admin\",\"account\":null}");
        }
    }

    @Test
    void shouldServeFiveMinuteAndHourlyCandlesAndNameTheIntervalsOnABadOne()
    {
        try (HttpFixture http = new HttpFixture(null))
        {
            HttpApiTest.ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}"));
            assertThat(http.get(KEY_1, "/symbols/BTC-USD/candles?interval=5m").status()).isEqualTo(200);
            assertThat(http.get(KEY_1, "/symbols/BTC-USD/candles?interval=1h").status()).isEqualTo(200);
            final HttpFixture.Reply bad = http.get(KEY_1, "/symbols/BTC-USD/candles?interval=2m");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("interval: must be 1s, 1m, 5m or 1h");
        }
    }

    @Test
    void shouldReportSequenceJournalReadModelsAndLatenciesOfTheLiveServer(@TempDir final Path data) throws Exception
    {
        try (LiveHttpServer server = LiveHttpServer.create(data))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();
            final JsonNode stats = api.get(LiveHttpServer.KEY_1, "/engine/stats");
            assertThat(stats.get("role").asText()).isEqualTo("engine");
            assertThat(stats.get("seq").asLong()).isEqualTo(3);
            assertThat(stats.get("journal").get("durability").asText()).isEqualTo("ASYNC");
            assertThat(stats.get("journal").get("journaledSeq").asLong()).isEqualTo(3);
            assertThat(stats.get("journal").get("lag").asLong()).isZero();
            assertThat(stats.get("readModels").get("appliedSeq").asLong()).isBetween(0L, 3L);
            final JsonNode latency = stats.get("latencyMicros");
            assertThat(latency.get("samples").asInt()).isEqualTo(3);
            assertThat(latency.get("p50").asLong()).isPositive().isLessThanOrEqualTo(latency.get("max").asLong());
        }
    }

    @Test
    void shouldReportAProjectionAsReadOnlyWithoutJournalOrLatencies()
    {
        try (HttpApi api = HttpApi.startReadOnly(new ReadModels(1_000_000L), HttpFixture.KEYS,
            HttpEndpoint.plain(HttpEndpoint.LOOPBACK, 0)))
        {
            final ApiClient client = new ApiClient(api.port());
            final JsonNode stats = client.get(KEY_1, "/engine/stats");
            assertThat(stats.get("role").asText()).isEqualTo("projection");
            assertThat(stats.get("journal").isNull()).isTrue();
            assertThat(stats.get("latencyMicros").isNull()).isTrue();
        }
    }
}
