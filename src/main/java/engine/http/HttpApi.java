package engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import engine.gateway.KnownSymbols;
import engine.app.Engine;
import engine.journal.JournalLookup;
import engine.journal.JournalWriter;
import engine.readmodel.ReadModels;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The HTTP/JSON front end (Javalin): commands go to the engine, queries to the read models,
 * never to business-logic state. Every endpoint needs an API key ({@code X-API-Key} header, or
 * {@code apiKey} query parameter for browsers' EventSource). Shapes: docs/HTTP-API.md.
 */
public final class HttpApi implements AutoCloseable
{
    /** HTTP commands whose latency the engine panel summarises. */
    private static final int LATENCY_SAMPLES = 4096;
    private final Javalin app;
    private final StreamHub hub;

    private HttpApi(final Gateway gateway, final EngineStats stats, final ReadModels models, final ApiKeys keys,
        final HttpEndpoint endpoint, final Identities ids, final JournalLookup journal)
    {
        // A read-only projection has no engine to catch up with: its depth model is as new as it gets.
        final KnownSymbols symbols = new KnownSymbols(models.depth(),
            gateway == null ? models.depth()::appliedSeq : gateway::catchUpSeq);
        final QueryRoutes queries = new QueryRoutes(models, ids, symbols, journal);
        final CommandRoutes commands = gateway == null ? null : new CommandRoutes(gateway, models, ids, queries, symbols);
        final DashboardRoutes dashboard = new DashboardRoutes(models, stats);
        hub = new StreamHub(models);
        app = Javalin.create(cfg ->
        {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.http.prefer405over404 = true;
            cfg.jetty.addConnector((server, httpConfig) -> HttpConnectors.connector(server, httpConfig, endpoint));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            errors(cfg);
            queries(cfg, keys, queries);
            commands(cfg, keys, commands);
            DashboardRoutes.staticFiles(cfg);
            cfg.routes.get("/symbols", secured(keys, dashboard::symbols));
            cfg.routes.get("/me", secured(keys, dashboard::me));
            cfg.routes.get("/engine/stats", secured(keys, dashboard::stats));
            final SseHandler stream = new SseHandler(client ->
                hub.subscribe(QueryRoutes.pathName(client.ctx(), "symbol"), client));
            cfg.routes.get("/symbols/{symbol}/stream", secured(keys, (ctx, caller) ->
            {
                // Refused before the stream starts, so the client gets a status, not a 200 that never ends.
                queries.knownStreamSymbol(ctx);
                stream.handle(ctx);
            }));
        }).start();
    }

    /** Serves commands to {@code engine} and queries from {@code models} (registered as its output handlers). */
    public static HttpApi start(final Engine engine, final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint)
    {
        return start(engine, () -> null, null, models, keys, endpoint, new Identities());
    }

    /**
     * As {@link #start(Engine, ReadModels, ApiKeys, HttpEndpoint)}; commands get 503 with the reason
     * while {@code refusal} gives one (the journal cannot be written).
     */
    public static HttpApi start(final Engine engine, final Supplier<String> refusal, final ReadModels models,
        final ApiKeys keys, final HttpEndpoint endpoint)
    {
        return start(engine, refusal, null, models, keys, endpoint, new Identities());
    }

    /** As {@link #start(Engine, ReadModels, ApiKeys, HttpEndpoint)}, plain HTTP on the loopback interface. */
    public static HttpApi start(final Engine engine, final ReadModels models, final ApiKeys keys, final int port)
    {
        return start(engine, models, keys, HttpEndpoint.plain(HttpEndpoint.LOOPBACK, port));
    }

    /** As {@link #start(Engine, ReadModels, ApiKeys, HttpEndpoint)}, with request and client order ids rebuilt before. */
    public static HttpApi start(final Engine engine, final ReadModels models, final ApiKeys keys,
        final HttpEndpoint endpoint, final Identities ids)
    {
        return start(engine, () -> null, null, models, keys, endpoint, ids);
    }

    /**
     * As {@link #start(Engine, Supplier, ReadModels, ApiKeys, HttpEndpoint)}, with request and client
     * order ids rebuilt before, and {@code journal} (may be null) shown on the dashboard's engine panel.
     */
    public static HttpApi start(final Engine engine, final Supplier<String> refusal, final JournalWriter journal,
        final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint, final Identities ids)
    {
        return start(engine, refusal, journal, null, models, keys, endpoint, ids);
    }

    /**
     * As {@link #start(Engine, Supplier, JournalWriter, ReadModels, ApiKeys, HttpEndpoint, Identities)}, with
     * {@code texts} (may be null) giving the commands' full text to the command queries.
     */
    public static HttpApi start(final Engine engine, final Supplier<String> refusal, final JournalWriter journal,
        final JournalLookup texts, final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint,
        final Identities ids)
    {
        final LatencyWindow latencies = new LatencyWindow(LATENCY_SAMPLES);
        return new HttpApi(new EngineGateway(engine, refusal, latencies), new EngineStats(engine, journal, models, latencies),
            models, keys, endpoint, ids, texts);
    }

    /**
     * Serves commands through {@code gateway} (a cluster client: a member's front end) and queries from
     * {@code models}, which the caller feeds; {@code ids} must learn every command the models apply, before them.
     */
    public static HttpApi start(final Gateway gateway, final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint,
        final Identities ids)
    {
        return new HttpApi(gateway, new EngineStats(gateway::lastSubmittedSeq, null, models, null, System::nanoTime), models,
            keys, endpoint, ids, null);
    }

    /** Serves queries only (a projection process) with order ids as the engine has them; command endpoints answer 405. */
    public static HttpApi startReadOnly(final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint)
    {
        return startReadOnly(models, keys, endpoint, new Identities());
    }

    /**
     * Serves queries only (a projection process); command endpoints answer 405. {@code ids} must
     * learn every command the models apply, before them.
     */
    public static HttpApi startReadOnly(final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint,
        final Identities ids)
    {
        return startReadOnly(models, keys, endpoint, ids, null);
    }

    /** As {@link #startReadOnly(ReadModels, ApiKeys, HttpEndpoint, Identities)}, with commands' text from {@code texts}. */
    public static HttpApi startReadOnly(final ReadModels models, final ApiKeys keys, final HttpEndpoint endpoint,
        final Identities ids, final JournalLookup texts)
    {
        return new HttpApi(null, new EngineStats(null, null, models, null), models, keys, endpoint, ids, texts);
    }

    /** The port actually bound (useful with port 0). */
    public int port()
    {
        return app.port();
    }

    @Override
    public void close()
    {
        hub.close();
        app.stop();
    }

    private static void queries(final JavalinConfig cfg, final ApiKeys keys, final QueryRoutes q)
    {
        cfg.routes.get("/symbols/{symbol}/depth", secured(keys, q::depth));
        cfg.routes.get("/symbols/{symbol}/trades", secured(keys, q::trades));
        cfg.routes.get("/symbols/{symbol}/candles", secured(keys, q::candles));
        cfg.routes.get("/accounts/{account}/balances", secured(keys, q::balances));
        cfg.routes.get("/accounts/{account}/orders", secured(keys, q::openOrders));
        cfg.routes.get("/accounts/{account}/commands", secured(keys, q::accountCommands));
        cfg.routes.get("/orders/{orderId}", secured(keys, q::order));
        cfg.routes.get("/commands", secured(keys, q::commands));
        cfg.routes.get("/commands/{seq}", secured(keys, q::command));
        cfg.routes.get("/commands/by-request/{requestId}", secured(keys, q::commandByRequest));
        cfg.routes.get("/requests/{requestId}", secured(keys, q::request));
        cfg.routes.get("/withdrawals", secured(keys, q::withdrawals));
        cfg.routes.get("/withdrawals/{withdrawalId}", secured(keys, q::withdrawal));
    }

    private static void commands(final JavalinConfig cfg, final ApiKeys keys, final CommandRoutes c)
    {
        final BiConsumer<Context, ApiKeys.Principal> readOnly = (ctx, caller) ->
        {
            throw new ApiError(405, null, "this server is a read-only projection; send commands to the engine");
        };
        cfg.routes.post("/orders", secured(keys, c == null ? readOnly : c::place));
        cfg.routes.post("/orders/{orderId}/cancel", secured(keys, c == null ? readOnly : c::cancel));
        cfg.routes.post("/orders/{orderId}/amend", secured(keys, c == null ? readOnly : c::amend));
        cfg.routes.post("/deposits", secured(keys, c == null ? readOnly : c::deposit));
        cfg.routes.post("/withdrawals", secured(keys, c == null ? readOnly : c::withdraw));
        cfg.routes.post("/withdrawals/request", secured(keys, c == null ? readOnly : c::requestWithdrawal));
        cfg.routes.post("/deposits/notify", secured(keys, c == null ? readOnly : c::notifyDeposit));
        cfg.routes.post("/symbols", secured(keys, c == null ? readOnly : c::addSymbol));
        cfg.routes.post("/admin/balances/adjust", secured(keys, c == null ? readOnly : c::adjustBalance));
        cfg.routes.post("/admin/trades/bust", secured(keys, c == null ? readOnly : c::bustTrade));
    }

    private static void errors(final JavalinConfig cfg)
    {
        cfg.routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status, errorBody(e)));
        // Javalin's own refusals (no such path 404, wrong method 405, body too large 413, ...).
        cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
            json(ctx, e.getStatus(), Map.of("error", e.getMessage())));
        cfg.routes.exception(Exception.class, (e, ctx) ->
        {
            // A bug, not bad input: the client learns nothing of the internals, the server goes on.
            json(ctx, 500, Map.of("error", "internal error"));
        });
    }

    private static Handler secured(final ApiKeys keys, final BiConsumer<Context, ApiKeys.Principal> route)
    {
        return ctx -> route.accept(ctx, authenticate(ctx, keys));
    }

    private static ApiKeys.Principal authenticate(final Context ctx, final ApiKeys keys)
    {
        String key = ctx.header("X-API-Key");
        if (key == null)
        {
            key = ctx.queryParam("apiKey");
        }
        if (key == null || key.isEmpty())
        {
            throw new ApiError(401, null, "missing API key (X-API-Key header)");
        }
        final ApiKeys.Principal caller = keys.lookup(key);
        if (caller == null)
        {
            throw new ApiError(401, null, "unknown API key");
        }
        return caller;
    }

    private static Map<String, Object> errorBody(final ApiError e)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", e.getMessage());
        if (e.field != null)
        {
            out.put("field", e.field);
        }
        return out;
    }

    static void json(final Context ctx, final int status, final Object body)
    {
        ctx.status(status).contentType("application/json").result(toJson(body));
    }

    static String toJson(final Object body)
    {
        try
        {
            return JsonBody.MAPPER.writeValueAsString(body);
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
