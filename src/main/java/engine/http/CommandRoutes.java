package engine.http;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.CommandResult;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.gateway.ClientOrderIds;
import engine.gateway.KnownSymbols;
import engine.readmodel.ReadModels;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Command endpoints: validate everything first (nothing invalid reaches the business logic),
 * then submit without blocking on a full ring, then answer with the command's events, or with
 * its sequence when the client asked not to wait ({@code ?wait=false}).
 *
 * <p>Order ids are the account's own client order ids: a PLACE is sent with the engine-wide id
 * {@link ClientOrderIds} maps it to, and journaled with both. A request id is journaled with its
 * command, so a repeat, even after a restart, is answered 409 with the first command's seq and
 * outcome and never runs again.
 */
final class CommandRoutes
{
    /** The first attempt's timeout of a withdrawal saga when the request names none; each retry doubles it. */
    static final long DEFAULT_WITHDRAWAL_TIMEOUT_MILLIS = 5_000;
    static final long DEFAULT_WITHDRAWAL_ATTEMPTS = 3;
    /** The largest reason code of a balance adjustment, as the engine checks it. */
    static final long MAX_REASON_CODE = 65_535;
    private static final long RESULT_TIMEOUT_MS = 10_000;
    private static final int MAX_REQUEST_ID = 64;
    private final Gateway gateway;
    private final ReadModels models;
    private final RequestIds requestIds;
    private final ClientOrderIds orderIds;
    private final QueryRoutes queries;
    private final KnownSymbols symbols;

    CommandRoutes(final Gateway gateway, final ReadModels models, final Identities ids, final QueryRoutes queries,
        final KnownSymbols symbols)
    {
        this.gateway = gateway;
        this.models = models;
        this.requestIds = ids.requests();
        this.orderIds = ids.orders();
        this.queries = queries;
        this.symbols = symbols;
    }

    void place(final Context ctx, final ApiKeys.Principal caller)
    {
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = account(body, caller);
        final long orderId = body.requiredLong("orderId");
        final String symbol = knownSymbol(body.requiredName("symbol"));
        final Side side = body.requiredEnum("side", Side.class);
        final OrderType type = body.requiredEnum("type", OrderType.class);
        final TimeInForce tif = body.has("tif") ? body.requiredEnum("tif", TimeInForce.class) :
            type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        final long expiry = tif == TimeInForce.GTD ? body.requiredLong("expiry") : 0;
        final boolean hasPrice = body.has("price");
        final long price = hasPrice ? body.requiredLong("price") : 0;
        final long qty = body.requiredLong("qty");
        final String requestId = requestId(body);
        final long engineId = orderIds.engineIdFor(account, orderId);
        submit(ctx, caller, account, requestId, new Command().place(0, account, engineId, AsciiName.hi(symbol),
            AsciiName.lo(symbol), side, type, tif, expiry, hasPrice, price, qty).clientOrderId(orderId));
    }

    void cancel(final Context ctx, final ApiKeys.Principal caller)
    {
        final long orderId = QueryRoutes.pathLong(ctx, "orderId");
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = account(body, caller);
        submit(ctx, caller, account, requestId(body), new Command().cancel(0, account,
            QueryRoutes.engineOrderId(orderIds, account, orderId)));
    }

    void amend(final Context ctx, final ApiKeys.Principal caller)
    {
        final long orderId = QueryRoutes.pathLong(ctx, "orderId");
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = account(body, caller);
        final boolean hasPrice = body.has("price");
        final long price = hasPrice ? body.requiredLong("price") : 0;
        final boolean hasQty = body.has("qty");
        final long qty = hasQty ? body.requiredLong("qty") : 0;
        submit(ctx, caller, account, requestId(body), new Command().amend(0, account,
            QueryRoutes.engineOrderId(orderIds, account, orderId), hasPrice, price, hasQty, qty));
    }

    void deposit(final Context ctx, final ApiKeys.Principal caller)
    {
        operatorDeposit(ctx, caller, false);
    }

    /** A deposit reported by the external system, credited once per {@code txId} (operator only). */
    void notifyDeposit(final Context ctx, final ApiKeys.Principal caller)
    {
        operatorDeposit(ctx, caller, true);
    }

