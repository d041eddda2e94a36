package engine.fix;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import engine.gateway.KnownSymbols;
import engine.http.ApiKeys;
import engine.readmodel.ReadModels;
import engine.server.LiveEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;

/**
 * The FIX 4.4 side of {@code serve --fix}: a QuickFIX/J acceptor, one thread per session, whose
 * sessions are producers of commands like HTTP threads, and a {@link ReportRouter} on the
 * engine's result thread that turns journaled events into reports. Two calls from the wiring:
 * <pre>
 * FixFrontEnd fix = FixFrontEnd.prepare(dataDir, models, timeUnitNanos, liveBuilder::journaledHandler, log);
 * LiveEngine live = liveBuilder.start();
 * fix.start(live, host, port);
 * </pre>
 * Rules of engagement: docs/FIX.md.
 */
public final class FixFrontEnd implements AutoCloseable
{
    /** Reports one session may have queued before the gateway drops and logs it out (SessionOutbox). */
    static final int OUTBOX_CAPACITY = 1 << 16;
    private final Path dataDir;
    private final FixSessionConfig config;
    private final ApiKeys keys;
    private final ReadModels models;
    private final ReportRouter router = new ReportRouter();
    private final ReportEncoder encoder;
    private final long timeUnitNanos;
    private final PrintStream log;
    private final Map<SessionID, FixSession> sessions = new HashMap<>();
    private MarketData marketData;
    private ThreadedSocketAcceptor acceptor;

    private FixFrontEnd(final Path dataDir, final FixSessionConfig config, final ApiKeys keys, final ReadModels models,
        final long timeUnitNanos, final PrintStream log)
    {
        this.dataDir = dataDir;
        this.config = config;
        this.keys = keys;
        this.models = models;
        this.timeUnitNanos = timeUnitNanos;
        this.encoder = new ReportEncoder(timeUnitNanos);
        this.log = log;
    }

    /**
     * Reads {@code DIR/fix-sessions.properties} and {@code DIR/api-keys.properties} and registers
     * the report router as a journaled handler; call before the engine starts.
     *
     * @param models read models fed by the same engine: symbols for validation, depth and trades
     *               for market data
     * @throws IOException when a file is missing or unreadable (a bad line: IllegalArgumentException)
     */
    public static FixFrontEnd prepare(final Path dataDir, final ReadModels models, final long timeUnitNanos,
        final Consumer<EventHandler<EventBatch>> addJournaledHandler, final PrintStream log) throws IOException
    {
        final FixSessionConfig config = FixSessionConfig.load(dataDir);
        final ApiKeys keys = ApiKeys.load(dataDir.resolve(ApiKeys.FILE_NAME));
        final FixFrontEnd fix = new FixFrontEnd(dataDir, config, keys, models, timeUnitNanos, log);
        addJournaledHandler.accept(fix.router);
        return fix;
    }

    /** Accepts FIX clients on {@code host:port}, submitting to {@code engine}. */
    public void start(final LiveEngine engine, final String host, final int port) throws ConfigError
    {
        final SessionSettings settings = config.settings(dataDir, host, port);
        config.accounts().forEach((client, account) ->
        {
            final SessionID id = FixSessionConfig.sessionId(client);
            sessions.put(id, new FixSession(id, account, new SessionOutbox(id, OUTBOX_CAPACITY, encoder, log)));
        });
        final int restored = OrderRecovery.restore(models, sessions.values(), router);
        if (restored > 0)
        {
            log.println("fix: " + restored + " open FIX orders from before the restart tracked again (ClOrdID = OrderID)");
        }
        final OrderDecoder decoder = new OrderDecoder(timeUnitNanos,
            new KnownSymbols(models.depth(), () -> engine.engine().nextSeq() - 1)::contains);
        final OrderEntry orders = new OrderEntry(engine, decoder, new OrderIds(engine.recovered().lastSeq()), router,
            encoder);
        marketData = new MarketData(models, log);
        final FixApplication application = new FixApplication(Map.copyOf(sessions),
            new LogonAuthenticator(keys, config.accounts(), log), orders, marketData, log);
        acceptor = new ThreadedSocketAcceptor(application, new FileStoreFactory(settings), settings,
            new FileLogFactory(settings), new DefaultMessageFactory());
        acceptor.start();
    }

    /** Logs every session out, stops accepting, and sends what the outboxes still hold to the store. */
    @Override
    public void close()
    {
        if (acceptor != null)
        {
            acceptor.stop(true);
        }
        if (marketData != null)
        {
            marketData.close();
        }
        sessions.values().forEach(s -> s.outbox.close());
    }
}
