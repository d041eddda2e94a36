package engine.http;

import static engine.http.HttpApiTest.json;
import static engine.http.HttpApiTest.ok;
import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.KEY_2;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import engine.api.Command;
import engine.api.CommandResult;
import engine.testing.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal saga status over HTTP, answered from the withdrawal read model: one saga by id with
 * its steps, and the list by account and state in pages. An account key sees only its own sagas
 * (someone else's id is the same 404 as an unknown one); the operator sees every saga. The wallet's
 * answers are submitted to the engine directly, as the transfer worker would.
 */
class WithdrawalQueryHttpTest
{
    private HttpFixture http;

    @BeforeEach
    void start()
    {
        http = new HttpFixture(null);
        ok(http.post(OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":100000}"));
        ok(http.post(OPERATOR, "/deposits", "{\"account\":2,\"asset\":\"USD\",\"amount\":100000}"));
    }

    @AfterEach
    void stop()
    {
        http.close();
    }

    /** Starts a saga for the key's account and returns its id. */
    private long request(final String key, final long amount, final long timeoutMillis, final int attempts)
    {
        final JsonNode answer = ok(http.post(key, "/withdrawals/request", "{\"asset\":\"USD\",\"amount\":" + amount +
            ",\"timeoutMillis\":" + timeoutMillis + ",\"attempts\":" + attempts + "}"));
        final JsonNode pending = answer.get("events").get(0);
        assertThat(pending.get("type").asText()).isEqualTo("WITHDRAW_PENDING");
        assertThat(pending.get("maxAttempts").asInt()).isEqualTo(attempts);
        return pending.get("withdrawalId").asLong();
    }

    private CommandResult submit(final Command command) throws Exception
    {
        return http.engine.submit(command).get(TestSettings.timeoutMillis(10), TimeUnit.MILLISECONDS);
    }

    private static void notFound(final HttpFixture.Reply reply, final long id)
    {
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(json(reply).get("error").asText()).as("the same words as an unknown id").isEqualTo("unknown withdrawal " + id);
    }

    @Test
    void shouldShowAnAccountItsOwnSagaAndTheOperatorAnyButNeverAnotherAccountsId() throws Exception
    {
        final long mine = request(KEY_1, 300, 60_000, 3);
        final long theirs = request(KEY_2, 200, 60_000, 3);

        final JsonNode status = ok(http.get(KEY_1, "/withdrawals/" + mine + "?minSeq=" + theirs));
        assertThat(status.get("asOfSeq").asLong()).isGreaterThanOrEqualTo(theirs);
        assertThat(status.get("withdrawalId").asLong()).isEqualTo(mine);
        assertThat(status.get("account").asLong()).isEqualTo(1);
        assertThat(status.get("asset").asText()).isEqualTo("USD");
        assertThat(status.get("amount").asLong()).isEqualTo(300);
        assertThat(status.get("state").asText()).isEqualTo("PENDING");
        assertThat(status.get("attempt").asLong()).isEqualTo(1);
        assertThat(status.get("maxAttempts").asLong()).isEqualTo(3);
        assertThat(status.get("retriesUsed").asLong()).isZero();
        assertThat(status.get("retriesLeft").asLong()).isEqualTo(2);
        final JsonNode step = status.get("steps").get(0);
        assertThat(step.get("type").asText()).isEqualTo("WITHDRAW_PENDING");
        assertThat(step.get("seq").asLong()).isEqualTo(mine);
        assertThat(status.get("deadline").asLong()).as("a minute after the request")
            .isEqualTo(step.get("timestamp").asLong() + 60_000).isEqualTo(step.get("deadline").asLong());

        notFound(http.get(KEY_1, "/withdrawals/" + theirs), theirs);
        notFound(http.get(KEY_1, "/withdrawals/999999"), 999999);
        notFound(http.get(KEY_1, "/withdrawals/1"), 1);
        assertThat(ok(http.get(KEY_2, "/withdrawals/" + theirs)).get("amount").asLong()).isEqualTo(200);
        assertThat(ok(http.get(OPERATOR, "/withdrawals/" + theirs)).get("account").asLong()).isEqualTo(2);
        assertThat(ok(http.get(OPERATOR, "/withdrawals/" + mine)).get("account").asLong()).isEqualTo(1);
        assertThat(http.get(KEY_1, "/withdrawals/abc").status()).isEqualTo(400);
        assertThat(json(http.get(KEY_1, "/withdrawals/abc")).get("field").asText()).isEqualTo("withdrawalId");
        assertThat(http.get(null, "/withdrawals/" + mine).status()).isEqualTo(401);
    }

    @Test
    void shouldFollowASagaThroughItsStepsReadingItsOwnWrites() throws Exception
    {
        final long paid = request(KEY_1, 10, 60_000, 3);
        final CommandResult confirm = submit(new Command().withdrawConfirm(0, paid, 1));
        final JsonNode confirmed = ok(http.get(KEY_1, "/withdrawals/" + paid + "?minSeq=" + confirm.seq()));
        assertThat(confirmed.get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("deadline").isNull()).isTrue();
        assertThat(confirmed.get("retriesLeft").asLong()).isZero();
        assertThat(confirmed.get("lastSeq").asLong()).isEqualTo(confirm.seq());
        assertThat(confirmed.get("steps")).hasSize(2);
        assertThat(confirmed.get("steps").get(1).get("type").asText()).isEqualTo("WITHDRAW_CONFIRMED");
        assertThat(confirmed.get("steps").get(1).get("seq").asLong()).isEqualTo(confirm.seq());
        assertThat(confirmed.get("steps").get(1).get("timestamp").asLong()).isEqualTo(confirm.timestamp());
        assertThat(confirmed.get("steps").get(1).get("deadline").isNull()).isTrue();

        final long refused = request(KEY_1, 10, 60_000, 3);
        final CommandResult fail = submit(new Command().withdrawFail(0, refused, 1));
        assertThat(ok(http.get(KEY_1, "/withdrawals/" + refused + "?minSeq=" + fail.seq())).get("state").asText())
            .isEqualTo("FAILED");

        // Two attempts of a millisecond each: TICKs pass the deadlines (no timer here), until it is cancelling.
        final long unanswered = request(KEY_1, 10, 1, 2);
        final long deadline = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(10)).toNanos();
        JsonNode status = ok(http.get(KEY_1, "/withdrawals/" + unanswered));
        while (!status.get("state").asText().equals("CANCELLING") && System.nanoTime() < deadline)
        {
            final CommandResult tick = submit(new Command().tick(0));
            status = ok(http.get(KEY_1, "/withdrawals/" + unanswered + "?minSeq=" + tick.seq()));
        }
        assertThat(status.get("state").asText()).isEqualTo("CANCELLING");
        assertThat(status.get("deadline").isNull()).as("cancelling: no deadline").isTrue();
        assertThat(status.get("retriesLeft").asLong()).isZero();
        // The wallet's cancel found it not paid (as the worker would relay it): timed out.
        final CommandResult notPaid = submit(new Command().withdrawFail(0, unanswered, 2));
        status = ok(http.get(KEY_1, "/withdrawals/" + unanswered + "?minSeq=" + notPaid.seq()));
        assertThat(status.get("state").asText()).isEqualTo("TIMED_OUT");
        assertThat(status.get("attempt").asLong()).isEqualTo(2);
        assertThat(status.get("retriesUsed").asLong()).isEqualTo(1);
        final List<String> types = new ArrayList<>();
        status.get("steps").forEach(s -> types.add(s.get("type").asText()));
        assertThat(types).containsExactly("WITHDRAW_PENDING", "WITHDRAW_ATTEMPT", "WITHDRAW_CANCELLING", "WITHDRAW_TIMED_OUT");
        final JsonNode retry = status.get("steps").get(1);
        assertThat(retry.get("attempt").asLong()).isEqualTo(2);
        assertThat(retry.get("deadline").asLong()).as("twice the first timeout after the retry started")
            .isEqualTo(retry.get("timestamp").asLong() + 2);
    }

    @Test
    void shouldPageAnAccountsOwnSagasAndTheOperatorsByState() throws Exception
    {
        final List<Long> mine = new ArrayList<>();
        final List<Long> theirs = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            if (i % 3 == 2)
            {
                theirs.add(request(KEY_2, 1, 60_000, 1));
            }
            else
            {
                mine.add(request(KEY_1, 1, 60_000, 1));
            }
        }
        final long last = submit(new Command().withdrawConfirm(0, mine.get(1), 1)).seq();
        submit(new Command().withdrawConfirm(0, theirs.get(0), 1));
        final String at = "&minSeq=" + (last + 1);

        assertThat(paged(KEY_1, "limit=2" + at, 2)).isEqualTo(mine);
        assertThat(paged(KEY_1, "account=1&limit=100" + at, 100)).isEqualTo(mine);
        assertThat(paged(KEY_1, "status=confirmed" + at, 100)).containsExactly(mine.get(1));
        assertThat(paged(KEY_1, "status=PENDING&limit=3" + at, 3)).hasSize(mine.size() - 1).doesNotContain(mine.get(1));
        assertThat(paged(KEY_2, "limit=1" + at, 1)).isEqualTo(theirs);
        assertThat(paged(OPERATOR, "account=2&status=CONFIRMED" + at, 100)).containsExactly(theirs.get(0));
        final List<Long> all = paged(OPERATOR, "limit=4" + at, 4);
        assertThat(all).hasSize(10).isSorted().containsAll(mine).containsAll(theirs);

        final JsonNode first = ok(http.get(KEY_1, "/withdrawals?limit=2" + at));
        assertThat(first.get("next").asText()).isEqualTo(Long.toString(mine.get(1)));
        assertThat(first.get("truncated").asBoolean()).isFalse();
        assertThat(first.get("withdrawals").get(0).get("steps").get(0).get("type").asText()).isEqualTo("WITHDRAW_PENDING");

        assertThat(http.get(KEY_1, "/withdrawals?account=2").status()).isEqualTo(403);
        for (final String bad : List.of("status=LOST", "limit=0", "limit=1001", "cursor=abc", "cursor=0", "account=x"))
        {
            final HttpFixture.Reply reply = http.get(OPERATOR, "/withdrawals?" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(json(reply).get("field").asText()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    /** Every page of {@code GET /withdrawals?query}, following {@code next}; each at most {@code limit}. */
    private List<Long> paged(final String key, final String query, final int limit)
    {
        final List<Long> ids = new ArrayList<>();
        String next = null;
        do
        {
            final JsonNode page = ok(http.get(key, "/withdrawals?" + query + (next == null ? "" : "&cursor=" + next)));
            assertThat(page.get("withdrawals").size()).isLessThanOrEqualTo(limit);
            page.get("withdrawals").forEach(w -> ids.add(w.get("withdrawalId").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        while (next != null);
        return ids;
    }
}
