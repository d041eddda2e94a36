package engine.http;

import engine.readmodel.ReadModels;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the browser dashboard needs besides the API: its static files (plain ES modules under
 * {@code src/main/resources/dashboard}, served without a key: they hold no data), the list of
 * symbols, who a key belongs to, and the engine panel's numbers. Data endpoints need a key
 * like every other.
 */
final class DashboardRoutes
{
    /** Classpath folder of the dashboard's files; {@code index.html} is served at {@code /}. */
    static final String RESOURCES = "/dashboard";
    private final ReadModels models;
    private final EngineStats stats;

    DashboardRoutes(final ReadModels models, final EngineStats stats)
    {
        this.models = models;
        this.stats = stats;
    }

    /** Serves the dashboard at {@code /} (its files never shadow an API path: none is named like one). */
    static void staticFiles(final JavalinConfig cfg)
    {
        cfg.staticFiles.add(files ->
        {
            files.hostedPath = "/";
            files.directory = RESOURCES;
            files.location = Location.CLASSPATH;
            // The vendored chart library keeps its published file name; browsers load modules only as JavaScript.
            files.mimeTypes.add("text/javascript", "mjs");
            files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
        });
    }

    /** {@code GET /symbols}: every symbol added so far, sorted; {@code ?minSeq} waits as for every query. */
    void symbols(final Context ctx, final ApiKeys.Principal caller)
    {
        QueryRoutes.await(ctx, models.depth());
        final var symbols = models.depth().symbols();
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOfSeq", symbols.asOfSeq());
        out.put("symbols", symbols.value());
        HttpApi.json(ctx, 200, out);
    }

    /** {@code GET /me}: the caller's role and account, so a page knows whose balances to show. */
    void me(final Context ctx, final ApiKeys.Principal caller)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", caller.role().word());
        out.put("account", caller.seesAll() ? null : caller.account());
        HttpApi.json(ctx, 200, out);
    }

    /** {@code GET /engine/stats}: sequence, commands/s, journal and read-model lag, recent latencies. */
    void stats(final Context ctx, final ApiKeys.Principal caller)
    {
        HttpApi.json(ctx, 200, stats.snapshot());
    }
}
