package engine.cluster;

import engine.api.SelfTradePrevention;
import engine.gateway.ClientOrderIds;
import engine.http.ApiKeys;
import engine.http.HttpApi;
import engine.http.HttpEndpoint;
import engine.http.Identities;
import engine.readmodel.ReadModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine cluster}: runs one member of a replicated engine cluster until killed. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Run one member of a replicated engine cluster (Aeron Cluster: Raft log, elections, snapshots).")
public final class ClusterCommand implements Callable<Integer>
{
    /** Timestamps in the cluster log are milliseconds. */
    private static final long TIME_UNIT_NANOS = 1_000_000;

    @Option(names = "--node", required = true, paramLabel = "N", description = "this member's id: its place in --members, from 0")
    private int node;

    @Option(names = "--members", defaultValue = "localhost,localhost,localhost", paramLabel = "HOST,HOST,HOST",
        description = "every member's host, in member id order (default ${DEFAULT-VALUE})")
    private String members;

    @Option(names = "--port-base", defaultValue = "9000", paramLabel = "PORT",
        description = "member i listens on PORT + 100*i + 1..5 (default ${DEFAULT-VALUE})")
    private int portBase;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "this member's own directory (log, snapshots, status)")
    private Path dir;

    @Option(names = "--stp", paramLabel = "MODE", defaultValue = "NONE",
        description = "self-trade prevention: NONE, CANCEL_RESTING, CANCEL_INCOMING; the same on every member")
    private SelfTradePrevention stp;

    @Option(names = "--snapshot-entries", defaultValue = "100000", paramLabel = "N",
        description = "while leading, snapshot after N log entries since the last snapshot; 0: never by count (default ${DEFAULT-VALUE})")
    private long snapshotEntries;

    @Option(names = "--snapshot-seconds", defaultValue = "600", paramLabel = "S",
        description = "while leading, snapshot S seconds after the last one if the log moved since; 0: never by time"
            + " (default ${DEFAULT-VALUE})")
    private long snapshotSeconds;

    @Option(names = "--http", paramLabel = "PORT",
        description = "serve the HTTP API on PORT: queries from this member's read models, commands through the cluster; "
            + "needs DIR/api-keys.properties")
    private Integer httpPort;

    @Option(names = "--http-host", defaultValue = HttpEndpoint.LOOPBACK, paramLabel = "HOST",
        description = "the address HTTP binds (default ${DEFAULT-VALUE})")
    private String httpHost;

    @Override
    public Integer call() throws Exception
    {
        final ClusterLayout layout = ClusterLayout.parse(members, portBase);
        if (node < 0 || node >= layout.hosts().size())
        {
            System.err.println("cluster: --node " + node + " is not in --members (" + layout.hosts().size() + " members)");
            return 2;
        }
        final Path keyFile = dir.resolve(ApiKeys.FILE_NAME);
        if (httpPort != null && !Files.isRegularFile(keyFile))
        {
            System.err.println("cluster: --http needs an API keys file, " + keyFile + " (see docs/HTTP-API.md)");
            return 2;
        }
        Files.createDirectories(dir);
        final CountDownLatch stop = new CountDownLatch(1);
        // Each member's front end hands out engine order ids from its own slot, so two members never give one id twice.
        final Identities ids = new Identities(new ClientOrderIds(node, layout.hosts().size()));
        try (ClusterReadSide readSide = ClusterReadSide.open(dir, new ReadModels(TIME_UNIT_NANOS), ids, this::say);
            ClusterMember member = startWhenPreviousGone(layout, readSide))
        {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "cluster-shutdown"));
            say("member " + node + " started: " + layout.endpoint(node, ClusterLayout.CLIENT_FACING) + " (ingress), dir " + dir);
            if (httpPort == null)
            {
                stop.await();
                return 0;
            }
            try (EngineClusterClient client = new EngineClusterClient(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                layout, layout.hosts().get(node), System.out);
                HttpApi http = HttpApi.start(new ClusterGateway(client, readSide::appliedSeq), readSide.models(),
                    ApiKeys.load(keyFile), HttpEndpoint.plain(httpHost, httpPort), ids))
            {
                say("member " + node + " http: http://" + httpHost + ":" + http.port() + "/");
                stop.await();
            }
        }
        return 0;
    }

    private void say(final String line)
    {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * Starts the member; a member killed moments ago leaves mark files that look alive for ten
     * seconds, and Aeron refuses to start over them: wait for them to go stale instead of failing.
     */
    private ClusterMember startWhenPreviousGone(final ClusterLayout layout, final AppliedCommands readSide) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true)
        {
            try
            {
                return ClusterMember.start(node, layout, dir, stp, new SnapshotTrigger.Policy(snapshotEntries, snapshotSeconds),
                    readSide, System.out);
            }
            catch (final RuntimeException e)
            {
                if (!String.valueOf(e.getMessage()).contains("active") || System.nanoTime() > deadline)
                {
                    throw e;
                }
                System.out.println("member " + node + ": previous process's mark file still live, waiting (" + e.getMessage() + ")");
                Thread.sleep(1000);
            }
        }
    }
}
