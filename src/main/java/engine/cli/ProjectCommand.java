package engine.cli;

import engine.http.ApiKeys;
import engine.http.HttpApi;
import engine.readmodel.EventStoreReader;
import engine.readmodel.ReadModels;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine project --events DIR --http PORT}: the read models in their own JVM, fed by
 * tailing the event store, serving the same queries as {@code serve --http} (read-only).
 */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = {"Tails an event store (DATA/events) into the read models and serves their queries over HTTP.",
        "Prints 'project: http port N' once serving; runs until stopped."})
final class ProjectCommand implements Callable<Integer>
{
    @Option(names = "--events", required = true, paramLabel = "DIR", description = "the event store (DATA/events)")
    private Path events;

    @Option(names = "--http", required = true, paramLabel = "PORT", description = "HTTP port (0: any free port)")
    private int port;

    @Option(names = "--keys", paramLabel = "FILE",
        description = "API keys file (default: api-keys.properties next to the event store)")
    private Path keys;

    @Option(names = "--time-unit-nanos", paramLabel = "N", defaultValue = "1000000",
        description = "unit of command timestamps, for candles (default ${DEFAULT-VALUE}: ms)")
    private long timeUnitNanos;

    @Override
    public Integer call() throws Exception
    {
        final Path keyFile = keys != null ? keys :
            events.toAbsolutePath().getParent().resolve(ApiKeys.FILE_NAME);
        final ReadModels models = new ReadModels(timeUnitNanos);
        try (EventStoreReader reader = new EventStoreReader(events);
            HttpApi api = HttpApi.startReadOnly(models, ApiKeys.load(keyFile), port))
        {
            System.out.println("project: http port " + api.port());
            System.out.flush();
            while (!Thread.currentThread().isInterrupted())
            {
                if (reader.poll(models::accept, 4096) == 0)
                {
                    // At the end of the store: poll again shortly (Chronicle tailing is polling).
                    LockSupport.parkNanos(500_000);
                }
            }
        }
        return 0;
    }
}
