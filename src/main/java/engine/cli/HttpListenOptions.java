package engine.cli;

import engine.http.HttpEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The TLS options shared by every command that serves HTTP ({@code serve --http}, {@code project}). */
final class HttpListenOptions
{
    @Option(names = "--tls-keystore", paramLabel = "FILE",
        description = "serve HTTPS with the private key and certificate in this PKCS12 (or JKS) key store")
    private Path keyStore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
        description = "file whose first line is the key store's password (needed with --tls-keystore)")
    private Path passwordFile;

    /**
     * Where to serve HTTP: {@code host:port}, with TLS when a key store was given.
     *
     * @throws IOException naming the file when the key store or password cannot be read
     * @throws IllegalArgumentException when only one of the two TLS options was given
     */
    HttpEndpoint endpoint(final String host, final int port) throws IOException
    {
        if ((keyStore == null) != (passwordFile == null))
        {
            throw new IllegalArgumentException("--tls-keystore and --tls-password-file go together");
        }
        return keyStore == null ? HttpEndpoint.plain(host, port) :
            new HttpEndpoint(host, port, HttpEndpoint.Tls.load(keyStore, passwordFile));
    }
}
