package engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP API from a test's side: what another client does while the page watches. */
final class ApiClient
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    ApiClient(final int port)
    {
        this.port = port;
    }

    /** POSTs {@code json} and returns the answer, failing unless it is 200. */
    JsonNode post(final String key, final String path, final String json)
    {
        return send(key, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode get(final String key, final String path)
    {
        return send(key, HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The available USD of account 1 (its key's own balances), 0 when it holds none. */
    long availableUsd()
    {
        for (final JsonNode balance : get(LiveHttpServer.KEY_1, "/accounts/1/balances").get("balances"))
        {
            if (balance.get("asset").asText().equals("USD"))
            {
                return balance.get("available").asLong();
            }
        }
        return 0;
    }

    /** The usual start: BTC-USD, account 1 with USD, account 2 with BTC. */
    void seed()
    {
        post(LiveHttpServer.OPERATOR, "/symbols", "{\"symbol\":\"BTC-USD\",\"base\":\"BTC\",\"quote\":\"USD\"}");
        post(LiveHttpServer.OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":100000}");
        post(LiveHttpServer.OPERATOR, "/deposits", "{\"account\":2,\"asset\":\"BTC\",\"amount\":100}");
    }

    /** Places a limit order and returns its command's seq. */
    long limit(final String key, final long orderId, final String side, final long price, final long qty)
    {
        return post(key, "/orders", "{\"orderId\":" + orderId + ",\"symbol\":\"BTC-USD\",\"side\":\"" + side +
            "\",\"type\":\"LIMIT\",\"price\":" + price + ",\"qty\":" + qty + "}").get("seq").asLong();
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode send(final String key, final HttpRequest.Builder request)
    {
        try
        {
            final HttpResponse<String> response = client.send(request.header("X-API-Key", key)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200)
            {
                throw new AssertionError(request.build().uri() + " answered " + response.statusCode() + ": " +
                    response.body());
            }
            return JSON.readTree(response.body());
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
