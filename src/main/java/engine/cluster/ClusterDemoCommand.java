package engine.cluster;

import engine.http.ApiKeys;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine cluster-demo}: three members as three processes on this machine, each with its
 * own directory, the line gateway in this process as their client, and a small load through it;
 * then every member's seq and state hash at one place in the log. With {@code --compare-serve}
 * the same load also runs against a single-process {@code serve}, for the cost of replication.
 */
@Command(name = "cluster-demo", mixinStandardHelpOptions = true,
    description = "Start a three-member engine cluster on this machine (HTTP on each member), a TCP line gateway in front "
        + "of it, and a small load.")
public final class ClusterDemoCommand implements Callable<Integer>
{
    @Option(names = "--dir", paramLabel = "DIR", description = "where the members keep their files (default: a new temporary directory)")
    private Path dir;

    @Option(names = "--port-base", defaultValue = "9000", paramLabel = "PORT", description = "member ports base (default ${DEFAULT-VALUE})")
    private int portBase;

    @Option(names = "--port", defaultValue = "7101", paramLabel = "PORT", description = "the gateway's TCP port (default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--http-base", defaultValue = "8100", paramLabel = "PORT",
        description = "member i serves HTTP on PORT + i, on 127.0.0.1 (default ${DEFAULT-VALUE}); 0 for no HTTP")
    private int httpBase;

    @Option(names = "--orders", defaultValue = "5000", paramLabel = "N", description = "orders in the load (default ${DEFAULT-VALUE})")
    private int orders;

    @Option(names = "--window", defaultValue = "64", paramLabel = "N",
        description = "commands the load keeps outstanding (default ${DEFAULT-VALUE})")
    private int window;

    @Option(names = "--compare-serve", description = "run the same load against a single-process serve too")
    private boolean compareServe;

    @Option(names = "--keep-running", description = "after the load, keep the cluster and the gateway up until interrupted")
    private boolean keepRunning;

