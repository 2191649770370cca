package org.koppel.store.endpoint.http;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.koppel.store.client.StoreServer;
import org.koppel.store.endpoint.json.JsonApiServlet;
import org.koppel.store.endpoint.session.SessionTokens;
import org.koppel.store.endpoint.soap.MapiSoapEndpoint;
import org.koppel.store.endpoint.soap.MapiSoapServlet;
import org.koppel.store.endpoint.soap.SoapLongPollFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's HTTP listener (Jetty 12): MAPI-over-SOAP at {@code /soap}, the JSON protocol at {@code /api} and
 * {@code /health}. Requests
 * run on virtual threads; stopping lets requests in flight finish (up to 10 seconds) before the sessions
 * close.
 */
public final class EndpointServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointServer.class);

    /** The largest attachment part a SOAP request may carry (parts past 256 KB are spooled to disk). */
    static final long MAX_SOAP_ATTACHMENT_BYTES = 256L << 20;

    private final Server server;
    private final ServerConnector connector;
    private final SessionTokens tokens;
    private final ScheduledExecutorService sweeper;

    private final MapiSoapEndpoint soap;
    private final SoapLongPollFilter leanPolls;

    private final ServerConnector tlsConnector;

    private EndpointServer(Server server, ServerConnector connector, ServerConnector tlsConnector,
            SessionTokens tokens, ScheduledExecutorService sweeper, MapiSoapEndpoint soap, SoapLongPollFilter leanPolls) {
        this.soap = soap;
        this.leanPolls = leanPolls;
        this.tlsConnector = tlsConnector;
        this.server = server;
        this.connector = connector;
        this.tokens = tokens;
        this.sweeper = sweeper;
    }

    public static EndpointServer start(StoreServer store, EndpointConfig config) {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("koppel-http");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        // No per-connection header cache: Jetty's default is a 96 KB trie per connection, 1 GB for the
        // 10,000 waiting long-polls a store must hold.
        org.eclipse.jetty.server.HttpConfiguration http = new org.eclipse.jetty.server.HttpConfiguration();
        http.setHeaderCacheSize(0);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Long-polls keep a connection quiet for up to two minutes; the idle timeout must outlast them.
        connector.setIdleTimeout(150_000);
        server.addConnector(connector);
        SessionTokens tokens = new SessionTokens(store, config.sessionTimeout(), config.maxSessions(),
                Clock.systemUTC(), config.serviceSecret());
        ServerConnector tlsConnector = config.tls().map(t -> tlsConnector(server, http, t)).orElse(null);
        if (tlsConnector != null) {
            server.addConnector(tlsConnector);
        }
        java.util.concurrent.ScheduledThreadPoolExecutor sweeper = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "koppel-endpoint-timer");
            t.setDaemon(true);
            return t;
        });
        // Polls answered early cancel their timeouts; cancelled tasks must leave the queue at once.
        sweeper.setRemoveOnCancelPolicy(true);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder api = new ServletHolder(new JsonApiServlet(tokens, sweeper));
        api.setAsyncSupported(true);
        context.addServlet(api, "/api/*");
        MapiSoapEndpoint soapEndpoint = new MapiSoapEndpoint(tokens, sweeper);
        ServletHolder soap = new ServletHolder(new MapiSoapServlet(soapEndpoint, MAX_SOAP_ATTACHMENT_BYTES));
        soap.setAsyncSupported(true);
        SoapLongPollFilter leanPolls = new SoapLongPollFilter(tokens, sweeper);
        org.eclipse.jetty.ee10.servlet.FilterHolder pollFilter = new org.eclipse.jetty.ee10.servlet.FilterHolder(leanPolls);
        pollFilter.setAsyncSupported(true);
        context.addFilter(pollFilter, "/soap/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        soap.setInitOrder(1);
        context.addServlet(soap, "/soap/*");
        context.addServlet(new ServletHolder(new HealthServlet(config.version())), "/health");
        GracefulHandler graceful = new GracefulHandler(context);
        server.setHandler(graceful);
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            sweeper.shutdownNow();
            tokens.close();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        sweeper.scheduleWithFixedDelay(tokens::sweep, 1, 1, TimeUnit.MINUTES);
        EndpointServer endpoint = new EndpointServer(server, connector, tlsConnector, tokens, sweeper, soapEndpoint,
                leanPolls);
        LOG.info("Store endpoint ready on http://{}:{} (SOAP at /soap, JSON at /api, /health)", config.host(), endpoint.port());
        if (tlsConnector != null) {
            LOG.info("Store endpoint ready on https://{}:{}{}", config.tls().get().host(), endpoint.tlsPort(),
                    config.tls().get().clientCa().isPresent() ? " (client certificates accepted for service logons)" : "");
        }
        return endpoint;
    }

    /** HTTPS with the configured key; client certificates asked for (not required) when CAs are given. */
    private static ServerConnector tlsConnector(Server server, org.eclipse.jetty.server.HttpConfiguration plain,
            TlsListener tls) {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.keyStorePassword()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        tls.clientCa().ifPresent(ca -> {
            ssl.setTrustStore(ca);
            ssl.setWantClientAuth(true);
        });
        org.eclipse.jetty.server.HttpConfiguration https = new org.eclipse.jetty.server.HttpConfiguration(plain);
        org.eclipse.jetty.server.SecureRequestCustomizer secure = new org.eclipse.jetty.server.SecureRequestCustomizer();
        // Clients reach the store by IP as often as by name; the certificate's names are the client's concern.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(https));
        c.setHost(tls.host());
        c.setPort(tls.port());
        c.setIdleTimeout(150_000);
        return c;
    }

    /** The port it listens on (the one picked, when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The TLS listener's port (the one picked, when configured as 0); -1 without TLS. */
    public int tlsPort() {
        return tlsConnector == null ? -1 : tlsConnector.getLocalPort();
    }

    /** SOAP long-polls waiting now on the lean path (plain requests with the poll's SOAPAction). */
    public int waitingLeanSoapPolls() {
        return leanPolls.waitingPolls();
    }

    /** SOAP long-polls waiting now, without a thread: on the lean path and suspended in CXF. */
    public int waitingSoapPolls() {
        return soap.waitingPolls() + leanPolls.waitingPolls();
    }

    /** Sessions held now. */
    public int sessions() {
        return tokens.size();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the store endpoint: {}", e.toString());
        }
        tokens.close();
    }
}
