package engine.http;

import static engine.http.HttpFixture.KEY_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.readmodel.ReadModels;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server listens on the address it is given, and speaks TLS with a key store. */
class HttpEndpointTest
{
    private static final String PASSWORD = "test-store-password";

    @TempDir
    Path dir;

    @Test
    void shouldListenOnlyOnTheGivenAddress() throws IOException
    {
        // On Linux all of 127.0.0.0/8 reaches the loopback device: a server bound to every
        // interface answers on 127.0.0.2 too, one bound to 127.0.0.1 does not.
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux loopback routing");
        try (HttpApi api = HttpApi.startReadOnly(new ReadModels(1), HttpFixture.KEYS, HttpEndpoint.plain("127.0.0.1", 0)))
        {
            try (Socket socket = new Socket())
            {
                socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
            }
            assertThatThrownBy(() ->
            {
                try (Socket socket = new Socket())
                {
                    socket.connect(new InetSocketAddress("127.0.0.2", api.port()), 5_000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void shouldServeHttpsWithTheKeyStoreAndRefusePlainHttp() throws Exception
    {
        final Path store = keyStore();
        final HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", 0, HttpEndpoint.Tls.load(store, passwordFile(PASSWORD)));
        try (HttpApi api = HttpApi.startReadOnly(new ReadModels(1), HttpFixture.KEYS, endpoint))
        {
            final HttpClient client = HttpClient.newBuilder().sslContext(trusting(store))
                .connectTimeout(Duration.ofSeconds(10)).build();
            final HttpResponse<String> reply = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + api.port() + "/accounts/1/balances"))
                .header("X-API-Key", KEY_1).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).contains("\"balances\"");
            assertThat(reply.sslSession()).isPresent();

            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + api.port() + "/accounts/1/balances"))
                .header("X-API-Key", KEY_1).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()))
                .as("plain HTTP on the TLS port gets no answer").isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldNameTheKeyStoreWhenItsPasswordIsWrong() throws Exception
    {
        final Path store = keyStore();
        final Path wrong = passwordFile("not-the-password");
        assertThatThrownBy(() -> HttpEndpoint.Tls.load(store, wrong))
            .isInstanceOf(IOException.class).hasMessageContaining(store.toString());
        assertThatThrownBy(() -> HttpEndpoint.Tls.load(store, dir.resolve("missing")))
            .isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    /** A self-signed key pair for localhost made with the JDK's keytool, as an operator would. */
    private Path keyStore() throws Exception
    {
        final Path store = dir.resolve("server.p12");
        final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        final Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "engine",
            "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
            "-keypass", PASSWORD)).redirectErrorStream(true).start();
        final String output;
        try (InputStream in = process.getInputStream())
        {
            output = new String(in.readAllBytes());
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return store;
    }

    private Path passwordFile(final String password) throws IOException
    {
        final Path file = Files.createTempFile(dir, "password", ".txt");
        Files.writeString(file, password + "\n");
        return file;
    }

    private static SSLContext trusting(final Path store) throws Exception
    {
        final KeyStore trusted = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
