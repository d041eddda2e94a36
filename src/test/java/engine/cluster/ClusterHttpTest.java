package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import engine.testing.TestSettings;
import io.aeron.cluster.ClusterTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members, each with HTTP: commands posted to a follower go through the cluster; every member
 * answers the same balances, depth and open orders at the same seq (with {@code ?minSeq=}); a member
 * killed and restarted (from a cluster snapshot, its log and its own event store) answers the same again,
 * and takes commands again.
 */
@Tag("slow")
class ClusterHttpTest
{
    private static final String KEY = "cluster-http-test-operator";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUERIES = List.of("/accounts/1/balances", "/accounts/2/balances",
        "/symbols/BTC-USD/depth", "/accounts/1/orders", "/symbols/BTC-USD/trades");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int[] ports = new int[3];

    @Test
    void everyMemberAnswersTheSameAtTheSameSeqAndAgainAfterARestart() throws Exception
    {
        final int portBase = 24000 + (int)(ProcessHandle.current().pid() % 100) * 300;
        try (ClusterProcesses cluster = new ClusterProcesses(dir, portBase);
            EngineClusterClient client = new EngineClusterClient(11, cluster.layout(), "localhost", System.out))
        {
            for (int i = 0; i < 3; i++)
            {
                start(cluster, i);
            }
            final int leader = client.status().get(TestSettings.timeoutMillis(120), TimeUnit.MILLISECONDS).leader();
            final int follower = (leader + 1) % 3;
            for (int i = 0; i < 3; i++)
            {
                awaitHttp(i);
            }

            post(follower, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}");
            post(follower, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":1000}");
            post(leader, "/deposits", "{\"account\":2,\"asset\":\"BTC\",\"amount\":5}");
            post(follower, "/orders", order(2, 1, "SELL", 10, 1));
            long seq = post(follower, "/orders", order(1, 1, "BUY", 10, 2));
            assertThat(seq).as("five commands, numbered by the cluster").isEqualTo(5);
            final List<JsonNode> first = assertSameEverywhere(seq);
            assertThat(first.get(0).get("balances").toString()).contains("\"available\":980").contains("\"reserved\":10");
            assertThat(first.get(3).get("orders").get(0).get("orderId").asLong()).as("the client's own order id").isEqualTo(1);

            // A snapshot, then more commands: a restart loads the snapshot, replays the log after it, and
            // skips what its event store already holds.
            assertThat(ClusterTool.snapshot(cluster.dir(leader).resolve("cluster").toFile(), System.out)).isTrue();
            await(() -> cluster.statusLog(follower).contains("took snapshot"), "member " + follower + " took no snapshot");
            post(follower, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":5}");
            seq = post(leader, "/orders", order(2, 2, "SELL", 12, 1));
            final List<JsonNode> beforeKill = assertSameEverywhere(seq);

            cluster.kill(follower);
            start(cluster, follower);
            awaitHttp(follower);
            assertThat(answers(follower, seq)).as("the restarted member's read models").isEqualTo(beforeKill);
            assertThat(cluster.statusLog(follower)).contains("loaded snapshot");

            seq = post(follower, "/orders", order(1, 2, "BUY", 12, 1));
            final List<JsonNode> after = assertSameEverywhere(seq);
            assertThat(after.get(4).get("trades").size()).as("two trades on the tape").isEqualTo(2);
        }
    }

    private void start(final ClusterProcesses cluster, final int member) throws IOException
    {
        Files.createDirectories(cluster.dir(member));
        Files.writeString(cluster.dir(member).resolve("api-keys.properties"), KEY + " = operator\n");
        if (ports[member] == 0)
        {
            try (ServerSocket socket = new ServerSocket(0))
            {
                ports[member] = socket.getLocalPort();
            }
        }
        cluster.start(member, List.of("--http", Integer.toString(ports[member])));
    }

    private static String order(final long account, final long orderId, final String side, final long price, final long qty)
    {
        return "{\"account\":" + account + ",\"orderId\":" + orderId + ",\"symbol\":\"BTC-USD\",\"side\":\"" + side +
            "\",\"type\":\"LIMIT\",\"price\":" + price + ",\"qty\":" + qty + "}";
    }

    /** Posts through {@code member}; returns the seq the cluster gave the command. */
    private long post(final int member, final String path, final String body) throws Exception
    {
        final HttpResponse<String> response = http.send(request(member, path).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " on member " + member + ": " + response.body()).isEqualTo(200);
        final JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("events").toString()).as(path).doesNotContain("REJECTED");
        return result.get("seq").asLong();
    }

    /** Every query on every member, at {@code seq}; all three members give the same answers. */
    private List<JsonNode> assertSameEverywhere(final long seq) throws Exception
    {
        final List<JsonNode> first = answers(0, seq);
        for (final JsonNode answer : first)
        {
            assertThat(answer.get("asOfSeq").asLong()).as(answer.toString()).isEqualTo(seq);
        }
        assertThat(answers(1, seq)).as("member 1 as member 0").isEqualTo(first);
        assertThat(answers(2, seq)).as("member 2 as member 0").isEqualTo(first);
        return first;
    }

    private List<JsonNode> answers(final int member, final long seq) throws Exception
    {
        final List<JsonNode> out = new ArrayList<>();
        for (final String query : QUERIES)
        {
            final HttpResponse<String> response = http.send(request(member, query + "?minSeq=" + seq + "&timeoutMs=" +
                TestSettings.timeoutMillis(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(query + " on member " + member + ": " + response.body()).isEqualTo(200);
            out.add(JSON.readTree(response.body()));
        }
        return out;
    }

    private HttpRequest.Builder request(final int member, final String path)
    {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[member] + path)).header("X-API-Key", KEY)
            .timeout(Duration.ofSeconds(30));
    }

    private void awaitHttp(final int member) throws Exception
    {
        await(() ->
        {
            try
            {
                return http.send(request(member, "/symbols").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200;
            }
            catch (final IOException notYet)
            {
                return false;
            }
        }, "member " + member + " HTTP did not come up");
    }

    private interface Check
    {
        boolean holds() throws Exception;
    }

    private static void await(final Check check, final String failure) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TestSettings.timeoutMillis(60));
        while (!check.holds())
        {
            assertThat(System.nanoTime()).as(failure).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
