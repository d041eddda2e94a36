package engine.http;

import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every refusal, including those Jetty or Javalin produce before a route runs, answers with the
 * JSON error shape {@code {"error": ...}} and the right status; enum words match in ASCII only.
 */
class HttpErrorShapeTest
{
    private static HttpFixture http;

    @BeforeAll
    static void start()
    {
        http = new HttpFixture(null);
        HttpApiTest.ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}"));
    }

    @AfterAll
    static void stop()
    {
        http.close();
    }

    @Test
    void shouldAnswerAnUnknownPathWith404InJson()
    {
        assertJsonError(send(request("/no/such/path").GET()), 404);
    }

    @Test
    void shouldAnswerAWrongMethodWith405InJson()
    {
        assertJsonError(send(request("/deposits").GET()), 405);
        assertJsonError(send(request("/symbols/BTC-USD/depth").DELETE()), 405);
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413InJson()
    {
        final String body = "{\"pad\":\"" + "x".repeat(200_000) + "\"}";
        assertJsonError(send(request("/orders").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))), 413);
    }

    @Test
    void shouldAnswerAnOverlongUriWith414InJson()
    {
        assertJsonError(send(request("/symbols/BTC-USD/depth?pad=" + "x".repeat(20_000)).GET()), 414);
    }

    @Test
    void shouldAnswerOversizedHeadersWith431InJson()
    {
        assertJsonError(send(request("/symbols/BTC-USD/depth").header("X-Pad", "x".repeat(20_000)).GET()), 431);
    }

    @Test
    void shouldRefuseAStreamForAnUnknownSymbolWith404()
    {
        final JsonNode error = assertJsonError(send(request("/symbols/NOPE/stream?apiKey=" + KEY_1)
            .header("Accept", "text/event-stream").GET()), 404);
        assertThat(error.get("error").asText()).contains("NOPE");
    }

    @Test
    void shouldRefuseAStreamWithoutAKeyWith401()
    {
        assertJsonError(send(anonymous("/symbols/BTC-USD/stream").header("Accept", "text/event-stream").GET()), 401);
        assertJsonError(send(anonymous("/symbols/BTC-USD/stream?apiKey=no-such-key-000")
            .header("Accept", "text/event-stream").GET()), 401);
    }

    @Test
    void shouldRejectEnumWordsThatOnlyLookLikeAsciiOnesWhenUpperCased()
    {
        // U+0131 (dotless i) upper-cases to I in every locale, so "lımıt" would read as LIMIT.
        final HttpFixture.Reply reply = http.post(KEY_1, "/orders",
            "{\"orderId\":1,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"l\u0131m\u0131t\",\"price\":1,\"qty\":1}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(HttpApiTest.json(reply).get("field").asText()).isEqualTo("type");
        final HttpFixture.Reply side = http.post(KEY_1, "/orders",
            "{\"orderId\":1,\"symbol\":\"BTC-USD\",\"side\":\"\u017Fell\",\"type\":\"LIMIT\",\"price\":1,\"qty\":1}");
        assertThat(side.status()).isEqualTo(400);
    }

    @Test
    void shouldStillAcceptEnumWordsInAnyAsciiCase()
    {
        final HttpFixture.Reply reply = http.post(KEY_1, "/orders",
            "{\"orderId\":2,\"symbol\":\"BTC-USD\",\"side\":\"buy\",\"type\":\"Limit\",\"tif\":\"ioc\",\"price\":1,\"qty\":1}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static HttpRequest.Builder request(final String path)
    {
        return anonymous(path).header("X-API-Key", KEY_1);
    }

    private static HttpRequest.Builder anonymous(final String path)
    {
        return HttpRequest.newBuilder(http.uri(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpFixture.Reply send(final HttpRequest.Builder request)
    {
        try
        {
            // A stream that was wrongly opened never ends: read its headers only.
            final HttpResponse<InputStream> response = http.client().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body())
            {
                final boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                final String text = stream ? "(event stream)" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new HttpFixture.Reply(response.statusCode(), text, null);
            }
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode assertJsonError(final HttpFixture.Reply reply, final int status)
    {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).as("the JSON error shape").startsWith("{\"error\":");
        final JsonNode body = HttpApiTest.json(reply);
        assertThat(body.get("error").asText()).as(reply.body()).isNotBlank();
        return body;
    }
}
