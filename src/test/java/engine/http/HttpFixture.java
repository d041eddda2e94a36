package engine.http;

import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.readmodel.EventStoreWriter;
import engine.readmodel.ReadModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** A real engine, read models, event store and HTTP server on a free port, and a real HTTP client. */
final class HttpFixture implements AutoCloseable
{
    static final String ADMIN = "admin-key-0001";
    static final String OPERATOR = "operator-key-0001";
    static final String KEY_1 = "account-key-0001";
    static final String KEY_2 = "account-key-0002";
    static final ApiKeys KEYS = ApiKeys.of(Map.of(ADMIN, "admin", OPERATOR, "operator", KEY_1, "account:1", KEY_2,
        "account:2"));

    final Engine engine;
    final ReadModels models;
    final HttpApi api;
    private final HttpClientFixture client;

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
        client = new HttpClientFixture(api::port);
    }

    URI uri(final String path)
    {
        return client.uri(path);
    }

    Reply get(final String key, final String path)
    {
        return client.get(key, path);
    }

    Reply post(final String key, final String path, final String json)
    {
        return client.post(key, path, json);
    }

    HttpClient client()
    {
        return client.client();
    }

    @Override
    public void close()
    {
        api.close();
        engine.close();
    }
}
