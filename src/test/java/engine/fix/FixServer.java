package engine.fix;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.CommandResult;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.http.HttpFrontEnd;
import engine.server.LiveEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The server side of FIX tests: a journaling live engine over a data directory, its read models,
 * and the FIX acceptor, wired as {@code serve --fix} wires them. Accounts 1 and 2 log on as
 * CLIENT1 and CLIENT2 with their API keys; {@link #stop} and a new instance on the same
 * directory and port is a server restart.
 */
final class FixServer implements AutoCloseable
{
    static final String KEY_1 = "account-key-0001";
    static final String KEY_2 = "account-key-0002";
    static final String OPERATOR = "operator-key-0001";

    final Path dir;
    final int port;
    final LiveEngine live;
    final HttpFrontEnd models;
    final FixFrontEnd fix;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    FixServer(final Path dir, final int port)
    {
        this.dir = dir;
        this.port = port;
        try
        {
            writeConfig(dir);
            final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
            final EngineConfig config = EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING)
                .outputWaitStrategy(WaitStrategyType.SLEEPING).build();
            final LiveEngine.Builder builder = LiveEngine.builder(dir).snapshotEvery(0).log(log).config(config);
            models = HttpFrontEnd.prepare(dir, config.timeUnitNanos(), builder, false);
            fix = FixFrontEnd.prepare(dir, models.models(), config.timeUnitNanos(), builder::journaledHandler, log);
            live = builder.start();
            fix.start(live, "127.0.0.1", port);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        catch (final quickfix.ConfigError e)
        {
            throw new IllegalStateException(e);
        }
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeConfig(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("api-keys.properties"),
            OPERATOR + "=operator\n" + KEY_1 + "=account:1\n" + KEY_2 + "=account:2\n");
        Files.writeString(dir.resolve(FixSessionConfig.FILE_NAME), "CLIENT1=1\nCLIENT2=2\nCLIENT3=3\nCLIENT4=4\n");
    }

    /** Submits a command as the operator would, and waits for its journaled result. */
    CommandResult submit(final Command command)
    {
        try
        {
            return live.engine().submit(command).get(20, TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** Lists {@code symbol} (base/quote assets) and funds accounts 1 and 2 with both assets. */
    void listAndFund(final String symbol, final String base, final String quote)
    {
        submit(new Command().symbol(0, AsciiName.hi(symbol), AsciiName.lo(symbol), AsciiName.hi(base),
            AsciiName.lo(base), AsciiName.hi(quote), AsciiName.lo(quote), 1, 1));
        for (int account = 1; account <= 2; account++)
        {
            submit(new Command().deposit(0, account, AsciiName.hi(quote), AsciiName.lo(quote), 1_000_000_000L));
            submit(new Command().deposit(0, account, AsciiName.hi(base), AsciiName.lo(base), 1_000_000L));
        }
    }

    /** Lists {@code <base>-USD} and funds accounts 1 and 2: a book of its own for one test. */
    String market(final String base)
    {
        final String symbol = base + "-USD";
        listAndFund(symbol, base, "USD");
        return symbol;
    }

    String log()
    {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** Stops the acceptor and the engine (a snapshot is taken, as at a normal shutdown). */
    void stop()
    {
        fix.close();
        live.close();
    }

    @Override
    public void close()
    {
        stop();
    }
}
