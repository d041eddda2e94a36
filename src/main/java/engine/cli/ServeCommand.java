package engine.cli;

import engine.api.SelfTradePrevention;
import engine.app.CpuAffinity;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.fix.FixFrontEnd;
import engine.format.CommandFileParser;
import engine.http.HttpEndpoint;
import engine.http.HttpFrontEnd;
import engine.journal.Durability;
import engine.journal.JournalException;
import engine.server.LineServer;
import engine.saga.SimulatedWallet;
import engine.saga.WalletLedger;
import engine.saga.TransferWorker;
import engine.server.LiveEngine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engine serve --data DIR}: recovers (or starts) the engine whose journal and snapshots
 * live in DIR and serves the line protocol of {@link LineServer} over TCP. Prints one line
 * {@code READY,port=<port>,seq=<last seq>,hash=<state hash>} (then {@code ,http=<port>} with {@code --http}) on
 * standard output once it accepts clients.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Starts or recovers a live engine journaling to DIR; clients send command-file lines over TCP",
        "and get the canonical event lines of each command, then OK,<seq>, once it is journaled."})
final class ServeCommand implements Callable<Integer>
{
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "journal and snapshot directory")
    private Path data;

    @Option(names = "--port", defaultValue = "7001", description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--durability", paramLabel = "MODE", defaultValue = "async",
        description = "async (survives kill -9) or sync (forced to disk per batch; default ${DEFAULT-VALUE})")
    private String durability;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "1000000",
        description = "snapshot every N commands, 0 for only on demand and at shutdown (default ${DEFAULT-VALUE})")
    private long snapshotEvery;

    @Option(names = "--timer-ms", paramLabel = "MS", defaultValue = "100",
        description = {"how often the engine timer checks for due GTD expiries and withdrawal deadlines and then",
            "submits a TICK (journaled like any command); 0 for no timer (default ${DEFAULT-VALUE})"})
    private long timerMillis;

    @Option(names = "--wallet", paramLabel = "BEHAVIOUR",
        description = {"run the withdrawal transfer worker against the simulated external wallet, which pays",
            "(succeed), refuses (fail), never answers (hang), pays but its answer is lost (lost-answer), pays after",
            "a delay (delay:MS) or refuses one new withdrawal in N (fail-every:N), or a behaviour and fail-every:N",
            "(delay:300,fail-every:4); without it",
            "WITHDRAW_REQUEST sagas wait for answers from elsewhere"})
    private String wallet;

    @Option(names = "--wallet-ledger", paramLabel = "FILE",
        description = {"keep the simulated wallet's paid, refused and cancelled keys in FILE, on disk before each answer,",
            "so that it remembers them across restarts as a real payment API does (default: in memory only)"})
    private Path walletLedger;

    @Option(names = "--stp", paramLabel = "MODE", defaultValue = "NONE",
        description = "self-trade prevention of a new journal: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private SelfTradePrevention stp;

    @Option(names = "--recover-to-last-good",
        description = "on a corrupt journal or snapshot, recover up to the last good entry instead of refusing to start")
    private boolean salvage;

    @Option(names = "--http", paramLabel = "PORT",
        description = "also serve the HTTP/JSON API (docs/HTTP-API.md) on PORT; keys in DIR/api-keys.properties")
    private Integer httpPort;

    @Option(names = "--fix", paramLabel = "PORT",
        description = "also accept FIX 4.4 clients (docs/FIX.md) on PORT; sessions in DIR/fix-sessions.properties")
    private Integer fixPort;

    @Option(names = "--wait", paramLabel = "STRATEGY", defaultValue = "BACKOFF",
        description = {"how the engine threads wait for work: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE},",
            "which parks when idle; YIELDING and BUSY_SPIN keep a core per engine thread busy, see docs/THREADS.md)"})
    private WaitStrategyType wait;

    @Option(names = "--pin", paramLabel = "ROLE=CPU,...",
        description = "pin engine threads to CPUs, roles blp, io, output (e.g. blp=1,io=0); default: the OS places them")
    private String pin;

    @Option(names = "--read-models-thread",
        description = "run the read models on a thread of their own instead of the I/O thread (needs a spare core)")
    private boolean readModelsThread;

    @Mixin
    private HttpListenOptions httpListen;

    @Mixin
    private RetentionOptions retention;

    @Override
    public Integer call() throws Exception
    {
        ChronicleLogging.quiet();
        final LiveEngine live;
        final HttpFrontEnd http;
        final FixFrontEnd fix;
        final HttpEndpoint httpEndpoint;
        final TransferWorker worker;
        try
        {
            httpEndpoint = httpPort == null ? null : httpListen.endpoint(host, httpPort);
            final EngineConfig config = EngineConfig.live().toBuilder().waitStrategy(wait)
                .affinity(CpuAffinity.parse(pin)).build();
            final LiveEngine.Builder builder = LiveEngine.builder(data).config(config).durability(Durability.parse(durability))
                .selfTradePrevention(stp).snapshotEvery(snapshotEvery).recoverToLastGood(salvage)
                .timerResolutionMillis(timerMillis);
            // FIX validates symbols and serves market data from the same read models as HTTP.
            http = httpPort == null && fixPort == null ? null :
                HttpFrontEnd.prepare(data, config.timeUnitNanos(), retention.retention(), builder, readModelsThread);
            fix = fixPort == null ? null :
                FixFrontEnd.prepare(data, http.models(), config.timeUnitNanos(), builder::journaledHandler, System.err);
            worker = wallet == null ? null : TransferWorker.attach(builder, simulatedWallet(), System.err);
            live = builder.start();
        }
        catch (final JournalException | IllegalArgumentException | IllegalStateException | java.io.IOException e)
        {
            System.err.println("serve: cannot start: " + e.getMessage());
            return 1;
        }
        if (worker != null)
        {
            worker.start(live);
        }
        final LineServer server = new LineServer(live, host, port, ServeCommand::decoder, System.err);
        if (httpPort != null)
        {
            http.start(live.engine(), live::refusal, live.journal(), httpEndpoint);
            System.err.println("serve: " + (httpEndpoint.secure() ? "HTTPS" : "HTTP") + " on " + host + ":" + http.port());
        }
        if (fix != null)
        {
            fix.start(live, host, fixPort);
            System.err.println("serve: FIX 4.4 on port " + fixPort);
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                if (fix != null)
                {
                    fix.close();
                }
                if (http != null)
                {
                    http.close();
                }
                server.close();
                if (worker != null)
                {
                    worker.close();
                }
                live.close();
            }
            catch (final Exception e)
            {
                System.err.println("serve: shutdown: " + e);
            }
            stopped.countDown();
        }, "serve-shutdown"));
        System.out.printf("READY,port=%d,seq=%d,hash=%016x%s%n", server.port(), live.recovered().lastSeq(),
            live.recovered().logic().stateHash(), http == null ? "" : ",http=" + http.port());
        System.out.flush();
        System.err.println("serve: listening on " + host + ":" + server.port() + ", journal " + data + " (" +
            durability + ")");
        stopped.await();
        return 0;
    }

    private SimulatedWallet simulatedWallet() throws java.io.IOException
    {
        final SimulatedWallet simulated = SimulatedWallet.configured(wallet);
        return walletLedger == null ? simulated : simulated.ledger(WalletLedger.open(walletLedger));
    }

    private static LineServer.LineDecoder decoder()
    {
        final CommandFileParser parser = new CommandFileParser();
        return (bytes, from, to, into) -> switch (parser.parse(bytes, from, to, into))
        {
            case COMMAND -> null;
            case SKIP -> "";
            case MALFORMED -> parser.error();
        };
    }
}
