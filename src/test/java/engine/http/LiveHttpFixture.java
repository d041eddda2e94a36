package engine.http;

import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.readmodel.ReadModels;
import engine.server.LiveEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A live, journaling engine with the HTTP front end over a data directory, wired as
 * {@code serve --http} wires it (the keys file must be in the directory), and a real HTTP client.
 */
final class LiveHttpFixture implements AutoCloseable
{
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    final LiveEngine live;
    final HttpFrontEnd front;
    final HttpClientFixture http;

    LiveHttpFixture(final Path data) throws Exception
    {
        this(data, ReadModels.Retention.defaults());
    }

    LiveHttpFixture(final Path data, final ReadModels.Retention retention) throws Exception
    {
        final LiveEngine.Builder builder = LiveEngine.builder(data).snapshotEvery(0).log(QUIET)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build());
        front = HttpFrontEnd.prepare(data, EngineConfig.live().timeUnitNanos(), retention, builder, false);
        live = builder.start();
        front.start(live.engine(), HttpEndpoint.plain(HttpEndpoint.LOOPBACK, 0));
        http = new HttpClientFixture(front::port);
    }

    /** Writes {@link HttpFixture}'s keys (admin, operator, accounts 1 and 2) to {@code data}'s keys file. */
    static void writeKeys(final Path data) throws IOException
    {
        Files.writeString(data.resolve(ApiKeys.FILE_NAME), HttpFixture.ADMIN + "=admin\n" + HttpFixture.OPERATOR + "=operator\n" +
            HttpFixture.KEY_1 +
            "=account:1\n" + HttpFixture.KEY_2 + "=account:2\n");
    }

    @Override
    public void close()
    {
        front.close();
        live.close();
    }
}
