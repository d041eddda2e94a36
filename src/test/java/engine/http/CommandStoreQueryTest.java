package engine.http;

import static engine.http.HttpApiTest.json;
import static engine.http.HttpApiTest.ok;
import static engine.http.HttpFixture.KEY_1;
import static engine.http.HttpFixture.KEY_2;
import static engine.http.HttpFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import engine.journal.JournalDirectory;
import engine.journal.JournalLookup;
import engine.readmodel.EventStoreReader;
import engine.readmodel.ReadModels;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command store over HTTP: every command's status and full text (read from the journal) by
 * seq, by request id, and by time range for one account or all, paged; only one's own commands
 * for an account key.
 */
class CommandStoreQueryTest
{
    private static final String H_SYMBOL = "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}";

    @TempDir
    Path data;

    private static JsonNode deposit(final HttpClientFixture http, final long account, final long amount)
    {
        return ok(http.post(OPERATOR, "/deposits", "{\"account\":" + account + ",\"asset\":\"USD\",\"amount\":" + amount + "}"));
    }

    /** A live server over {@link #data} with a market: seq 1 adds BTC-USD, 2 and 3 fund accounts 1 and 2. */
    private LiveHttpFixture serverWithMarket(final ReadModels.Retention retention) throws Exception
    {
        LiveHttpFixture.writeKeys(data);
        final LiveHttpFixture server = new LiveHttpFixture(data, retention);
        ok(server.http.post(OPERATOR, "/symbols", H_SYMBOL));
        deposit(server.http, 1, 100_000);
        deposit(server.http, 2, 50_000);
        return server;
    }

    private static void status(final HttpFixture.Reply reply, final int status, final String field)
    {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (field != null)
        {
            assertThat(json(reply).get("field").asText()).as(reply.body()).isEqualTo(field);
            assertThat(json(reply).get("error").asText()).as(reply.body()).startsWith(field + ": ");
        }
    }

