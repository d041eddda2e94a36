package engine.http;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The one Jetty connector of the HTTP front end: bound to the endpoint's address, with TLS when it has a key store. */
final class HttpConnectors
{
    private HttpConnectors()
    {
    }

    static Connector connector(final Server server, final HttpConfiguration http, final HttpEndpoint endpoint)
    {
        final ServerConnector connector;
        if (endpoint.secure())
        {
            final SslContextFactory.Server ssl = new SslContextFactory.Server();
            final String password = new String(endpoint.tls().password());
            ssl.setKeyStore(endpoint.tls().keyStore());
            ssl.setKeyStorePassword(password);
            ssl.setKeyManagerPassword(password);
            final HttpConfiguration https = new HttpConfiguration(http);
            final SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients may name the server by address or by a name the certificate does not carry
            // (behind a load balancer); certificate checks are the client's job, not a reason to refuse.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        }
        else
        {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(endpoint.host());
        connector.setPort(endpoint.port());
        return connector;
    }
}
