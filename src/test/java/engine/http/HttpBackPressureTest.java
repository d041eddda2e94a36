package engine.http;

import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.EventBatch;
import engine.core.WaitStrategyType;
import engine.readmodel.ReadModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A full ring answers 503 with a retry hint, and every command it did take is applied. */
class HttpBackPressureTest
{
    @Test
    void shouldAnswer503WhenTheRingIsFullAndDropNothingAccepted() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        // A stuck output handler: the output ring fills, then the BLP stalls, then the ingress ring.
        final EventHandler<EventBatch> stuck = (batch, sequence, endOfBatch) -> release.await();
        final EngineConfig config = EngineConfig.live().toBuilder().ingressRingSize(4).outputRingSize(2)
            .waitStrategy(WaitStrategyType.SLEEPING).build();
        final ReadModels models = new ReadModels(config.timeUnitNanos());
        final Engine.Builder builder = Engine.builder(config);
        models.handlers().forEach(builder::outputHandler);
        final Engine engine = builder.outputHandler(stuck).start();
        try (HttpApi api = HttpApi.start(engine, models, HttpFixture.KEYS, 0))
        {
            final HttpClient client = HttpClient.newHttpClient();
            final List<Long> accepted = new ArrayList<>();
            HttpResponse<String> busy = null;
            for (int i = 0; i < 100 && busy == null; i++)
            {
                final HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + api.port() + "/deposits?wait=false"))
                    .header("X-API-Key", OPERATOR)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"account\":1,\"asset\":\"USD\",\"amount\":10}")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 503)
                {
                    busy = r;
                }
                else
                {
                    assertThat(r.statusCode()).isEqualTo(202);
                    accepted.add(HttpApiTest.json(new HttpFixture.Reply(r.statusCode(), r.body(), r)).get("seq").asLong());
                }
            }
            assertThat(busy).as("a full ring answers 503").isNotNull();
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.body()).contains("\"error\"");
            release.countDown();
            final long last = accepted.get(accepted.size() - 1);
            models.awaitApplied(last, 10_000);
            final HttpResponse<String> balances = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + api.port() + "/accounts/1/balances?minSeq=" + last))
                .header("X-API-Key", KEY_1).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(balances.body()).contains("\"available\":" + 10L * accepted.size());
        }
        finally
        {
            release.countDown();
            engine.close();
        }
    }
}
