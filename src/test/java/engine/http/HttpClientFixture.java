package engine.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import engine.testing.TestSettings;
import java.time.Duration;
import java.util.function.IntSupplier;

/** A real HTTP client for a server on localhost, with an API key per request. */
class HttpClientFixture
{
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TestSettings.timeout(Duration.ofSeconds(5))).build();
    private final IntSupplier port;

    HttpClientFixture(final IntSupplier port)
    {
        this.port = port;
    }

    URI uri(final String path)
    {
        return URI.create("http://localhost:" + port.getAsInt() + path);
    }

    HttpFixture.Reply get(final String key, final String path)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().timeout(TestSettings.timeout(Duration.ofSeconds(20)));
        return send(key, request);
    }

    HttpFixture.Reply post(final String key, final String path, final String json)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TestSettings.timeout(Duration.ofSeconds(20)))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(key, request);
    }

    private HttpFixture.Reply send(final String key, final HttpRequest.Builder request)
    {
        if (key != null)
        {
            request.header("X-API-Key", key);
        }
        try
        {
            final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpFixture.Reply(response.statusCode(), response.body(), response);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client()
    {
        return client;
    }
}
