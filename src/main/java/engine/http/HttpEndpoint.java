package engine.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * Where the HTTP server listens: an address (never every interface unless asked for with
 * {@code 0.0.0.0}), a port (0: any free one) and, optionally, TLS with a key store.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port, 0 for any free one
 * @param tls the server's key and certificate, or null for plain HTTP
 */
public record HttpEndpoint(String host, int port, Tls tls)
{
    /** The default address: the local machine only (put a reverse proxy in front for others). */
    public static final String LOOPBACK = "127.0.0.1";

    /** Plain HTTP on {@code host:port}. */
    public static HttpEndpoint plain(final String host, final int port)
    {
        return new HttpEndpoint(host, port, null);
    }

    /** Whether clients must speak HTTPS. */
    public boolean secure()
    {
        return tls != null;
    }

    /**
     * A loaded key store holding the server's private key and certificate chain.
     *
     * @param keyStore the store (PKCS12 or JKS)
     * @param password its password, also the key's (keytool's default for PKCS12)
     */
    public record Tls(KeyStore keyStore, char[] password)
    {
        /**
         * Loads {@code keyStoreFile} (PKCS12 or JKS) with the password on the first line of
         * {@code passwordFile} (a file, so the password is in neither the command line nor the
         * environment of the process).
         *
         * @throws IOException naming the file when either cannot be read, the password is wrong
         *     or the store holds no private key
         */
        public static Tls load(final Path keyStoreFile, final Path passwordFile) throws IOException
        {
            final char[] password = readPassword(passwordFile);
            final KeyStore store;
            try
            {
                store = KeyStore.getInstance(keyStoreFile.toFile(), password);
            }
            catch (final IOException | GeneralSecurityException e)
            {
                throw new IOException("cannot load TLS key store " + keyStoreFile + ": " + e.getMessage(), e);
            }
            try
            {
                boolean hasKey = false;
                for (final String alias : Collections.list(store.aliases()))
                {
                    hasKey |= store.isKeyEntry(alias);
                }
                if (!hasKey)
                {
                    throw new IOException("TLS key store " + keyStoreFile + " holds no private key");
                }
            }
            catch (final GeneralSecurityException e)
            {
                throw new IOException("cannot read TLS key store " + keyStoreFile + ": " + e.getMessage(), e);
            }
            return new Tls(store, password);
        }

        private static char[] readPassword(final Path passwordFile) throws IOException
        {
            final String text;
            try
            {
                text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            }
            catch (final IOException e)
            {
                throw new IOException("cannot read TLS password file " + passwordFile + ": " + e, e);
            }
            final int end = text.indexOf('\n');
            final String line = end < 0 ? text : text.substring(0, end);
            final String password = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (password.isEmpty())
            {
                throw new IOException("TLS password file " + passwordFile + " is empty");
            }
            return password.toCharArray();
        }
    }
}
