package engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import engine.saga.SimulatedWallet;
import engine.testing.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over HTTP: withdrawal sagas through the transfer worker and a simulated wallet that
 * refuses one new withdrawal in three, and deposit notifications credited once.
 */
class WithdrawalSagaHttpTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPayTwoWithdrawalsInThreeAndGiveTheThirdBack() throws Exception
    {
        final SimulatedWallet wallet = new SimulatedWallet().failEvery(3);
        try (LiveHttpServer server = LiveHttpServer.create(dir, wallet))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();
            final List<Long> sagas = new ArrayList<>();
            for (int i = 0; i < 9; i++)
            {
                final JsonNode answer = api.post(LiveHttpServer.KEY_1, "/withdrawals/request", "{\"asset\":\"USD\",\"amount\":100}");
                final JsonNode pending = answer.get("events").get(0);
                assertThat(pending.get("type").asText()).isEqualTo("WITHDRAW_PENDING");
                assertThat(pending.get("withdrawalId").asLong()).isEqualTo(answer.get("seq").asLong());
                sagas.add(pending.get("withdrawalId").asLong());
            }

            final long expected = 100_000 - 6 * 100;
            final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(10)).toNanos();
            long available = -1;
            while (System.nanoTime() < deadline)
            {
                available = usd(api.get(LiveHttpServer.KEY_1, "/accounts/1/balances"));
                if (available == expected && wallet.payments() == 6)
                {
                    break;
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            assertThat(available).as("available USD once every saga ended").isEqualTo(expected);
            assertThat(wallet.payments()).isEqualTo(6);
            assertThat(sagas).hasSize(9).doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldCreditADepositNotificationOnceAndOnlyForTheOperator() throws Exception
    {
        try (LiveHttpServer server = LiveHttpServer.create(dir))
        {
            final ApiClient api = new ApiClient(server.port());
            api.seed();
            final String body = "{\"account\":1,\"asset\":\"USD\",\"amount\":50,\"txId\":777}";

            assertThat(api.post(LiveHttpServer.OPERATOR, "/deposits/notify", body).get("events").get(0).get("type").asText())
                .isEqualTo("DEPOSITED");
            final JsonNode repeat = api.post(LiveHttpServer.OPERATOR, "/deposits/notify", body).get("events").get(0);
            assertThat(repeat.get("type").asText()).isEqualTo("REJECTED");
            assertThat(repeat.get("reason").asText()).isEqualTo("DUPLICATE_TRANSFER");
            assertThat(usd(api.get(LiveHttpServer.KEY_1, "/accounts/1/balances"))).isEqualTo(100_050);
            assertThatThrownBy(() -> api.post(LiveHttpServer.KEY_1, "/deposits/notify", body.replace("777", "778")))
                .hasMessageContaining("answered 403");
        }
    }

    private static long usd(final JsonNode balances)
    {
        for (final JsonNode balance : balances.get("balances"))
        {
            if (balance.get("asset").asText().equals("USD"))
            {
                return balance.get("available").asLong();
            }
        }
        return 0;
    }
}