    private void operatorDeposit(final Context ctx, final ApiKeys.Principal caller, final boolean notified)
    {
        requireOperator(caller);
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = body.requiredLong("account");
        final String asset = body.requiredName("asset");
        final long amount = body.requiredLong("amount");
        final Command command = notified ?
            new Command().depositNotify(0, account, AsciiName.hi(asset), AsciiName.lo(asset), amount, body.requiredLong("txId")) :
            new Command().deposit(0, account, AsciiName.hi(asset), AsciiName.lo(asset), amount);
        submit(ctx, caller, account, requestId(body), command);
    }

    /**
     * An admin's correction of one balance (TRADING-RULES.md): a signed, non-zero amount and a numeric
     * reason code; whether the account exists and the result fits is the engine's to decide.
     */
    void adjustBalance(final Context ctx, final ApiKeys.Principal caller)
    {
        requireAdmin(caller);
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = body.requiredLong("account");
        final String asset = body.requiredName("asset");
        final long amount = body.requiredLong("amount");
        if (amount == 0)
        {
            throw ApiError.badField("amount", "must not be 0");
        }
        final long reasonCode = body.requiredLong("reasonCode");
        if (reasonCode < 1 || reasonCode > MAX_REASON_CODE)
        {
            throw ApiError.badField("reasonCode", "must be a number from 1 to " + MAX_REASON_CODE);
        }
        submit(ctx, caller, account, requestId(body), new Command().balanceAdjust(0, account, AsciiName.hi(asset),
            AsciiName.lo(asset), amount, reasonCode));
    }

    void withdraw(final Context ctx, final ApiKeys.Principal caller)
    {
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = account(body, caller);
        final String asset = body.requiredName("asset");
        final long amount = body.requiredLong("amount");
        submit(ctx, caller, account, requestId(body), new Command().withdraw(0, account, AsciiName.hi(asset),
            AsciiName.lo(asset), amount));
    }

    /**
     * Starts a withdrawal saga (SAGAS.md): the amount goes into flight until the transfer worker
     * relays the external wallet's answer; the answer's WITHDRAW_PENDING event names the saga id.
     */
    void requestWithdrawal(final Context ctx, final ApiKeys.Principal caller)
    {
        final JsonBody body = JsonBody.parse(ctx.body());
        final long account = account(body, caller);
        final String asset = body.requiredName("asset");
        final long amount = body.requiredLong("amount");
        final long timeout = body.has("timeoutMillis") ? body.requiredLong("timeoutMillis") : DEFAULT_WITHDRAWAL_TIMEOUT_MILLIS;
        final long attempts = body.has("attempts") ? body.requiredLong("attempts") : DEFAULT_WITHDRAWAL_ATTEMPTS;
        submit(ctx, caller, account, requestId(body), new Command().withdrawRequest(0, account, AsciiName.hi(asset),
            AsciiName.lo(asset), amount, timeout, attempts));
    }

    /**
     * An admin's bust of one trade (TRADING-RULES.md), named by its id: {@code seq} of the command that produced it
     * and {@code index}, its 0-based position among that command's trades. Whether the trade is still held, not busted
     * yet, and both balances can give back what they got is the engine's to decide.
     */
    void bustTrade(final Context ctx, final ApiKeys.Principal caller)
    {
        requireAdmin(caller);
        final JsonBody body = JsonBody.parse(ctx.body());
        final long seq = body.requiredLong("seq");
        if (seq < 1)
        {
            throw ApiError.badField("seq", "must be a command's sequence number (1 or more)");
        }
        final long index = body.requiredLong("index");
        if (index < 0)
        {
            throw ApiError.badField("index", "must be 0 or more");
        }
        submit(ctx, caller, 0, requestId(body), new Command().tradeBust(0, seq, index));
    }

    void addSymbol(final Context ctx, final ApiKeys.Principal caller)
    {
        requireOperator(caller);
        final JsonBody body = JsonBody.parse(ctx.body());
        final String symbol = body.requiredName("symbol");
        final String base = body.requiredName("base");
        final String quote = body.requiredName("quote");
        final long baseScale = body.has("baseScale") ? body.requiredLong("baseScale") : 1;
        final long quoteScale = body.has("quoteScale") ? body.requiredLong("quoteScale") : 1;
        submit(ctx, caller, 0, requestId(body), new Command().symbol(0, AsciiName.hi(symbol), AsciiName.lo(symbol),
            AsciiName.hi(base), AsciiName.lo(base), AsciiName.hi(quote), AsciiName.lo(quote), baseScale, quoteScale));
    }

