package engine.cli;

import engine.http.ApiKeys;
import engine.core.EventBatch;
import engine.http.HttpApi;
import engine.http.Identities;
import engine.readmodel.EventStoreFormat;
import engine.http.HttpEndpoint;
import engine.readmodel.EventStoreReader;
import engine.journal.DirectoryLock;
import engine.journal.JournalDirectory;
import engine.journal.JournalException;
import engine.journal.JournalLookup;
import engine.readmodel.Projector;
import engine.readmodel.ReadModelSnapshots;
import engine.readmodel.ReadModels;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engine project --events DIR --http PORT}: the read models in their own JVM, fed by
 * tailing the event store, serving the same queries as {@code serve --http} (read-only).
 * Starts from the newest valid read-model snapshot in {@code DIR/readmodel-snapshots} unless
 * {@code --from-start}; {@code --snapshot-every N} writes one every N applied commands.
 */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = {"Tails an event store (DATA/events) into the read models and serves their queries over HTTP.",
        "Starts from the newest valid read-model snapshot (DIR/" + ReadModelSnapshots.DIR_NAME + ") unless --from-start.",
        "Prints 'project: http port N' once serving; runs until stopped."})
final class ProjectCommand implements Callable<Integer>
{
    private static final int KEEP_SNAPSHOTS = 3;

    @Option(names = "--events", required = true, paramLabel = "DIR", description = "the event store (DATA/events)")
    private Path events;

    @Option(names = "--http", required = true, paramLabel = "PORT", description = "HTTP port (0: any free port)")
    private int port;

    @Option(names = "--host", defaultValue = HttpEndpoint.LOOPBACK,
        description = "address to listen on, 0.0.0.0 for every interface (default ${DEFAULT-VALUE})")
    private String host;

    @Mixin
    private HttpListenOptions httpListen;

    @Option(names = "--keys", paramLabel = "FILE",
        description = "API keys file (default: api-keys.properties next to the event store)")
    private Path keys;

    @Option(names = "--time-unit-nanos", paramLabel = "N", defaultValue = "1000000",
        description = "unit of command timestamps, for candles (default ${DEFAULT-VALUE}: ms)")
    private long timeUnitNanos;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "0",
        description = "write a read-model snapshot every N applied commands (default 0: never)")
    private long snapshotEvery;

    @Option(names = "--from-start", description = "ignore read-model snapshots and replay the event store from the start")
    private boolean fromStart;

    @Option(names = "--journal", paramLabel = "DATA", description = {"the engine's data directory, read (never written) "
        + "for the commands' full text", "in the command queries (without it their text is null)"})
    private Path journal;

    @Mixin
    private RetentionOptions retention;

    @Override
    public Integer call() throws Exception
    {
        if (!EventStoreFormat.isCurrent(events))
        {
            System.err.println("project: event store " + events + " has another format than this build's (" +
                EventStoreFormat.FORMAT + "); start the engine on its data directory, or run 'scripts/engine journal " +
                "rebuild-events DATA', to regenerate it from the journal");
            return 1;
        }
        final Path keyFile = keys != null ? keys :
            events.toAbsolutePath().getParent().resolve(ApiKeys.FILE_NAME);
        final DirectoryLock owner;
        try
        {
            // Two projections writing snapshots into one directory would prune each other's files.
            owner = snapshotEvery > 0 ? DirectoryLock.acquire(events.resolve(ReadModelSnapshots.DIR_NAME),
                "project --snapshot-every") : null;
        }
        catch (final JournalException e)
        {
            System.err.println("project: cannot start: " + e.getMessage());
            return 1;
        }
        final ReadModelSnapshots snapshots = new ReadModelSnapshots(events.resolve(ReadModelSnapshots.DIR_NAME),
            message -> System.err.println("project: " + message), KEEP_SNAPSHOTS);
        final ReadModels.Retention keep;
        try
        {
            keep = retention.retention();
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("project: " + e.getMessage());
            return 2;
        }
        ReadModels models = null;
        long startSeq = 0;
        if (!fromStart)
        {
            final Optional<ReadModelSnapshots.Restored> restored = snapshots.restoreNewest(timeUnitNanos, keep);
            if (restored.isPresent())
            {
                models = restored.get().models();
                startSeq = restored.get().seq();
                System.err.println("project: starting from read-model snapshot " + restored.get().file() +
                    " (seq " + startSeq + ")");
            }
        }
        if (models == null)
        {
            models = new ReadModels(timeUnitNanos, keep);
            System.err.println("project: replaying the event store from the start");
        }
        final ReadModels fed = models;
        // Request and client order ids are not in read-model snapshots: learned from every stored command.
        final Identities ids = new Identities();
        final Consumer<EventBatch> apply = batch ->
        {
            ids.learn(batch);
            fed.accept(batch);
        };
        try (DirectoryLock held = owner;
            EventStoreReader reader = new EventStoreReader(events);
            JournalLookup texts = journal == null ? null : JournalLookup.of(JournalDirectory.of(journal));
            HttpApi api = HttpApi.startReadOnly(fed, ApiKeys.load(keyFile), httpListen.endpoint(host, port), ids, texts))
        {
            reader.skipThrough(startSeq, ids::learn);
            final Projector projector = new Projector(reader, apply, fed, snapshots, snapshotEvery,
                message -> System.err.println("project: " + message));
            // Tailing a Chronicle queue is polling: back off to 1 ms sleeps once the store is
            // drained, so an idle projection costs almost no CPU and a busy one never sleeps.
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 1_000_000),
                error ->
                {
                    failure.compareAndSet(null, error);
                    System.err.println("project: " + (error.getCause() != null ? error.getCause() : error));
                }, null, projector);
            final Thread feeding = AgentRunner.startOnThread(runner);
            System.out.println("project: http port " + api.port());
            System.out.flush();
            try
            {
                feeding.join();
            }
            finally
            {
                runner.close();
            }
            return failure.get() == null ? 0 : 1;
        }
    }
}
