package engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /admin/trades/bust: the admin reverses one trade, named by the seq and tradeIndex its TRADE event showed;
 * operator and account keys are refused, bad fields answer 400.
 */
class TradeBustHttpTest
{
    private static final String PATH = "/admin/trades/bust";

    @TempDir
    Path dir;

    @Test
    void shouldBustForTheAdminOnlyAndRefuseBadFields() throws Exception
    {
        try (LiveHttpServer server = LiveHttpServer.create(dir))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();
            final long before = api.availableUsd();
            api.limit(LiveHttpServer.KEY_2, 501, "SELL", 300, 3);
            final JsonNode bought = api.post(LiveHttpServer.KEY_1, "/orders", "{\"orderId\":601,\"symbol\":\"BTC-USD\"," +
                "\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":300,\"qty\":3}");
            final long seq = bought.get("seq").asLong();
            final JsonNode trade = bought.get("events").get(1);
            assertThat(trade.get("type").asText()).isEqualTo("TRADE");
            assertThat(trade.get("tradeIndex").asLong()).as("the trade's id is (seq, tradeIndex)").isZero();
            assertThat(api.availableUsd()).isEqualTo(before - 900);
            final JsonNode tape = api.get(LiveHttpServer.KEY_1, "/symbols/BTC-USD/trades?minSeq=" + seq).get("trades").get(0);
            assertThat(tape.get("seq").asLong()).isEqualTo(seq);
            assertThat(tape.get("tradeIndex").asLong()).as("the tape names the trade the same way").isZero();

            final JsonNode busted = api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":" + seq + ",\"index\":0}")
                .get("events").get(0);
            assertThat(busted.get("type").asText()).isEqualTo("TRADE_BUSTED");
            assertThat(busted.get("tradeSeq").asLong()).isEqualTo(seq);
            assertThat(busted.get("tradeIndex").asLong()).isZero();
            assertThat(busted.get("buyer").asLong()).isEqualTo(1);
            assertThat(busted.get("seller").asLong()).isEqualTo(2);
            assertThat(busted.get("qty").asLong()).isEqualTo(3);
            assertThat(api.availableUsd()).as("the buyer has its quote back").isEqualTo(before);

            final JsonNode again = api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":" + seq + ",\"index\":0}");
            assertThat(again.get("accepted").asBoolean()).isFalse();
            assertThat(again.get("events").get(0).get("reason").asText()).isEqualTo("DUPLICATE_BUST");
            final JsonNode unknown = api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":" + seq + ",\"index\":1}");
            assertThat(unknown.get("events").get(0).get("reason").asText()).isEqualTo("UNKNOWN_TRADE");

            assertThatThrownBy(() -> api.post(LiveHttpServer.KEY_1, PATH, "{\"seq\":" + seq + ",\"index\":0}"))
                .hasMessageContaining("answered 403");
            assertThatThrownBy(() -> api.post(LiveHttpServer.OPERATOR, PATH, "{\"seq\":" + seq + ",\"index\":0}"))
                .as("the operator may not correct").hasMessageContaining("answered 403").hasMessageContaining("admin key required");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":" + seq + "}"))
                .hasMessageContaining("answered 400").hasMessageContaining("index");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":0,\"index\":0}"))
                .hasMessageContaining("answered 400").hasMessageContaining("seq");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":" + seq + ",\"index\":-1}"))
                .hasMessageContaining("answered 400").hasMessageContaining("index");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH, "{\"seq\":\"x\",\"index\":0}"))
                .hasMessageContaining("answered 400").hasMessageContaining("seq");
            assertThat(api.availableUsd()).as("nothing refused reached the balance").isEqualTo(before);
        }
    }
}
