package engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /admin/balances/adjust: the operator's correction of one balance; account keys are refused. */
class BalanceAdjustHttpTest
{
    private static final String PATH = "/admin/balances/adjust";

    @TempDir
    Path dir;

    @Test
    void shouldAdjustForTheOperatorOnlyAndRefuseBadFields() throws Exception
    {
        try (LiveHttpServer server = LiveHttpServer.create(dir))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();
            final long before = api.availableUsd();

            final JsonNode debit = api.post(LiveHttpServer.OPERATOR, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":-40,\"reasonCode\":12}").get("events").get(0);
            assertThat(debit.get("type").asText()).isEqualTo("BALANCE_ADJUSTED");
            assertThat(debit.get("amount").asLong()).isEqualTo(-40);
            assertThat(debit.get("reasonCode").asLong()).isEqualTo(12);
            assertThat(api.availableUsd()).isEqualTo(before - 40);

            final JsonNode unknown = api.post(LiveHttpServer.OPERATOR, PATH,
                "{\"account\":999,\"asset\":\"USD\",\"amount\":5,\"reasonCode\":1}").get("events").get(0);
            assertThat(unknown.get("type").asText()).isEqualTo("REJECTED");
            assertThat(unknown.get("reason").asText()).isEqualTo("UNKNOWN_ACCOUNT");

            assertThatThrownBy(() -> api.post(LiveHttpServer.KEY_1, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":1000,\"reasonCode\":1}")).hasMessageContaining("answered 403");
            assertThatThrownBy(() -> api.post(LiveHttpServer.OPERATOR, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":0,\"reasonCode\":1}")).hasMessageContaining("answered 400")
                .hasMessageContaining("amount");
            assertThatThrownBy(() -> api.post(LiveHttpServer.OPERATOR, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":5,\"reasonCode\":65536}")).hasMessageContaining("answered 400")
                .hasMessageContaining("reasonCode");
            assertThatThrownBy(() -> api.post(LiveHttpServer.OPERATOR, PATH,
                "{\"account\":1,\"asset\":\"USD\",\"amount\":5}")).hasMessageContaining("answered 400")
                .hasMessageContaining("reasonCode");
            assertThat(api.availableUsd()).as("nothing refused reached the balance")
                .isEqualTo(before - 40);
        }
    }
}
