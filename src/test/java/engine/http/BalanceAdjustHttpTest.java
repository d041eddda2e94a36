package engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /admin/balances/adjust: the admin's correction of one balance. The operator (daily flows) and account
 * keys are refused; the admin reads every account but runs no daily flow and acts for no account.
 */
class BalanceAdjustHttpTest
{
    private static final String PATH = "/admin/balances/adjust";

    @TempDir
    Path dir;

    @Test
    void shouldAdjustForTheAdminOnlyAndRefuseBadFields() throws Exception
    {
        try (LiveHttpServer server = LiveHttpServer.create(dir))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();
            final long before = api.availableUsd();

            final JsonNode debit = api.post(LiveHttpServer.ADMIN, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":-40,\"reasonCode\":12}").get("events").get(0);
            assertThat(debit.get("type").asText()).isEqualTo("BALANCE_ADJUSTED");
            assertThat(debit.get("amount").asLong()).isEqualTo(-40);
            assertThat(debit.get("reasonCode").asLong()).isEqualTo(12);
            assertThat(api.availableUsd()).isEqualTo(before - 40);

            final JsonNode unknown = api.post(LiveHttpServer.ADMIN, PATH,
                "{\"account\":999,\"asset\":\"USD\",\"amount\":5,\"reasonCode\":1}").get("events").get(0);
            assertThat(unknown.get("type").asText()).isEqualTo("REJECTED");
            assertThat(unknown.get("reason").asText()).isEqualTo("UNKNOWN_ACCOUNT");

            final String credit = "{\"account\":1,\"asset\":\"USD\",\"amount\":1000,\"reasonCode\":1}";
            assertThatThrownBy(() -> api.post(LiveHttpServer.OPERATOR, PATH, credit)).as("the operator may not correct")
                .hasMessageContaining("answered 403").hasMessageContaining("admin key required");
            assertThatThrownBy(() -> api.post(LiveHttpServer.KEY_1, PATH, credit)).as("nor may an account")
                .hasMessageContaining("answered 403").hasMessageContaining("admin key required");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":0,\"reasonCode\":1}")).hasMessageContaining("answered 400")
                .hasMessageContaining("amount");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":5,\"reasonCode\":65536}")).hasMessageContaining("answered 400")
                .hasMessageContaining("reasonCode");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":5}")).hasMessageContaining("answered 400")
                .hasMessageContaining("reasonCode");
            assertThat(api.availableUsd()).as("nothing refused reached the balance")
                .isEqualTo(before - 40);
        }
    }

    @Test
    void shouldLetTheAdminReadEveryAccountButRunNoDailyFlow() throws Exception
    {
        try (LiveHttpServer server = LiveHttpServer.create(dir))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();

            assertThat(api.get(LiveHttpServer.ADMIN, "/accounts/2/balances").get("balances").get(0).get("asset").asText())
                .isEqualTo("BTC");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, "/deposits",
                "{\"account\":1,\"asset\":\"USD\",\"amount\":5}")).hasMessageContaining("answered 403")
                .hasMessageContaining("operator key required");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, "/withdrawals",
                "{\"account\":1,\"asset\":\"USD\",\"amount\":5}")).hasMessageContaining("answered 403");
            assertThatThrownBy(() -> api.post(LiveHttpServer.ADMIN, "/orders", "{\"account\":1,\"orderId\":1,"
                + "\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":10,\"qty\":1}"))
                .hasMessageContaining("answered 403");
        }
    }
}