    @Override
    public Integer call() throws Exception
    {
        final Path root = dir != null ? dir : Files.createTempDirectory("engine-cluster-demo-");
        final ClusterLayout layout = ClusterLayout.parse("localhost,localhost,localhost", portBase);
        final List<Process> members = new ArrayList<>();
        final String operatorKey = httpBase > 0 ? demoKey() : null;
        try
        {
            for (int i = 0; i < 3; i++)
            {
                final Path memberDir = root.resolve("member-" + i);
                Files.createDirectories(memberDir);
                final List<String> args = new ArrayList<>(List.of("cluster", "--node", Integer.toString(i),
                    "--members", "localhost,localhost,localhost", "--port-base", Integer.toString(portBase),
                    "--dir", memberDir.toString()));
                if (operatorKey != null)
                {
                    Files.writeString(memberDir.resolve(ApiKeys.FILE_NAME), "# cluster-demo's operator key\n" + operatorKey +
                        " = operator\n", StandardCharsets.UTF_8);
                    args.addAll(List.of("--http", Integer.toString(httpBase + i)));
                }
                members.add(new ProcessBuilder(ChildJvm.command("-Xmx256m", args.toArray(new String[0])))
                    .redirectErrorStream(true).redirectOutput(memberDir.resolve("out.log").toFile()).start());
            }
            System.out.println("cluster-demo: three members starting under " + root);
            try (EngineClusterClient client = new EngineClusterClient(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                layout, "localhost", System.err);
                ClusterLineGateway gateway = new ClusterLineGateway(client, "127.0.0.1", port, System.err))
            {
                final EngineClusterClient.Status up = client.status().get(180, TimeUnit.SECONDS);
                System.out.println("cluster-demo: cluster up, leader is member " + up.leader() + "; gateway on 127.0.0.1:" +
                    gateway.port() + " (the serve line protocol)");
                final LineLoad.Result cluster = LineLoad.run("127.0.0.1", gateway.port(), LineLoad.lines(orders, 10, 1), window);
                System.out.println("cluster (3 members): " + cluster);
                final EngineClusterClient.Status status = client.status().get(60, TimeUnit.SECONDS);
                System.out.println("cluster-demo: leader at seq " + status.seq() + ", state hash " + Long.toHexString(status.stateHash()));
                boolean agree = true;
                for (int i = 0; i < 3; i++)
                {
                    final String line = awaitStatusLine(root.resolve("member-" + i).resolve("status.log"), status.seq());
                    System.out.println("  " + line);
                    agree &= line.contains("hash " + Long.toHexString(status.stateHash()));
                }
                System.out.println("cluster-demo: the three members " + (agree ? "agree" : "DISAGREE"));
                if (operatorKey != null)
                {
                    awaitHttp(root);
                    printHttp(operatorKey, status.seq());
                }
                if (compareServe)
                {
                    System.out.println("serve (1 process): " + runAgainstServe(root));
                }
                if (keepRunning)
                {
                    System.out.println("cluster-demo: running; Ctrl-C stops the gateway and the members");
                    final CountDownLatch stop = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    {
                        // The JVM may end before the finally block below runs: the members must not outlive it.
                        members.forEach(Process::destroy);
                        stop.countDown();
                    }));
                    stop.await();
                }
                return agree ? 0 : 1;
            }
        }
        finally
        {
            for (final Process member : members)
            {
                member.destroy();
            }
            for (final Process member : members)
            {
                member.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** A fresh operator key for this demo's members (written to each member's api-keys.properties). */
    private static String demoKey()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "demo-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    /** Members open HTTP once their read side and cluster client are up, which can take a while on a busy machine. */
    private void awaitHttp(final Path root) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < 3; i++)
        {
            while (true)
            {
                try (Socket probe = new Socket("127.0.0.1", httpBase + i))
                {
                    break;
                }
                catch (final IOException notYet)
                {
                    if (System.nanoTime() > deadline)
                    {
                        System.out.println("cluster-demo: member " + i + " HTTP not up yet; see " +
                            root.resolve("member-" + i).resolve("out.log"));
                        break;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private void printHttp(final String operatorKey, final long seq)
    {
        System.out.println("cluster-demo: HTTP on every member (queries from its own read models, commands through the cluster),");
        System.out.println("  operator key " + operatorKey + ":");
        for (int i = 0; i < 3; i++)
        {
            System.out.println("  member " + i + ": http://127.0.0.1:" + (httpBase + i) + "/");
        }
        System.out.println("  e.g. curl -H 'X-API-Key: " + operatorKey + "' 'http://127.0.0.1:" + (httpBase + 1) +
            "/symbols/DEMO-USD/depth?minSeq=" + seq + "'");
    }

    /** Each member logs its own seq and hash when it applies the status query: the same place in the log on every member. */
    private static String awaitStatusLine(final Path log, final long seq) throws IOException, InterruptedException
    {
        final String wanted = "status: seq " + seq + " ";
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            if (Files.exists(log))
            {
                for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8))
                {
                    if (line.contains(wanted))
                    {
                        return line;
                    }
                }
            }
            Thread.sleep(100);
        }
        return log + ": no status at seq " + seq;
    }

    private LineLoad.Result runAgainstServe(final Path root) throws IOException, InterruptedException
    {
        final int servePort = port + 1;
        final Process serve = new ProcessBuilder(ChildJvm.command("-Xmx512m", "serve", "--data", root.resolve("serve").toString(),
            "--port", Integer.toString(servePort)))
            .redirectErrorStream(true).redirectOutput(root.resolve("serve.log").toFile()).start();
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true)
            {
                try (Socket probe = new Socket("127.0.0.1", servePort))
                {
                    break;
                }
                catch (final IOException notYet)
                {
                    if (System.nanoTime() > deadline || !serve.isAlive())
                    {
                        throw new IOException("serve did not start: see " + root.resolve("serve.log"));
                    }
                    Thread.sleep(200);
                }
            }
            return LineLoad.run("127.0.0.1", servePort, LineLoad.lines(orders, 10, 1), window);
        }
        finally
        {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
