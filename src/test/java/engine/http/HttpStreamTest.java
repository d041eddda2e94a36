package engine.http;

import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.KEY_2;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Server-sent events: the current depth on connect, then trades and depth changes as they happen. */
class HttpStreamTest
{
    @Test
    void shouldStreamDepthAndTradesOfASymbol() throws Exception
    {
        try (HttpFixture http = new HttpFixture(null))
        {
            HttpApiTest.ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}"));
            HttpApiTest.ok(http.post(OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":100000}"));
            HttpApiTest.ok(http.post(OPERATOR, "/deposits", "{\"account\":2,\"asset\":\"BTC\",\"amount\":100}"));
            final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            final HttpResponse<Stream<String>> response = http.client().send(
                HttpRequest.newBuilder(http.uri("/symbols/BTC-USD/stream?apiKey=" + KEY_1))
                    .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            final Thread reader = new Thread(() -> response.body().forEach(lines::add));
            reader.setDaemon(true);
            reader.start();
            awaitLine(lines, "event: depth");
            HttpApiTest.ok(http.post(KEY_2, "/orders",
                "{\"orderId\":5,\"symbol\":\"BTC-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":300,\"qty\":5}"));
            assertThat(awaitLine(lines, "\"asks\":[{")).contains("\"price\":300");
            HttpApiTest.ok(http.post(KEY_1, "/orders",
                "{\"orderId\":6,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":2}"));
            awaitLine(lines, "event: trade");
            assertThat(awaitLine(lines, "data:")).contains("\"qty\":2").doesNotContain("OrderId");
        }
    }

    private static String awaitLine(final BlockingQueue<String> lines, final String fragment) throws InterruptedException
    {
        final long deadline = System.nanoTime() + engine.testing.TestSettings.timeout(java.time.Duration.ofSeconds(20)).toNanos();
        while (System.nanoTime() < deadline)
        {
            final String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(fragment))
            {
                return line;
            }
        }
        throw new AssertionError("no stream line with " + fragment);
    }
}
