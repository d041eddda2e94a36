package engine.http;

import engine.app.Engine;
import engine.journal.JournalDirectory;
import engine.journal.JournalLookup;
import engine.journal.JournalWriter;
import engine.readmodel.EventStoreReader;
import engine.readmodel.ReadModels;
import engine.server.LiveEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The HTTP side of {@code serve --http}: read models as output handlers, and the HTTP server
 * once the engine runs. Two calls from the server's wiring:
 * <pre>
 * HttpFrontEnd http = HttpFrontEnd.prepare(dataDir, timeUnitNanos, liveBuilder, false);
 * LiveEngine live = liveBuilder.start();
 * http.start(live.engine(), HttpEndpoint.plain("127.0.0.1", port));
 * </pre>
 * Recovery replays the journal with output suppressed, so the read models, the request ids and
 * the client order ids are first rebuilt from the event store ({@code DIR/events}), which the
 * engine has by then caught up with the journal.
 */
public final class HttpFrontEnd implements AutoCloseable
{
    private final ApiKeys keys;
    private final ReadModels models;
    private final Identities ids = new Identities();
    /** Commands' full text for the command queries: the journal is the command store. */
    private final JournalLookup texts;
    private HttpApi api;

    private HttpFrontEnd(final ApiKeys keys, final ReadModels models, final JournalLookup texts)
    {
        this.keys = keys;
        this.models = models;
        this.texts = texts;
    }

    /**
     * Reads the API keys ({@code DIR/api-keys.properties}), builds the read models, registers them
     * with {@code live} (one handler for all six: on the I/O thread, so they show only journaled
     * commands like every other answer, or on a thread of their own when {@code modelsOwnThread}),
     * and has the event store replayed into them and into the id tables once it has caught up with
     * the journal; call before the engine starts.
     *
     * @throws IOException when the keys file is missing or unreadable (a bad line: IllegalArgumentException)
     */
    public static HttpFrontEnd prepare(final Path dataDir, final long timeUnitNanos, final LiveEngine.Builder live,
        final boolean modelsOwnThread) throws IOException
    {
        return prepare(dataDir, timeUnitNanos, ReadModels.Retention.defaults(), live, modelsOwnThread);
    }

    /** As {@link #prepare(Path, long, LiveEngine.Builder, boolean)}, with read models that keep {@code retention}. */
    public static HttpFrontEnd prepare(final Path dataDir, final long timeUnitNanos,
        final ReadModels.Retention retention, final LiveEngine.Builder live, final boolean modelsOwnThread) throws IOException
    {
        final Path keyFile = dataDir.resolve(ApiKeys.FILE_NAME);
        if (!Files.isRegularFile(keyFile))
        {
            throw new IOException("--http needs an API keys file, " + keyFile + " (see docs/HTTP-API.md)");
        }
        final ApiKeys keys = ApiKeys.load(keyFile);
        final HttpFrontEnd front = new HttpFrontEnd(keys, new ReadModels(timeUnitNanos, retention),
            JournalLookup.of(JournalDirectory.of(dataDir)));
        live.onEventStoreReady(front::replay);
        if (modelsOwnThread)
        {
            live.outputHandler(front.models.singleHandler());
        }
        else
        {
            live.journaledHandler(front.models.singleHandler());
        }
        return front;
    }

    /** Everything stored before this start, into the id tables and the read models. */
    private void replay(final Path events)
    {
        EventStoreReader.readAll(events, batch ->
        {
            ids.learn(batch);
            models.accept(batch);
        });
    }

    /** Starts serving commands to {@code engine} and queries on {@code endpoint} (port 0: any free port). */
    public void start(final Engine engine, final HttpEndpoint endpoint)
    {
        start(engine, () -> null, null, endpoint);
    }

    /**
     * As {@link #start(Engine, HttpEndpoint)}; commands get 503 with the reason while {@code refusal}
     * gives one (disk full), and the dashboard's engine panel shows {@code journal}'s mode and lag.
     */
    public void start(final Engine engine, final Supplier<String> refusal, final JournalWriter journal,
        final HttpEndpoint endpoint)
    {
        final long recovered = engine.nextSeq() - 1;
        if (models.appliedSeq() != recovered)
        {
            // The engine catches the store up with the journal before it starts, so this is a bug.
            System.err.println("http: WARNING: read models at seq " + models.appliedSeq() + " but the journal at " +
                recovered + "; run 'scripts/engine journal rebuild-events' on the data directory");
        }
        api = HttpApi.start(engine, refusal, journal, texts, models, keys, endpoint, ids);
    }

    public ReadModels models()
    {
        return models;
    }

    /** The request and client order id tables, rebuilt at start; share {@link Identities#orders()} with other front ends. */
    public Identities identities()
    {
        return ids;
    }

    public int port()
    {
        return api.port();
    }

    @Override
    public void close()
    {
        if (api != null)
        {
            api.close();
        }
        texts.close();
    }
}
