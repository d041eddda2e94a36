package engine.http;

import com.lmax.disruptor.EventHandler;
import engine.app.Engine;
import engine.core.EventBatch;
import engine.journal.JournalWriter;
import engine.readmodel.EventStoreReader;
import engine.readmodel.EventStoreWriter;
import engine.readmodel.ReadModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The HTTP side of {@code serve --http}: read models and the event store as output handlers,
 * and the HTTP server once the engine runs. Two calls from the server's wiring:
 * <pre>
 * HttpFrontEnd http = HttpFrontEnd.prepare(dataDir, timeUnitNanos, liveBuilder::outputHandler,
 *     liveBuilder::journaledHandler);
 * LiveEngine live = liveBuilder.start();
 * http.start(live.engine(), HttpEndpoint.plain("127.0.0.1", port));
 * </pre>
 * Recovery replays the journal with output suppressed, so the read models first catch up from
 * the event store ({@code DIR/events}); the store's writer skips commands it already holds.
 */
public final class HttpFrontEnd implements AutoCloseable
{
    /** The event store inside the data directory. */
    public static final String EVENTS_DIR = "events";
    private final ApiKeys keys;
    private final ReadModels models;
    private HttpApi api;

    private HttpFrontEnd(final ApiKeys keys, final ReadModels models)
    {
        this.keys = keys;
        this.models = models;
    }

    /**
     * Reads the API keys ({@code DIR/api-keys.properties}), builds the read models, replays the
     * event store into them, and registers the event store writer through {@code addJournaledHandler}
     * (so the store never holds a command the journal lost) and the read models through the same,
     * or through {@code addOutputHandler} when {@code modelsOwnThread}; call before the engine starts.
     *
     * @throws IOException when the keys file is missing or unreadable (a bad line: IllegalArgumentException)
     */
    public static HttpFrontEnd prepare(final Path dataDir, final long timeUnitNanos,
        final Consumer<EventHandler<EventBatch>> addOutputHandler,
        final Consumer<EventHandler<EventBatch>> addJournaledHandler, final boolean modelsOwnThread) throws IOException
    {
        return prepare(dataDir, timeUnitNanos, ReadModels.Retention.defaults(), addOutputHandler, addJournaledHandler,
            modelsOwnThread);
    }

    /**
     * As {@link #prepare(Path, long, Consumer, Consumer, boolean)}, with read models that keep
     * {@code retention}.
     */
    public static HttpFrontEnd prepare(final Path dataDir, final long timeUnitNanos,
        final ReadModels.Retention retention, final Consumer<EventHandler<EventBatch>> addOutputHandler,
        final Consumer<EventHandler<EventBatch>> addJournaledHandler, final boolean modelsOwnThread) throws IOException
    {
        final Path keyFile = dataDir.resolve(ApiKeys.FILE_NAME);
        if (!Files.isRegularFile(keyFile))
        {
            throw new IOException("--http needs an API keys file, " + keyFile + " (see docs/HTTP-API.md)");
        }
        final ApiKeys keys = ApiKeys.load(keyFile);
        final ReadModels models = new ReadModels(timeUnitNanos, retention);
        final Path events = dataDir.resolve(EVENTS_DIR);
        if (Files.isDirectory(events))
        {
            try (EventStoreReader reader = new EventStoreReader(events))
            {
                while (reader.poll(models::accept, 4096) > 0)
                {
                    // Catching up: everything stored before this start.
                }
            }
        }
        addJournaledHandler.accept(new EventStoreWriter(events));
        // All five models share one handler: on the I/O thread by default (they then show only
        // journaled commands, like every other answer), or on one thread of their own.
        (modelsOwnThread ? addOutputHandler : addJournaledHandler).accept(models.singleHandler());
        return new HttpFrontEnd(keys, models);
    }

    /** Starts serving commands to {@code engine} and queries on {@code endpoint} (port 0: any free port). */
    public void start(final Engine engine, final HttpEndpoint endpoint)
    {
        start(engine, null, endpoint);
    }

    /** As {@link #start(Engine, HttpEndpoint)}; the dashboard's engine panel also shows {@code journal}'s mode and lag. */
    public void start(final Engine engine, final JournalWriter journal, final HttpEndpoint endpoint)
    {
        final long recovered = engine.nextSeq() - 1;
        if (models.appliedSeq() != recovered)
        {
            // The store is written only after the journal, so it can lag (a crash between the two,
            // or a journal written without --http) but not lead unless the journal was replaced.
            // Either way the read models do not describe the recovered state.
            System.err.println("http: event store ends at seq " + models.appliedSeq() + " but the journal at " +
                recovered + "; read models may be wrong until " + EVENTS_DIR + " is rebuilt");
        }
        api = HttpApi.start(engine, journal, models, keys, endpoint);
    }

    public ReadModels models()
    {
        return models;
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
    }
}
