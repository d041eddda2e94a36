package engine.http;

import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.KEY_2;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API end to end: real engine, real server on a free port, java.net.http client. */
class HttpApiTest
{
    private HttpFixture http;

    @BeforeEach
    void startWithMarket()
    {
        http = new HttpFixture(null);
        ok(http.post(OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}"));
        ok(http.post(OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":100000}"));
        ok(http.post(OPERATOR, "/deposits", "{\"account\":2,\"asset\":\"BTC\",\"amount\":100}"));
    }

    @AfterEach
    void stop()
    {
        http.close();
    }

    @Test
    void shouldPlaceTradeAndAnswerEveryQuery()
    {
        final JsonNode sell = ok(http.post(KEY_2, "/orders",
            "{\"orderId\":501,\"symbol\":\"BTC-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":300,\"qty\":5}"));
        assertThat(sell.get("accepted").asBoolean()).isTrue();
        assertThat(sell.get("events").get(0).get("type").asText()).isEqualTo("ACCEPTED");
        final JsonNode buy = ok(http.post(KEY_1, "/orders", "{\"orderId\":601,\"symbol\":\"BTC-USD\",\"side\":\"BUY\"," +
            "\"type\":\"LIMIT\",\"tif\":\"GTC\",\"price\":305,\"qty\":7,\"requestId\":\"r-1\"}"));
        final long seq = buy.get("seq").asLong();
        assertThat(buy.get("requestId").asText()).isEqualTo("r-1");
        final JsonNode trade = buy.get("events").get(1);
        assertThat(trade.get("type").asText()).isEqualTo("TRADE");
        assertThat(trade.get("price").asLong()).isEqualTo(300);
        assertThat(trade.has("makerOrderId")).as("the other side's order id stays private").isFalse();

        final JsonNode depth = ok(http.get(KEY_1, "/symbols/BTC-USD/depth?levels=5&minSeq=" + seq));
        assertThat(depth.get("asOfSeq").asLong()).isGreaterThanOrEqualTo(seq);
        assertThat(depth.get("bestBid").asLong()).isEqualTo(305);
        assertThat(depth.get("bids").get(0).get("qty").asLong()).isEqualTo(2);
        assertThat(depth.get("asks").size()).isZero();

        final JsonNode trades = ok(http.get(KEY_1, "/symbols/BTC-USD/trades?minSeq=" + seq));
        assertThat(trades.get("trades").get(0).get("qty").asLong()).isEqualTo(5);
        final JsonNode candles = ok(http.get(KEY_1, "/symbols/BTC-USD/candles?interval=1s&minSeq=" + seq));
        assertThat(candles.get("candles").get(0).get("volume").asLong()).isEqualTo(5);

        final JsonNode balances = ok(http.get(KEY_1, "/accounts/1/balances?minSeq=" + seq));
        assertThat(balances.get("balances").toString())
            .isEqualTo("[{\"asset\":\"BTC\",\"available\":5,\"reserved\":0},{\"asset\":\"USD\",\"available\":97890,\"reserved\":610}]");
        final JsonNode open = ok(http.get(KEY_1, "/accounts/1/orders?minSeq=" + seq));
        assertThat(open.get("orders").get(0).get("orderId").asLong()).isEqualTo(601);

        final JsonNode order = ok(http.get(KEY_1, "/orders/601?minSeq=" + seq));
        assertThat(order.get("state").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(order.get("filledQty").asLong()).isEqualTo(5);
        assertThat(order.get("avgPrice").asText()).isEqualTo("300");
        assertThat(ok(http.get(KEY_2, "/orders/501?minSeq=" + seq)).get("state").asText()).isEqualTo("FILLED");

        final JsonNode command = ok(http.get(KEY_1, "/commands/" + seq + "?minSeq=" + seq));
        assertThat(command.get("accepted").asBoolean()).isTrue();
        assertThat(command.get("commandType").asText()).isEqualTo("PLACE");
        assertThat(ok(http.get(KEY_1, "/requests/r-1?minSeq=" + seq)).get("seq").asLong()).isEqualTo(seq);
        final JsonNode mine = ok(http.get(KEY_1, "/accounts/1/commands?from=0&minSeq=" + seq));
        assertThat(mine.get("commands").size()).isEqualTo(2); // the deposit and the buy
    }

    @Test
    void shouldCancelAmendAndWithdraw()
    {
        ok(http.post(KEY_1, "/orders",
            "{\"orderId\":7,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":100,\"qty\":10}"));
        final JsonNode amended = ok(http.post(KEY_1, "/orders/7/amend", "{\"price\":90}"));
        assertThat(amended.get("events").get(0).get("type").asText()).isEqualTo("AMENDED");
        final JsonNode canceled = ok(http.post(KEY_1, "/orders/7/cancel", ""));
        assertThat(canceled.get("events").get(0).get("reason").asText()).isEqualTo("USER");
        final JsonNode withdrawn = ok(http.post(KEY_1, "/withdrawals", "{\"asset\":\"USD\",\"amount\":1000}"));
        assertThat(withdrawn.get("events").get(0).get("type").asText()).isEqualTo("WITHDRAWN");
        final JsonNode status = ok(http.get(KEY_1, "/orders/7?minSeq=" + canceled.get("seq").asLong()));
        assertThat(status.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(status.get("reason").asText()).isEqualTo("USER");
        final JsonNode balances = ok(http.get(KEY_1, "/accounts/1/balances?minSeq=" + withdrawn.get("seq").asLong()));
        assertThat(balances.get("balances").get(0).get("available").asLong()).isEqualTo(99000);
    }

    @Test
    void shouldAnswer400NamingTheFieldAndSubmitNothing()
    {
        final long before = http.engine.nextSeq();
        badField(http.post(KEY_1, "/orders", "{\"orderId\":1,"), "body");
        badField(http.post(KEY_1, "/orders", "[1,2]"), "body");
        badField(http.post(KEY_1, "/orders", order("\"qty\":\"5\"")), "qty");
        badField(http.post(KEY_1, "/orders", order("\"qty\":9223372036854775808")), "qty");
        badField(http.post(KEY_1, "/orders", order("\"qty\":1.5")), "qty");
        badField(http.post(KEY_1, "/orders",
            "{\"orderId\":1,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":1}"), "qty");
        badField(http.post(KEY_1, "/orders", order("\"qty\":1").replace("BTC-USD", "DOGE-USD")), "symbol");
        badField(http.post(KEY_1, "/orders", order("\"qty\":1").replace("\"BUY\"", "\"UP\"")), "side");
        badField(http.post(KEY_1, "/orders", order("\"qty\":1").replace("\"orderId\":1", "\"orderId\":true")), "orderId");
        badField(http.post(KEY_1, "/orders/abc/cancel", ""), "orderId");
        badField(http.post(OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"US D\",\"amount\":1}"), "asset");
        badField(http.get(KEY_1, "/symbols/NOPE/depth"), "symbol");
        badField(http.get(KEY_1, "/symbols/BTC-USD/depth?levels=x"), "levels");
        badField(http.get(KEY_1, "/symbols/BTC-USD/candles?interval=2m"), "interval");
        assertThat(http.engine.nextSeq()).as("nothing reached the engine").isEqualTo(before);
    }

    @Test
    void shouldRequireAKeyAndTheRightRole()
    {
        assertThat(http.get(null, "/symbols/BTC-USD/depth").status()).isEqualTo(401);
        assertThat(http.get("not-a-real-key", "/symbols/BTC-USD/depth").status()).isEqualTo(401);
        assertThat(http.post(KEY_1, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":1}").status()).isEqualTo(403);
        assertThat(http.post(KEY_1, "/symbols", "{\"symbol\":\"X\",\"base\":\"A\",\"quote\":\"B\"}").status())
            .isEqualTo(403);
        assertThat(error(http.get(null, "/accounts/1/balances")).get("error").asText()).contains("missing API key");
    }

    @Test
    void shouldKeepAccountsApart()
    {
        final JsonNode placed = ok(http.post(KEY_1, "/orders", order("\"qty\":1")));
        final long seq = placed.get("seq").asLong();
        final HttpFixture.Reply foreign = http.get(KEY_2, "/orders/1?minSeq=" + seq);
        final HttpFixture.Reply unknown = http.get(KEY_2, "/orders/999?minSeq=" + seq);
        assertThat(foreign.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(foreign.body().replace("1", "")).isEqualTo(unknown.body().replace("999", ""));
        assertThat(http.get(KEY_2, "/commands/" + seq).status()).isEqualTo(404);
        assertThat(http.get(KEY_2, "/accounts/1/balances").status()).isEqualTo(403);
        assertThat(http.get(KEY_2, "/accounts/1/orders").status()).isEqualTo(403);
        assertThat(http.get(KEY_2, "/accounts/1/commands").status()).isEqualTo(403);
        assertThat(http.post(KEY_2, "/orders", order("\"qty\":1,\"account\":1")).status()).isEqualTo(403);
        assertThat(http.post(KEY_2, "/withdrawals", "{\"account\":1,\"asset\":\"USD\",\"amount\":1}").status())
            .isEqualTo(403);
        final JsonNode cancel = ok(http.post(KEY_2, "/orders/1/cancel", ""));
        assertThat(cancel.get("events").get(0).get("reason").asText()).isEqualTo("UNKNOWN_ORDER");
        final JsonNode amend = ok(http.post(KEY_2, "/orders/1/amend", "{\"qty\":5}"));
        assertThat(amend.get("events").get(0).get("reason").asText()).isEqualTo("UNKNOWN_ORDER");
        // The operator sees everything, naming the account whose order id it gives.
        assertThat(ok(http.get(OPERATOR, "/orders/1?account=1&minSeq=" + seq)).get("account").asLong()).isEqualTo(1);
        assertThat(http.get(OPERATOR, "/orders/1?account=2&minSeq=" + seq).status()).isEqualTo(404);
        assertThat(ok(http.get(OPERATOR, "/accounts/1/balances")).get("balances").size()).isEqualTo(1);
    }

    @Test
    void shouldLetTwoAccountsUseTheSameOrderIdEachSeeingOnlyTheirOwn()
    {
        final JsonNode buy = ok(http.post(KEY_1, "/orders", order("\"orderId\":42,\"qty\":3").replace("\"orderId\":1,", "")));
        final JsonNode sell = ok(http.post(KEY_2, "/orders", "{\"orderId\":42,\"symbol\":\"BTC-USD\",\"side\":\"SELL\"," +
            "\"type\":\"LIMIT\",\"price\":200,\"qty\":4}"));
        assertThat(buy.get("events").get(0).get("type").asText()).isEqualTo("ACCEPTED");
        assertThat(sell.get("events").get(0).get("type").asText()).as("B may use an id A has open").isEqualTo("ACCEPTED");
        assertThat(sell.get("events").get(0).get("orderId").asLong()).as("shown with the client's own id").isEqualTo(42);
        final long seq = sell.get("seq").asLong();

        final JsonNode mine = ok(http.get(KEY_1, "/orders/42?minSeq=" + seq));
        assertThat(mine.get("side").asText()).isEqualTo("BUY");
        assertThat(mine.get("orderId").asLong()).isEqualTo(42);
        assertThat(ok(http.get(KEY_2, "/orders/42?minSeq=" + seq)).get("side").asText()).isEqualTo("SELL");
        assertThat(ok(http.get(KEY_1, "/accounts/1/orders?minSeq=" + seq)).get("orders").get(0).get("orderId").asLong())
            .isEqualTo(42);

        final JsonNode canceled = ok(http.post(KEY_2, "/orders/42/cancel", ""));
        assertThat(canceled.get("events").get(0).get("type").asText()).isEqualTo("CANCELED");
        assertThat(canceled.get("events").get(0).get("orderId").asLong()).isEqualTo(42);
        final long after = canceled.get("seq").asLong();
        assertThat(ok(http.get(KEY_1, "/orders/42?minSeq=" + after)).get("state").asText()).as("A's order untouched")
            .isEqualTo("NEW");
        final JsonNode reused = ok(http.post(KEY_2, "/orders", "{\"orderId\":42,\"symbol\":\"BTC-USD\",\"side\":\"SELL\"," +
            "\"type\":\"LIMIT\",\"price\":201,\"qty\":1}"));
        assertThat(reused.get("accepted").asBoolean()).as("B may reuse its own finished id").isTrue();
        assertThat(ok(http.get(KEY_1, "/orders/42?minSeq=" + reused.get("seq").asLong())).get("side").asText())
            .as("and A still finds its own").isEqualTo("BUY");

        final JsonNode duplicate = ok(http.post(KEY_1, "/orders", order("\"orderId\":42,\"qty\":1").replace("\"orderId\":1,", "")));
        assertThat(duplicate.get("events").get(0).get("reason").asText()).as("a duplicate within one account")
            .isEqualTo("DUPLICATE_ORDER_ID");
        assertThat(duplicate.get("events").get(0).get("orderId").asLong()).isEqualTo(42);
    }

    @Test
    void shouldReadItsOwnWritesOrSayWhyNot()
    {
        final HttpFixture.Reply queued = http.post(KEY_1, "/orders?wait=false", order("\"qty\":3"));
        assertThat(queued.status()).isEqualTo(202);
        final long seq = json(queued).get("seq").asLong();
        final JsonNode open = ok(http.get(KEY_1, "/accounts/1/orders?minSeq=" + seq));
        assertThat(open.get("asOfSeq").asLong()).isGreaterThanOrEqualTo(seq);
        assertThat(open.get("orders").get(0).get("openQty").asLong()).isEqualTo(3);
        final HttpFixture.Reply late = http.get(KEY_1, "/accounts/1/orders?minSeq=" + (seq + 1000) + "&timeoutMs=50");
        assertThat(late.status()).isEqualTo(504);
        assertThat(json(late).get("field").asText()).isEqualTo("minSeq");
    }

    @Test
    void shouldRefuseAReusedRequestId()
    {
        ok(http.post(KEY_1, "/withdrawals", "{\"asset\":\"USD\",\"amount\":1,\"requestId\":\"w1\"}"));
        final HttpFixture.Reply again = http.post(KEY_1, "/withdrawals", "{\"asset\":\"USD\",\"amount\":1,\"requestId\":\"w1\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get(KEY_2, "/requests/w1").status()).as("request ids are per account").isEqualTo(404);
    }

    static String order(final String extra)
    {
        return "{\"orderId\":1,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":100," + extra + "}";
    }

    static JsonNode ok(final HttpFixture.Reply reply)
    {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json(reply);
    }

    private static void badField(final HttpFixture.Reply reply, final String field)
    {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(json(reply).get("field").asText()).as(reply.body()).isEqualTo(field);
    }

    private static JsonNode error(final HttpFixture.Reply reply)
    {
        return json(reply);
    }

    static JsonNode json(final HttpFixture.Reply reply)
    {
        try
        {
            return JsonBody.MAPPER.readTree(reply.body());
        }
        catch (final IOException e)
        {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }
}
