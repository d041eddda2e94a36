package engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import engine.gateway.KnownSymbols;
import engine.api.AsciiName;
import engine.api.Command;
import engine.format.CommandFileWriter;
import engine.api.CommandType;
import engine.format.TimeArgument;
import engine.gateway.ClientOrderIds;
import engine.journal.JournalLookup;
import engine.readmodel.AccountView;
import engine.readmodel.AsOf;
import engine.readmodel.CommandView;
import engine.readmodel.OrderView;
import engine.readmodel.ReadModel;
import engine.readmodel.ReadModels;
import engine.readmodel.TradeView;
import engine.readmodel.WithdrawalView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Query endpoints, answered only from read models. Every answer carries {@code asOfSeq}; with
 * {@code ?minSeq=s} a query first waits (up to {@code timeoutMs}) until its model has applied
 * command {@code s}, so a client reads its own writes. Someone else's order or command gets the
 * same 404 as an unknown one. Order ids in paths and answers are the account's own client order
 * ids ({@link engine.gateway.ClientOrderIds}); an order entered with an engine-wide id (line
 * protocol) keeps that id.
 */
final class QueryRoutes
{
    private static final long DEFAULT_WAIT_MS = 2_000;
    private static final long MAX_WAIT_MS = 30_000;
    /** How long a query by seq waits for a model to reach that seq without being asked to (?minSeq). */
    private static final long CATCH_UP_WAIT_MS = 500;
    /** Commands a {@code GET /commands} page holds by default and at most. */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    /** Kept commands one {@code GET /commands} request looks at, at most: bounds the time it holds the model. */
    static final int SCAN_LIMIT = 1 << 16;
    private final ReadModels models;
    private final KnownSymbols symbols;
    private final RequestIds requestIds;
    private final ClientOrderIds orderIds;
    private final JournalLookup journal;

    /** @param journal where commands' full text is read, or null when this server has no journal (a projection) */
    QueryRoutes(final ReadModels models, final Identities ids, final KnownSymbols symbols, final JournalLookup journal)
    {
        this.models = models;
        this.requestIds = ids.requests();
        this.orderIds = ids.orders();
        this.symbols = symbols;
        this.journal = journal;
    }

    void depth(final Context ctx, final ApiKeys.Principal caller)
    {
        final String symbol = pathName(ctx, "symbol");
        final int levels = (int)queryLong(ctx, "levels", 10, 1, 1000);
        await(ctx, models.depth());
        AsOf<?> depth = models.depth().depth(symbol, levels);
        if (depth.value() == null && symbols.contains(symbol))
        {
            depth = models.depth().depth(symbol, levels);
        }
        if (depth.value() == null)
        {
            throw ApiError.badField("symbol", "unknown symbol '" + symbol + "'");
        }
        HttpApi.json(ctx, 200, flat(depth));
    }