    private static String encoded(final String text)
    {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerACommandWithItsFullTextBySeqAndByRequestId() throws Exception
    {
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.defaults()))
        {
            final HttpClientFixture http = server.http;
            final JsonNode placed = ok(http.post(KEY_1, "/orders", "{\"orderId\":7,\"symbol\":\"BTC-USD\",\"side\":\"BUY\"," +
                "\"type\":\"LIMIT\",\"price\":100,\"qty\":3,\"requestId\":\"buy-7\"}"));
            final long seq = placed.get("seq").asLong();
            final long timestamp = placed.get("timestamp").asLong();

            final JsonNode bySeq = ok(http.get(KEY_1, "/commands/" + seq));
            assertThat(bySeq.get("commandType").asText()).isEqualTo("PLACE");
            assertThat(bySeq.get("accepted").asBoolean()).isTrue();
            assertThat(bySeq.get("orderId").asLong()).as("the account's own order id").isEqualTo(7);
            // The journaled command, with the account's own order id (the engine-wide one stays hidden).
            assertThat(bySeq.get("text").asText()).isEqualTo("PLACE," + timestamp + ",1,7,BTC-USD,BUY,LIMIT,GTC,100,3");
            final JsonNode cancel = ok(http.post(KEY_1, "/orders/7/cancel", ""));
            assertThat(ok(http.get(OPERATOR, "/commands/" + cancel.get("seq").asLong())).get("text").asText())
                .isEqualTo("CANCEL," + cancel.get("timestamp").asLong() + ",1,7");
            final JsonNode deposit = ok(http.get(OPERATOR, "/commands/2"));
            assertThat(deposit.get("text").asText()).isEqualTo("DEPOSIT," + deposit.get("timestamp").asLong() + ",1,USD,100000");

            final JsonNode byRequest = ok(http.get(KEY_1, "/commands/by-request/buy-7"));
            assertThat(byRequest.get("seq").asLong()).isEqualTo(seq);
            assertThat(byRequest.get("requestId").asText()).isEqualTo("buy-7");
            assertThat(byRequest.get("text").asText()).isEqualTo(bySeq.get("text").asText());
            assertThat(ok(http.get(OPERATOR, "/commands/by-request/buy-7?account=1")).get("seq").asLong()).isEqualTo(seq);
            status(http.get(OPERATOR, "/commands/by-request/buy-7"), 400, "account");
            status(http.get(KEY_1, "/commands/by-request/no-such"), 404, null);
        }
    }

    @Test
    void shouldGiveAProjectionTheTextWhenItHasTheJournal() throws Exception
    {
        final long seq;
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.defaults()))
        {
            seq = ok(server.http.post(KEY_2, "/withdrawals", "{\"asset\":\"USD\",\"amount\":3}")).get("seq").asLong();
        }
        final ReadModels models = new ReadModels(1_000_000L);
        final Identities ids = new Identities();
        EventStoreReader.readAll(data.resolve("events"), batch ->
        {
            ids.learn(batch);
            models.accept(batch);
        });
        final HttpEndpoint anyPort = HttpEndpoint.plain(HttpEndpoint.LOOPBACK, 0);
        try (JournalLookup journal = JournalLookup.of(JournalDirectory.of(data));
            HttpApi withJournal = HttpApi.startReadOnly(models, HttpFixture.KEYS, anyPort, ids, journal);
            HttpApi without = HttpApi.startReadOnly(models, HttpFixture.KEYS, anyPort, ids))
        {
            final JsonNode command = ok(new HttpClientFixture(withJournal::port).get(KEY_2, "/commands/" + seq));
            assertThat(command.get("text").asText()).isEqualTo("WITHDRAW," + command.get("timestamp").asLong() + ",2,USD,3");
            final JsonNode page = ok(new HttpClientFixture(without::port).get(KEY_2, "/commands"));
            assertThat(seqs(page)).containsExactly(3L, seq);
            assertThat(page.get("commands").get(1).get("text").isNull()).as("no journal, no text").isTrue();
        }
    }

    @Test
    void shouldShowAnAccountOnlyItsOwnCommands() throws Exception
    {
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.defaults()))
        {
            final HttpClientFixture http = server.http;
            final long mine = ok(http.post(KEY_1, "/withdrawals", "{\"asset\":\"USD\",\"amount\":10,\"requestId\":\"w\"}"))
                .get("seq").asLong();
            final long theirs = ok(http.post(KEY_2, "/withdrawals", "{\"asset\":\"USD\",\"amount\":20,\"requestId\":\"w\"}"))
                .get("seq").asLong();

            status(http.get(KEY_1, "/commands?account=2"), 403, null);
            final HttpFixture.Reply other = http.get(KEY_1, "/commands/" + theirs);
            status(other, 404, null);
            assertThat(json(other).get("error").asText()).as("the same words as an unknown seq")
                .isEqualTo("unknown command " + theirs);
            assertThat(ok(http.get(KEY_1, "/commands/by-request/w")).get("seq").asLong()).as("each account's own w")
                .isEqualTo(mine);
            assertThat(ok(http.get(KEY_2, "/commands/by-request/w")).get("seq").asLong()).isEqualTo(theirs);

            final JsonNode own = ok(http.get(KEY_1, "/commands?minSeq=" + theirs));
            assertThat(seqs(own)).as("the deposit to account 1 and its withdrawal").containsExactly(2L, mine);
            for (final JsonNode c : own.get("commands"))
            {
                assertThat(c.get("account").asLong()).isEqualTo(1);
                assertThat(c.get("text").isNull()).isFalse();
            }
            assertThat(seqs(ok(http.get(KEY_1, "/commands?account=1")))).containsExactly(2L, mine);
            assertThat(seqs(ok(http.get(OPERATOR, "/commands?account=2")))).containsExactly(3L, theirs);
            assertThat(seqs(ok(http.get(OPERATOR, "/commands")))).as("the operator sees every command")
                .containsExactly(1L, 2L, 3L, mine, theirs);
        }
    }

    @Test
    void shouldFilterByOutcomeAndTimeRange() throws Exception
    {
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.defaults()))
        {
            final HttpClientFixture http = server.http;
            final JsonNode refused = ok(http.post(KEY_1, "/withdrawals", "{\"asset\":\"USD\",\"amount\":999999999}"));
            assertThat(refused.get("accepted").asBoolean()).isFalse();
            final long last = deposit(http, 1, 5).get("seq").asLong();

            final JsonNode rejected = ok(http.get(KEY_1, "/commands?status=rejected&minSeq=" + last));
            assertThat(seqs(rejected)).containsExactly(refused.get("seq").asLong());
            assertThat(rejected.get("commands").get(0).get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
            assertThat(rejected.get("commands").get(0).get("text").asText()).startsWith("WITHDRAW,");
            assertThat(seqs(ok(http.get(KEY_1, "/commands?status=ACCEPTED")))).containsExactly(2L, last);

            // Every command's time against the range, in both notations.
            final JsonNode all = ok(http.get(OPERATOR, "/commands"));
            final long middle = all.get("commands").get(2).get("timestamp").asLong();
            final List<Long> expected = new ArrayList<>();
            for (final JsonNode c : all.get("commands"))
            {
                if (c.get("timestamp").asLong() >= middle)
                {
                    expected.add(c.get("seq").asLong());
                }
            }
            assertThat(seqs(ok(http.get(OPERATOR, "/commands?from=" + middle)))).isEqualTo(expected);
            final String iso = encoded(Instant.ofEpochMilli(middle).toString());
            assertThat(seqs(ok(http.get(OPERATOR, "/commands?from=" + iso)))).as("ISO-8601").isEqualTo(expected);
            final List<Long> before = seqs(ok(http.get(OPERATOR, "/commands?to=" + (middle - 1))));
            assertThat(before).as("the rest").doesNotContainAnyElementsOf(expected).hasSize(all.get("commands").size() -
                expected.size());
            assertThat(seqs(ok(http.get(OPERATOR, "/commands?from=2000-01-01&to=2100-01-01T00:00:00Z")))).hasSize(5);
            assertThat(seqs(ok(http.get(OPERATOR, "/commands?to=2000-01-01T00:00:00%2B01:00")))).isEmpty();
        }
    }

    @Test
    void shouldPageWithoutRepeatsOrGapsWhileCommandsArrive() throws Exception
    {
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.defaults()))
        {
            final HttpClientFixture http = server.http;
            for (int i = 0; i < 40; i++)
            {
                deposit(http, 1 + i % 2, 1);
            }
            final AtomicReference<Throwable> failed = new AtomicReference<>();
            final CountDownLatch firstPage = new CountDownLatch(1);
            final Thread writer = new Thread(() ->
            {
                try
                {
                    firstPage.await();
                    for (int i = 0; i < 100; i++)
                    {
                        deposit(http, 1 + i % 2, 1);
                    }
                }
                catch (final Throwable t)
                {
                    failed.set(t);
                }
            });
            writer.start();
            final List<Long> paged = new ArrayList<>();
            final List<Long> asOf = new ArrayList<>();
            String next = null;
            int pages = 0;
            do
            {
                final JsonNode page = ok(http.get(OPERATOR, "/commands?limit=7" + (next == null ? "" : "&cursor=" + next)));
                assertThat(page.get("commands").size()).isLessThanOrEqualTo(7);
                for (final JsonNode c : page.get("commands"))
                {
                    paged.add(c.get("seq").asLong());
                    assertThat(c.get("text").asText()).as("every command's text").isNotEmpty();
                }
                asOf.add(page.get("asOfSeq").asLong());
                next = page.get("next").isNull() ? null : page.get("next").asText();
                pages++;
                if (pages == 1)
                {
                    firstPage.countDown();
                }
                if (pages == 3)
                {
                    writer.join();
                }
            }
            while (next != null);
            assertThat(failed.get()).isNull();
            final long end = asOf.get(asOf.size() - 1);
            assertThat(end).as("all 143 commands in by the last page").isEqualTo(143);
            assertThat(asOf.get(0)).as("the first page saw only the first 43").isEqualTo(43);
            final List<Long> expected = new ArrayList<>();
            for (long seq = 1; seq <= end; seq++)
            {
                expected.add(seq);
            }
            assertThat(paged).as("no repeats, no gaps, oldest first").isEqualTo(expected);

            // One account's commands page the same way.
            final List<Long> account2 = new ArrayList<>();
            next = null;
            do
            {
                final JsonNode page = ok(http.get(KEY_2, "/commands?limit=9" + (next == null ? "" : "&cursor=" + next)));
                page.get("commands").forEach(c -> account2.add(c.get("seq").asLong()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }
            while (next != null);
            assertThat(account2).hasSize(71).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldSayWhenOlderCommandsAreNoLongerKept() throws Exception
    {
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.builder().commands(10).build()))
        {
            final HttpClientFixture http = server.http;
            final JsonNode first = ok(http.get(OPERATOR, "/commands?limit=2"));
            assertThat(first.get("truncated").asBoolean()).isFalse();
            long last = 0;
            for (int i = 0; i < 20; i++)
            {
                last = deposit(http, 1, 1).get("seq").asLong();
            }
            final HttpFixture.Reply expired = http.get(OPERATOR, "/commands?minSeq=" + last + "&cursor=" + first.get("next").asText());
            status(expired, 410, "cursor");
            final JsonNode kept = ok(http.get(OPERATOR, "/commands"));
            assertThat(kept.get("truncated").asBoolean()).as("the range reaches before the oldest kept").isTrue();
            assertThat(seqs(kept)).hasSize(10).endsWith(last);
            status(http.get(OPERATOR, "/commands/1"), 404, null);
            assertThat(json(http.get(OPERATOR, "/commands/1")).get("error").asText()).contains("older than the last 10");
        }
    }

    @Test
    void shouldRefuseBadParametersNamingThem() throws Exception
    {
        try (LiveHttpFixture server = serverWithMarket(ReadModels.Retention.defaults()))
        {
            final HttpClientFixture http = server.http;
            status(http.get(OPERATOR, "/commands?from=yesterday"), 400, "from");
            assertThat(json(http.get(OPERATOR, "/commands?from=yesterday")).get("error").asText()).contains("ISO-8601");
            status(http.get(OPERATOR, "/commands?to=2026-12-02T12:00:00"), 400, "to");
            status(http.get(OPERATOR, "/commands?from=2000-01-02&to=2000-01-01"), 400, "to");
            status(http.get(OPERATOR, "/commands?status=maybe"), 400, "status");
            status(http.get(OPERATOR, "/commands?limit=0"), 400, "limit");
            status(http.get(OPERATOR, "/commands?limit=1001"), 400, "limit");
            status(http.get(OPERATOR, "/commands?cursor=abc"), 400, "cursor");
            status(http.get(OPERATOR, "/commands?cursor=0"), 400, "cursor");
            status(http.get(OPERATOR, "/commands?account=x"), 400, "account");
            status(http.get(OPERATOR, "/commands/x"), 400, "seq");
            status(http.get("not-a-key-at-all", "/commands"), 401, null);
        }
    }

    private static List<Long> seqs(final JsonNode page)
    {
        final List<Long> out = new ArrayList<>();
        page.get("commands").forEach(c -> out.add(c.get("seq").asLong()));
        return out;
    }
}