    private String knownSymbol(final String symbol)
    {
        if (!symbols.contains(symbol))
        {
            throw ApiError.badField("symbol", "unknown symbol '" + symbol + "'");
        }
        return symbol;
    }

    /**
     * The account a command acts for: the key's own, or for the operator the body's {@code account}. The admin
     * acts for no account: its commands are corrections, each with its own route.
     */
    private static long account(final JsonBody body, final ApiKeys.Principal caller)
    {
        if (caller.operator())
        {
            return body.requiredLong("account");
        }
        if (caller.admin())
        {
            throw ApiError.forbidden("an admin key makes corrections only; trade with an account or operator key");
        }
        if (body.has("account") && body.requiredLong("account") != caller.account())
        {
            throw ApiError.forbidden("this key may act only for account " + caller.account());
        }
        return caller.account();
    }

    /** The venue's daily flows (symbols, deposits): the operator only, not the admin (duties kept apart). */
    static void requireOperator(final ApiKeys.Principal caller)
    {
        if (!caller.operator())
        {
            throw ApiError.forbidden("operator key required");
        }
    }

    /**
     * Corrections (balance adjustments, trade busts; SAGAS.md "Admin corrections"): the admin only. Every
     * admin route calls this first, so a correction never depends on a route remembering its own check.
     */
    static void requireAdmin(final ApiKeys.Principal caller)
    {
        if (!caller.admin())
        {
            throw ApiError.forbidden("admin key required");
        }
    }

    private static String requestId(final JsonBody body)
    {
        final String requestId = body.optionalText("requestId");
        if (requestId != null && (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID))
        {
            throw ApiError.badField("requestId", "must be 1 to " + MAX_REQUEST_ID + " characters");
        }
        return requestId;
    }

    private void submit(final Context ctx, final ApiKeys.Principal caller, final long account, final String requestId,
        final Command command)
    {
        final String wait = ctx.queryParam("wait");
        if (wait != null && !wait.equals("true") && !wait.equals("false"))
        {
            throw ApiError.badField("wait", "must be true or false");
        }
        if (requestId != null)
        {
            final Long prior = requestIds.claim(account, requestId);
            if (prior != null)
            {
                final Map<String, Object> out = new LinkedHashMap<>();
                out.put("error", "requestId already used");
                out.put("field", "requestId");
                out.put("seq", prior == RequestIds.PENDING ? null : prior);
                if (prior != RequestIds.PENDING)
                {
                    // The first command's outcome, so that a client retrying after a crash learns it.
                    out.put("result", queries.commandStatus(prior, caller));
                }
                HttpApi.json(ctx, 409, out);
                return;
            }
            final long[] key = RequestIds.hash(requestId);
            command.requestId(key[0], key[1]);
        }
        final Gateway.Submitted submitted = gateway.trySubmit(command);
        if (submitted == null)
        {
            if (requestId != null)
            {
                requestIds.release(account, requestId);
            }
            ctx.header("Retry-After", "1");
            final String refused = gateway.refusal();
            throw new ApiError(503, null, refused != null ? refused : "engine busy: ring full, retry later");
        }
        if (requestId != null)
        {
            submitted.result().thenAccept(r -> requestIds.bind(account, requestId, r.seq()));
        }
        if ("false".equals(wait))
        {
            respondQueued(ctx, submitted.seq(), requestId);
            return;
        }
        try
        {
            final CommandResult result = submitted.result().get(RESULT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final Map<String, Object> out = EventJson.result(result, caller, orderIds);
            if (requestId != null)
            {
                out.put("requestId", requestId);
            }
            HttpApi.json(ctx, 200, out);
        }
        catch (final TimeoutException | ExecutionException e)
        {
            respondQueued(ctx, submitted.seq(), requestId);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            respondQueued(ctx, submitted.seq(), requestId);
        }
    }

    private static void respondQueued(final Context ctx, final long seq, final String requestId)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        // A cluster numbers a command only when it commits it: until then the seq is not known.
        out.put("seq", seq == Gateway.SEQ_UNKNOWN ? null : seq);
        if (requestId != null)
        {
            out.put("requestId", requestId);
        }
        HttpApi.json(ctx, 202, out);
    }
}