    void trades(final Context ctx, final ApiKeys.Principal caller)
    {
        final String symbol = knownSymbol(ctx);
        final int limit = (int)queryLong(ctx, "limit", 50, 1, 1000);
        await(ctx, models.trades());
        final AsOf<List<TradeView.Trade>> trades = models.trades().trades(symbol, limit);
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final TradeView.Trade t : trades.value())
        {
            list.add(publicTrade(t));
        }
        HttpApi.json(ctx, 200, listed(trades.asOfSeq(), "trades", list));
    }

    /** A trade as market data: no order ids (they are private to the two sides). */
    static Map<String, Object> publicTrade(final TradeView.Trade t)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", t.seq());
        m.put("timestamp", t.timestamp());
        m.put("symbol", t.symbol());
        m.put("price", t.price());
        m.put("qty", t.qty());
        m.put("takerSide", t.takerSide());
        // With seq, the trade's id for POST /admin/trades/bust.
        m.put("tradeIndex", t.tradeIndex());
        return m;
    }

    void candles(final Context ctx, final ApiKeys.Principal caller)
    {
        final String symbol = knownSymbol(ctx);
        final String interval = ctx.queryParam("interval") == null ? "1m" : ctx.queryParam("interval");
        final TradeView.Interval width = switch (interval)
        {
            case "1s" -> TradeView.Interval.S1;
            case "1m" -> TradeView.Interval.M1;
            case "5m" -> TradeView.Interval.M5;
            case "1h" -> TradeView.Interval.H1;
            default -> throw ApiError.badField("interval", "must be 1s, 1m, 5m or 1h");
        };
        final int limit = (int)queryLong(ctx, "limit", 100, 1, 1000);
        await(ctx, models.trades());
        final AsOf<?> candles = models.trades().candles(symbol, width, limit);
        HttpApi.json(ctx, 200, listed(candles.asOfSeq(), "candles", candles.value()));
    }

    void balances(final Context ctx, final ApiKeys.Principal caller)
    {
        final long account = ownAccount(ctx, caller);
        await(ctx, models.accounts());
        final AsOf<?> balances = models.accounts().balances(account);
        HttpApi.json(ctx, 200, listed(balances.asOfSeq(), "balances", balances.value()));
    }

    void openOrders(final Context ctx, final ApiKeys.Principal caller)
    {
        final long account = ownAccount(ctx, caller);
        await(ctx, models.accounts());
        final AsOf<List<AccountView.OpenOrder>> orders = models.accounts().openOrders(account);
        HttpApi.json(ctx, 200, listed(orders.asOfSeq(), "orders", clientView(orders.value())));
    }

    void accountCommands(final Context ctx, final ApiKeys.Principal caller)
    {
        final long account = ownAccount(ctx, caller);
        final long from = queryTime(ctx, "from", 0);
        final long to = queryTime(ctx, "to", Long.MAX_VALUE);
        final int limit = (int)queryLong(ctx, "limit", 100, 1, 10_000);
        await(ctx, models.commands());
        final AsOf<List<CommandView.CommandStatus>> commands = models.commands().commands(account, from, to, limit);
        HttpApi.json(ctx, 200, listed(commands.asOfSeq(), "commands", clientView(commands.value())));
    }

    /**
     * An order by the caller's client order id; the operator names the account with
     * {@code ?account=}, or else gives an engine-wide id.
     */
    void order(final Context ctx, final ApiKeys.Principal caller)
    {
        final long orderId = pathLong(ctx, "orderId");
        final boolean engineWide = caller.seesAll() && ctx.queryParam("account") == null;
        final long account = caller.seesAll() ? (engineWide ? 0 : requiredQueryLong(ctx, "account")) : caller.account();
        final long engineId = engineWide ? orderId : engineOrderId(orderIds, account, orderId);
        await(ctx, models.orders());
        final AsOf<OrderView.Status> status = models.orders().status(engineId);
        if (status.value() == null || !caller.mayAccess(status.value().account()) ||
            (!engineWide && status.value().account() != account))
        {
            // The same words for someone else's order: nothing tells the two apart.
            throw ApiError.notFound("unknown order " + orderId + (models.orders().evictedCount() == 0 ? "" :
                " (or finished before the last " + models.orders().keepFinished() + " finished orders kept)"));
        }
        HttpApi.json(ctx, 200, flat(status));
    }

    void command(final Context ctx, final ApiKeys.Principal caller)
    {
        final long seq = pathLong(ctx, "seq");
        commandAnswer(ctx, caller, seq, null, true);
    }

    void request(final Context ctx, final ApiKeys.Principal caller)
    {
        requestAnswer(ctx, caller, false);
    }

    /** {@code GET /commands/by-request/{requestId}}: as {@code /requests/{requestId}}, with the command's text. */
    void commandByRequest(final Context ctx, final ApiKeys.Principal caller)
    {
        requestAnswer(ctx, caller, true);
    }

    private void requestAnswer(final Context ctx, final ApiKeys.Principal caller, final boolean withText)
    {
        final String requestId = ctx.pathParam("requestId");
        final long account = caller.seesAll() ? requiredQueryLong(ctx, "account") : caller.account();
        final Long seq = requestIds.seq(account, requestId);
        if (seq == null)
        {
            throw ApiError.notFound("unknown request " + requestId);
        }
        if (seq == RequestIds.PENDING)
        {
            HttpApi.json(ctx, 202, Map.of("requestId", requestId, "pending", true));
            return;
        }
        commandAnswer(ctx, caller, seq, requestId, withText);
    }

    /**
     * {@code GET /commands}: every command (the operator) or the caller's own, by time range and
     * outcome, oldest first, in pages linked by {@code next}; each with its full text from the journal.
     */
    void commands(final Context ctx, final ApiKeys.Principal caller)
    {
        final long from = queryTime(ctx, "from", Long.MIN_VALUE);
        final long to = queryTime(ctx, "to", Long.MAX_VALUE);
        if (to < from)
        {
            throw ApiError.badField("to", "must not be before from");
        }
        final Long account = queriedAccount(ctx, caller);
        final Boolean accepted = outcome(ctx);
        final int limit = (int)queryLong(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        final long afterSeq = cursor(ctx);
        await(ctx, models.commands());
        final AsOf<CommandView.Page> page = models.commands().page(new CommandView.Query(account, from, to, accepted,
            afterSeq), limit, SCAN_LIMIT);
        final CommandView.Page p = page.value();
        if (p.cursorExpired())
        {
            throw new ApiError(410, "cursor", "cursor: the commands after it are older than the last " +
                models.commands().capacity() + " commands kept (oldest kept: " + models.commands().oldestKeptSeq() +
                "); start again with from=, or read them from the journal (journal cat --from-time)");
        }
        final List<ObjectNode> listed = clientView(p.commands());
        addTexts(listed);
        final Map<String, Object> out = listed(page.asOfSeq(), "commands", listed);
        out.put("next", p.nextAfterSeq() < 0 ? null : Long.toString(p.nextAfterSeq()));
        out.put("truncated", p.truncated());
        HttpApi.json(ctx, 200, out);
    }

    /**
     * {@code GET /withdrawals/{withdrawalId}}: a withdrawal saga's state, steps, attempts and deadline.
     * Someone else's saga gets the same 404 as an unknown id, so ids tell an account nothing.
     */
    void withdrawal(final Context ctx, final ApiKeys.Principal caller)
    {
        final long id = pathLong(ctx, "withdrawalId");
        await(ctx, models.withdrawals());
        AsOf<WithdrawalView.Status> status = models.withdrawals().status(id);
        if (status.value() == null && catchUp(models.withdrawals(), id))
        {
            // The saga id is its request's seq.
            status = models.withdrawals().status(id);
        }
        if (status.value() == null || !caller.mayAccess(status.value().account()))
        {
            throw ApiError.notFound("unknown withdrawal " + id + (models.withdrawals().evictedCount() == 0 ? "" :
                " (or finished before the last " + models.withdrawals().keepFinished() + " finished withdrawals kept)"));
        }
        HttpApi.json(ctx, 200, flat(status));
    }

    /**
     * {@code GET /withdrawals}: every withdrawal saga (the operator) or the caller's own, by state,
     * oldest (lowest id) first, in pages linked by {@code next} as for {@code GET /commands}.
     */
    void withdrawals(final Context ctx, final ApiKeys.Principal caller)
    {
        final Long account = queriedAccount(ctx, caller);
        final WithdrawalView.State state = withdrawalState(ctx);
        final int limit = (int)queryLong(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        final long afterId = cursor(ctx);
        await(ctx, models.withdrawals());
        final AsOf<WithdrawalView.Page> page = models.withdrawals().page(new WithdrawalView.Query(account, state, afterId),
            limit, SCAN_LIMIT);
        final WithdrawalView.Page p = page.value();
        final Map<String, Object> out = listed(page.asOfSeq(), "withdrawals", p.withdrawals());
        out.put("next", p.nextAfterId() < 0 ? null : Long.toString(p.nextAfterId()));
        out.put("truncated", p.truncated());
        HttpApi.json(ctx, 200, out);
    }

    private static WithdrawalView.State withdrawalState(final Context ctx)
    {
        final String text = ctx.queryParam("status");
        if (text == null)
        {
            return null;
        }
        for (final WithdrawalView.State state : WithdrawalView.State.values())
        {
            if (state.name().equalsIgnoreCase(text))
            {
                return state;
            }
        }
        throw ApiError.badField("status", "must be PENDING, CANCELLING, CONFIRMED, FAILED or TIMED_OUT");
    }

    /** The account whose commands are asked for: the account key's own, or for the operator any (null: all). */
    private static Long queriedAccount(final Context ctx, final ApiKeys.Principal caller)
    {
        final String text = ctx.queryParam("account");
        if (text == null)
        {
            return caller.seesAll() ? null : caller.account();
        }
        final long account = parseLong("account", text);
        if (!caller.mayAccess(account))
        {
            throw ApiError.forbidden("this key may see only account " + caller.account());
        }
        return account;
    }

    private static Boolean outcome(final Context ctx)
    {
        final String text = ctx.queryParam("status");
        if (text == null)
        {
            return null;
        }
        return switch (text.toUpperCase(Locale.ROOT))
        {
            case "ACCEPTED" -> Boolean.TRUE;
            case "REJECTED" -> Boolean.FALSE;
            default -> throw ApiError.badField("status", "must be ACCEPTED or REJECTED");
        };
    }

    /** The seq a page starts after: 0 without {@code cursor}, else what the previous page's {@code next} said. */
    private static long cursor(final Context ctx)
    {
        final String text = ctx.queryParam("cursor");
        if (text == null)
        {
            return 0;
        }
        try
        {
            final long afterSeq = Long.parseLong(text);
            if (afterSeq >= 1)
            {
                return afterSeq;
            }
        }
        catch (final NumberFormatException e)
        {
            // answered below
        }
        throw ApiError.badField("cursor", "is not a cursor this server gave (pass the previous page's next as it is)");
    }

    /** Adds to each listed command its full text as journaled (null when the journal cannot give it). */
    private void addTexts(final List<ObjectNode> commands)
    {
        if (commands.isEmpty())
        {
            return;
        }
        final Map<Long, Journaled> texts = texts(commands.get(0).get("seq").asLong(),
            commands.get(commands.size() - 1).get("seq").asLong());
        for (final ObjectNode command : commands)
        {
            command.put("text", verified(texts, command));
        }
    }

    /** A journaled command's text and time. */
    private record Journaled(long timestamp, String text)
    {
    }

    private Map<Long, Journaled> texts(final long firstSeq, final long lastSeq)
    {
        final Map<Long, Journaled> texts = new HashMap<>();
        if (journal != null)
        {
            final Command shown = new Command();
            journal.read(firstSeq, lastSeq, c ->
            {
                // Order ids as every answer shows them: the account's own, never the engine-wide id.
                shown.copyFrom(c);
                if (c.type() == CommandType.PLACE || c.type() == CommandType.CANCEL || c.type() == CommandType.AMEND)
                {
                    shown.orderId(orderIds.clientOrderId(c.orderId(), c.orderId()));
                }
                texts.put(c.seq(), new Journaled(c.timestamp(), CommandFileWriter.line(shown)));
            });
        }
        return texts;
    }

    /**
     * The text of {@code command}, when its journal entry has the time the read model has: a
     * journal that is not the one the models were built from (another data directory) shows nothing.
     */
    private static String verified(final Map<Long, Journaled> texts, final ObjectNode command)
    {
        final Journaled journaled = texts.get(command.get("seq").asLong());
        return journaled != null && journaled.timestamp() == command.get("timestamp").asLong() ? journaled.text() : null;
    }

    private void commandAnswer(final Context ctx, final ApiKeys.Principal caller, final long seq, final String requestId,
        final boolean withText)
    {
        await(ctx, models.commands());
        ObjectNode out = commandStatus(seq, caller);
        if (out == null && catchUp(models.commands(), seq))
        {
            out = commandStatus(seq, caller);
        }
        if (out == null)
        {
            final long oldest = models.commands().oldestKeptSeq();
            if (seq > 0 && seq < oldest)
            {
                throw ApiError.notFound("command " + seq + " is older than the last " +
                    models.commands().capacity() + " commands kept (oldest kept: " + oldest + ")");
            }
            throw ApiError.notFound("unknown command " + seq);
        }
        if (requestId != null)
        {
            out.put("requestId", requestId);
        }
        if (withText)
        {
            out.put("text", verified(texts(seq, seq), out));
        }
        HttpApi.json(ctx, 200, out);
    }

    /** The status of command {@code seq} as {@code caller} may see it, or null when unknown or someone else's. */
    ObjectNode commandStatus(final long seq, final ApiKeys.Principal caller)
    {
        final AsOf<CommandView.CommandStatus> status = models.commands().command(seq);
        final CommandView.CommandStatus s = status.value();
        final boolean visible = s != null && (caller.seesAll() || (s.account() != null && s.account() == caller.account()));
        return visible ? flat(status) : null;
    }

    /**
     * The engine-wide id of the account's client order id; an id the account never placed through
     * a front end is taken as engine-wide (an order entered over the line protocol).
     */
    static long engineOrderId(final ClientOrderIds orderIds, final long account, final long clientOrderId)
    {
        final long engineId = orderIds.find(account, clientOrderId);
        return engineId != ClientOrderIds.NONE ? engineId : clientOrderId;
    }

    /** Values as JSON, each with its {@code orderId} shown as the client's own. */
    private List<ObjectNode> clientView(final List<?> values)
    {
        final List<ObjectNode> out = new ArrayList<>(values.size());
        for (final Object value : values)
        {
            out.add(clientOrderIds(JsonBody.MAPPER.valueToTree(value)));
        }
        return out;
    }

    private ObjectNode clientOrderIds(final ObjectNode node)
    {
        final JsonNode id = node.get("orderId");
        if (id != null && id.isNumber())
        {
            node.put("orderId", orderIds.clientOrderId(id.asLong(), id.asLong()));
        }
        return node;
    }

    private String knownSymbol(final Context ctx)
    {
        final String symbol = pathName(ctx, "symbol");
        if (!symbols.contains(symbol))
        {
            throw ApiError.badField("symbol", "unknown symbol '" + symbol + "'");
        }
        return symbol;
    }

    /** The symbol of a stream request; an unknown one is 404, answered before the stream starts. */
    void knownStreamSymbol(final Context ctx)
    {
        final String symbol = pathName(ctx, "symbol");
        if (!symbols.contains(symbol))
        {
            throw ApiError.notFound("unknown symbol '" + symbol + "'");
        }
    }

    private static long ownAccount(final Context ctx, final ApiKeys.Principal caller)
    {
        final long account = pathLong(ctx, "account");
        if (!caller.mayAccess(account))
        {
            throw ApiError.forbidden("this key may see only account " + caller.account());
        }
        return account;
    }

    /**
     * A query by seq that missed: if {@code model} has not applied {@code seq} yet, waits briefly for it,
     * as if the client had sent {@code ?minSeq=seq}. A client asking for the seq it was just given must
     * find it, and results reach clients before the read models apply the same batch. Returns whether
     * it waited (so asking again may find it); a seq not yet given out costs the short wait, then 404.
     */
    private static boolean catchUp(final ReadModel model, final long seq)
    {
        if (seq <= model.appliedSeq())
        {
            return false;
        }
        try
        {
            model.awaitApplied(seq, CATCH_UP_WAIT_MS);
        }
        catch (final TimeoutException notYetSequenced)
        {
            // Unknown: the caller answers 404.
        }
        return true;
    }

    /** Read-your-writes: waits until {@code model} has applied {@code ?minSeq}. */
    static void await(final Context ctx, final ReadModel model)
    {
        final long minSeq = queryLong(ctx, "minSeq", 0, 0, Long.MAX_VALUE);
        final long timeout = queryLong(ctx, "timeoutMs", DEFAULT_WAIT_MS, 0, MAX_WAIT_MS);
        try
        {
            model.awaitApplied(minSeq, timeout);
        }
        catch (final TimeoutException e)
        {
            throw new ApiError(504, "minSeq", "read model at asOfSeq " + model.appliedSeq() + " did not reach minSeq " +
                minSeq + " within " + timeout + " ms");
        }
    }

    private ObjectNode flat(final AsOf<?> answer)
    {
        final ObjectNode out = JsonBody.MAPPER.createObjectNode();
        out.put("asOfSeq", answer.asOfSeq());
        out.setAll((ObjectNode)JsonBody.MAPPER.valueToTree(answer.value()));
        return clientOrderIds(out);
    }

    private static Map<String, Object> listed(final long asOfSeq, final String key, final Object list)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOfSeq", asOfSeq);
        out.put(key, list);
        return out;
    }

    static String pathName(final Context ctx, final String name)
    {
        final String text = ctx.pathParam(name);
        if (!AsciiName.isValid(text))
        {
            throw ApiError.badField(name, "must be 1 to 16 of A-Z a-z 0-9 _ - .");
        }
        return text;
    }

    static long pathLong(final Context ctx, final String name)
    {
        return parseLong(name, ctx.pathParam(name));
    }

    private static long requiredQueryLong(final Context ctx, final String name)
    {
        final String text = ctx.queryParam(name);
        if (text == null)
        {
            throw ApiError.badField(name, "is required");
        }
        return parseLong(name, text);
    }

    /** A time parameter: an engine timestamp or an ISO-8601 time ({@link TimeArgument}). */
    private long queryTime(final Context ctx, final String name, final long absent)
    {
        final String text = ctx.queryParam(name);
        try
        {
            return text == null ? absent : TimeArgument.parse(text, models.timeUnitNanos());
        }
        catch (final IllegalArgumentException e)
        {
            throw ApiError.badField(name, e.getMessage());
        }
    }

    private static long queryLong(final Context ctx, final String name, final long absent, final long min, final long max)
    {
        final String text = ctx.queryParam(name);
        final long value = text == null ? absent : parseLong(name, text);
        if (value < min || value > max)
        {
            throw ApiError.badField(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static long parseLong(final String name, final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException e)
        {
            throw ApiError.badField(name, "must be a 64-bit integer");
        }
    }
}
