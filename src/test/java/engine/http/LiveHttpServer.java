package engine.http;

import engine.app.EngineConfig;
import engine.saga.ExternalWallet;
import engine.saga.TransferWorker;
import engine.server.LiveEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The wiring of {@code serve --http} (a recovering, journaling engine plus the HTTP front end)
 * over one data directory, in this JVM, so a test can stop it and start it again on the same
 * port and data, as an operator restarting the server would.
 */
final class LiveHttpServer implements AutoCloseable
{
    static final String ADMIN = "admin-key-0001";
    static final String OPERATOR = "operator-key-0001";
    static final String KEY_1 = "account-key-0001";
    static final String KEY_2 = "account-key-0002";
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final LiveEngine live;
    private final HttpFrontEnd http;
    private final TransferWorker worker;

    private LiveHttpServer(final Path data, final int port, final ExternalWallet wallet) throws IOException
    {
        // The live defaults, as serve uses them (parking waits: an idle server leaves the machine to the browser).
        final EngineConfig config = EngineConfig.live();
        final LiveEngine.Builder builder = LiveEngine.builder(data).config(config).snapshotEvery(0).log(QUIET);
        http = HttpFrontEnd.prepare(data, config.timeUnitNanos(), builder, false);
        worker = wallet == null ? null : TransferWorker.attach(builder, wallet, QUIET);
        live = builder.start();
        if (worker != null)
        {
            worker.start(live);
        }
        http.start(live.engine(), live::refusal, live.journal(), HttpEndpoint.plain(HttpEndpoint.LOOPBACK, port));
    }

    /** Like {@link #create(Path)}, with the withdrawal transfer worker calling {@code wallet} (serve --wallet). */
    static LiveHttpServer create(final Path data, final ExternalWallet wallet) throws IOException
    {
        writeKeys(data);
        return new LiveHttpServer(data, freePort(), wallet);
    }

    /** Writes the API keys into a fresh {@code data} and starts on a free port. */
    static LiveHttpServer create(final Path data) throws IOException
    {
        writeKeys(data);
        return start(data, freePort());
    }

    private static void writeKeys(final Path data) throws IOException
    {
        Files.writeString(data.resolve("api-keys.properties"), ADMIN + " = admin\n" + OPERATOR + " = operator\n" + KEY_1 +
            " = account:1\n" + KEY_2 + " = account:2\n");
    }

    /** Recovers the engine in {@code data} and serves it on {@code port}. */
    static LiveHttpServer start(final Path data, final int port) throws IOException
    {
        return new LiveHttpServer(data, port, null);
    }

    int port()
    {
        return http.port();
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close()
    {
        http.close();
        if (worker != null)
        {
            worker.close();
        }
        live.close();
    }
}
