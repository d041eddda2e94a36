package engine.http;

import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.readmodel.EventStoreWriter;
import engine.readmodel.ReadModels;
import engine.testing.TestSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real engine, read models, event store and HTTP server on a free port, and a real HTTP client. */
final class HttpFixture implements AutoCloseable
{
    static final String OPERATOR = "operator-key-0001";
    static final String KEY_1 = "account-key-0001";
    static final String KEY_2 = "account-key-0002";
    static final ApiKeys KEYS = ApiKeys.of(Map.of(OPERATOR, "operator", KEY_1, "account:1", KEY_2, "account:2"));

    final Engine engine;
    final ReadModels models;
    final HttpApi api;
    private final HttpClient client = HttpClient.newBuilder()
        .connectTimeout(TestSettings.timeout(Duration.ofSeconds(5))).build();

    record Reply(int status, String body, HttpResponse<String> raw)
    {
    }

    HttpFixture(final Path eventStore)
    {
        this(eventStore, EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build());
    }

    HttpFixture(final Path eventStore, final EngineConfig config)
    {
        this(eventStore, config, KEYS);
    }

    HttpFixture(final Path eventStore, final EngineConfig config, final ApiKeys keys)
    {
        models = new ReadModels(config.timeUnitNanos());
        final Engine.Builder builder = Engine.builder(config);
        if (eventStore != null)
        {
            builder.outputHandler(new EventStoreWriter(eventStore));
        }
        models.handlers().forEach(builder::outputHandler);
        engine = builder.start();
        api = HttpApi.start(engine, models, keys, 0);
    }

    URI uri(final String path)
    {
        return URI.create("http://localhost:" + api.port() + path);
    }

    Reply get(final String key, final String path)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET()
            .timeout(TestSettings.timeout(Duration.ofSeconds(20)));
        return send(key, request);
    }

    Reply post(final String key, final String path, final String json)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .timeout(TestSettings.timeout(Duration.ofSeconds(20)))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(key, request);
    }

    private Reply send(final String key, final HttpRequest.Builder request)
    {
        if (key != null)
        {
            request.header("X-API-Key", key);
        }
        try
        {
            final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
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

    @Override
    public void close()
    {
        api.close();
        engine.close();
    }
}
