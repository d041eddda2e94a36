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
 * refuses one new withdrawal in three, each saga's status and steps as GET /withdrawals/{id} shows
 * them, and deposit notifications credited once.
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
                available = api.availableUsd();
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

            // Each saga's status, read from the withdrawal read model once it has what the balances show.
            final long asOf = api.get(LiveHttpServer.KEY_1, "/accounts/1/balances").get("asOfSeq").asLong();
            final List<String> states = new ArrayList<>();
            for (final long id : sagas)
            {
                final JsonNode status = api.get(LiveHttpServer.KEY_1, "/withdrawals/" + id + "?minSeq=" + asOf);
                final String state = status.get("state").asText();
                states.add(state);
                assertThat(status.get("withdrawalId").asLong()).isEqualTo(id);
                assertThat(status.get("amount").asLong()).isEqualTo(100);
                assertThat(status.get("deadline").isNull()).as("finished: no deadline").isTrue();
                final JsonNode steps = status.get("steps");
                assertThat(steps.get(0).get("type").asText()).isEqualTo("WITHDRAW_PENDING");
                assertThat(steps.get(0).get("seq").asLong()).isEqualTo(id);
                assertThat(steps.get(steps.size() - 1).get("type").asText()).isEqualTo("WITHDRAW_" + state);
                assertThat(steps.get(steps.size() - 1).get("seq").asLong()).isEqualTo(status.get("lastSeq").asLong())
                    .isGreaterThan(id);
            }
            assertThat(states).as("paid or refused, one in three refused").containsOnly("CONFIRMED", "FAILED")
                .filteredOn("FAILED"::equals).hasSize(3);
            assertThat(api.get(LiveHttpServer.KEY_1, "/withdrawals?status=FAILED&minSeq=" + asOf).get("withdrawals"))
                .hasSize(3);
            assertThat(api.get(LiveHttpServer.OPERATOR, "/withdrawals?status=CONFIRMED&minSeq=" + asOf).get("withdrawals"))
                .hasSize(6);
            assertThatThrownBy(() -> api.get(LiveHttpServer.KEY_2, "/withdrawals/" + sagas.get(0)))
                .as("another account's saga").hasMessageContaining("answered 404");
        }
    }

    @Test
    void shouldShowTheSameSagasAfterARestart() throws Exception
    {
        final long inFlight;
        final long cancelling;
        final int port;
        final JsonNode before;
        try (LiveHttpServer server = LiveHttpServer.create(dir))
        {
            port = server.port();
            final ApiClient api = new ApiClient(port);
            api.seed();
            // No transfer worker: nobody answers, so the engine timer retries the short one, then it is cancelling (and
            // stays so: no worker asks the wallet whether it paid).
            inFlight = api.post(LiveHttpServer.KEY_1, "/withdrawals/request", "{\"asset\":\"USD\",\"amount\":100," +
                "\"timeoutMillis\":600000}").get("seq").asLong();
            cancelling = api.post(LiveHttpServer.KEY_1, "/withdrawals/request", "{\"asset\":\"USD\",\"amount\":50," +
                "\"timeoutMillis\":1,\"attempts\":2}").get("seq").asLong();
            final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(10)).toNanos();
            while (!api.get(LiveHttpServer.KEY_1, "/withdrawals/" + cancelling).get("state").asText().equals("CANCELLING") &&
                System.nanoTime() < deadline)
            {
                Thread.yield();
            }
            before = api.get(LiveHttpServer.OPERATOR, "/withdrawals");
        }
        assertThat(before.get("withdrawals")).hasSize(2);
        assertThat(before.get("withdrawals").get(1).get("state").asText()).isEqualTo("CANCELLING");
        assertThat(before.get("withdrawals").get(1).get("steps")).hasSize(3);

        try (LiveHttpServer server = LiveHttpServer.start(dir, port))
        {
            final ApiClient api = new ApiClient(server.port());
            final JsonNode after = api.get(LiveHttpServer.OPERATOR, "/withdrawals");
            assertThat(after.get("withdrawals")).as("rebuilt from the event store").isEqualTo(before.get("withdrawals"));
            final JsonNode pending = api.get(LiveHttpServer.KEY_1, "/withdrawals/" + inFlight);
            assertThat(pending.get("state").asText()).isEqualTo("PENDING");
            assertThat(pending.get("retriesLeft").asLong()).isEqualTo(2);
            assertThat(api.get(LiveHttpServer.KEY_1, "/withdrawals/" + cancelling).get("retriesUsed").asLong()).isEqualTo(1);
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
            assertThat(api.availableUsd()).isEqualTo(100_050);
            assertThatThrownBy(() -> api.post(LiveHttpServer.KEY_1, "/deposits/notify", body.replace("777", "778")))
                .hasMessageContaining("answered 403");
        }
    }
}
