package org.koppel.eas.http;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.koppel.tls.KeyMaterial;
import org.koppel.tls.SelfSignedCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ActiveSync listener (Jetty 12): plain HTTP and HTTPS per the HTTP section of eas.cfg, serving the
 * {@link EasServlet} for every path (it answers 404 itself off {@code /Microsoft-Server-ActiveSync}, matched
 * without regard to case as clients differ). Requests run on virtual threads; a suspended Ping holds none.
 */
public final class EasServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EasServer.class);
    /** Pings keep a connection quiet for up to 59 minutes; the idle timeout must outlast the longest. */
    private static final long IDLE_TIMEOUT_MS = 3_660_000;
    /**
     * Connections waiting to be accepted. Phones reconnect in bursts (a network change, a gateway restart: every
     * device's Ping at once); the JVM's default backlog of 50 refused most of 10,000 Pings sent together. The
     * kernel caps it at net.core.somaxconn.
     */
    private static final int ACCEPT_QUEUE = 4096;

    private final Server server;
    private final ServerConnector plain;
    private final ServerConnector tls;

    /** The certificate made and kept in the data directory when eas.cfg names none: eas-selfsigned.*. */
    static SelfSignedCertificate selfSignedCertificate(java.nio.file.Path dataDir) {
        return new SelfSignedCertificate(dataDir, "eas");
    }

    private EasServer(Server server, ServerConnector plain, ServerConnector tls) {
        this.server = server;
        this.plain = plain;
        this.tls = tls;
    }

    /**
     * Starts listening. Fails with {@link IllegalStateException} naming the problem when a port is taken or
     * the certificate cannot be read or made.
     */
    public static EasServer start(EasHttpConfig config, HttpServlet servlet) {
        if (config.listen().isEmpty() && config.tlsListen().isEmpty()) {
            throw new IllegalStateException("eas.cfg: neither listen nor tls_listen is set");
        }
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("koppel-eas");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        // No per-connection header cache: thousands of waiting Pings would each hold one.
        http.setHeaderCacheSize(0);
        http.setSendServerVersion(false);
        ServerConnector plain = null;
        if (config.listen().isPresent()) {
            plain = new ServerConnector(server, new HttpConnectionFactory(http));
            plain.setHost(config.listen().get().host());
            plain.setPort(config.listen().get().port());
            plain.setIdleTimeout(IDLE_TIMEOUT_MS);
            plain.setAcceptQueueSize(ACCEPT_QUEUE);
            server.addConnector(plain);
        }
        ServerConnector tls = null;
        if (config.tlsListen().isPresent()) {
            KeyMaterial keys;
            try {
                keys = config.tlsFiles().isPresent()
                        ? KeyMaterial.fromPem(config.tlsFiles().get().certFile(), config.tlsFiles().get().keyFile())
                        : selfSignedCertificate(config.dataDir()).loadOrCreate();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("eas.cfg: cannot use the TLS certificate: " + e.getMessage(), e);
            }
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keys.keyStore());
            ssl.setKeyStorePassword(new String(keys.password()));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Phones reach the gateway by any name or address; the certificate's names are their concern.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            tls = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            tls.setHost(config.tlsListen().get().host());
            tls.setPort(config.tlsListen().get().port());
            tls.setIdleTimeout(IDLE_TIMEOUT_MS);
            tls.setAcceptQueueSize(ACCEPT_QUEUE);
            server.addConnector(tls);
        }
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Nothing more to release: it never started.
            }
            throw new IllegalStateException("ActiveSync gateway cannot listen: " + e.getMessage(), e);
        }
        EasServer s = new EasServer(server, plain, tls);
        if (plain != null) {
            LOG.info("ActiveSync gateway ready on http://{}:{}{}", config.listen().get().host(), s.port(),
                    EasServlet.PATH);
        }
        if (tls != null) {
            LOG.info("ActiveSync gateway ready on https://{}:{}{}", config.tlsListen().get().host(), s.tlsPort(),
                    EasServlet.PATH);
        }
        return s;
    }

    /** The plain HTTP port (the one picked, when configured as 0); -1 without a plain listener. */
    public int port() {
        return plain == null ? -1 : plain.getLocalPort();
    }

    /** The HTTPS port; -1 without a TLS listener. */
    public int tlsPort() {
        return tls == null ? -1 : tls.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the ActiveSync gateway: {}", e.toString());
        }
    }
}
