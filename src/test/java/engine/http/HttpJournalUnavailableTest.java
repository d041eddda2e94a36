package engine.http;

import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.readmodel.ReadModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** While the journal cannot be written, commands get 503 with the reason and queries are answered. */
class HttpJournalUnavailableTest
{
    @Test
    void shouldAnswerCommandsWith503AndTheReasonWhileQueriesGoOn() throws Exception
    {
        final EngineConfig config = EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build();
        final ReadModels models = new ReadModels(config.timeUnitNanos());
        final Engine.Builder builder = Engine.builder(config);
        models.handlers().forEach(builder::outputHandler);
        final Engine engine = builder.start();
        final AtomicReference<String> refusal = new AtomicReference<>();
        try (HttpApi api = HttpApi.start(engine, refusal::get, models, HttpFixture.KEYS,
            HttpEndpoint.plain(HttpEndpoint.LOOPBACK, 0)))
        {
            final HttpClient client = HttpClient.newHttpClient();
            final HttpRequest deposit = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + "/deposits"))
                .header("X-API-Key", OPERATOR)
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":1,\"asset\":\"USD\",\"amount\":10,\"requestId\":\"r1\"}"))
                .build();
            refusal.set("journal unavailable: disk full: only 0 bytes free");

            final HttpResponse<String> refused = client.send(deposit, HttpResponse.BodyHandlers.ofString());
            final HttpResponse<String> query = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + api.port() + "/accounts/1/balances")).header("X-API-Key", KEY_1).build(),
                HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("journal unavailable: disk full");
            assertThat(query.statusCode()).isEqualTo(200);
            refusal.set(null);
            final HttpResponse<String> retried = client.send(deposit, HttpResponse.BodyHandlers.ofString());
            assertThat(retried.statusCode()).as("the refused request id was not used up").isEqualTo(200);
        }
        finally
        {
            engine.close();
        }
    }
}
