package org.koppel.dagent.lmtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.koppel.dagent.DagentConfig;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.tls.KeyMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LMTP listener: a plain server socket, one virtual thread per connection, at most max_connections at
 * once (one more is answered 421 and closed). Closing stops accepting, lets messages being received or
 * delivered finish, and tells idle connections 421.
 */
public final class LmtpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LmtpServer.class);

    private final DagentConfig config;
    private final Delivery delivery;
    private final SSLContext tls;
    private final ServerSocket listener;
    private final Semaphore slots;
    private final ExecutorService connections;
    private final Set<LmtpConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private LmtpServer(DagentConfig config, Delivery delivery, SSLContext tls, ServerSocket listener) {
        this.config = config;
        this.delivery = delivery;
        this.tls = tls;
        this.listener = listener;
        this.slots = new Semaphore(config.maxConnections());
        this.connections = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("lmtp-", 1).factory());
        this.acceptor = Thread.ofVirtual().name("lmtp-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds the listener (port 0: any free port) and starts accepting.
     *
     * @throws IOException if the address cannot be bound
     * @throws GeneralSecurityException if the configured certificate or key cannot be used
     */
    public static LmtpServer start(DagentConfig config, Delivery delivery) throws IOException, GeneralSecurityException {
        SSLContext tls = null;
        if (config.tls().isPresent()) {
            tls = KeyMaterial.fromPem(config.tls().get().certFile(), config.tls().get().keyFile()).serverContext();
        }
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.listenHost(), config.listenPort()), 128);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + config.listenHost() + ":" + config.listenPort() + ": "
                    + e.getMessage(), e);
        }
        LmtpServer server = new LmtpServer(config, delivery, tls, listener);
        server.acceptor.start();
        return server;
    }

    /** The port actually listened on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Whether STARTTLS is offered. */
    public boolean tls() {
        return tls != null;
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("LMTP listener failed: {}", e.toString());
                }
                return;
            }
            try {
                connections.execute(() -> serve(socket));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeQuietly(socket); // shutting down
            }
        }
    }

    private void serve(Socket socket) {
        if (!slots.tryAcquire()) {
            LOG.warn("LMTP connection from {} refused: max_connections ({}) reached",
                    socket.getRemoteSocketAddress(), config.maxConnections());
            try (socket) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(Replies.BUSY.encode());
            } catch (IOException ignored) {
                // the client will try again
            }
            return;
        }
        LmtpConnection c = new LmtpConnection(socket, config, delivery, tls);
        open.add(c);
        try {
            if (closing) {
                c.stop();
            }
            LOG.debug("LMTP connection from {}", socket.getRemoteSocketAddress());
            c.run();
        } finally {
            open.remove(c);
            slots.release();
        }
    }

    /** Stops gracefully, waiting up to 60 seconds for messages in flight. */
    @Override
    public void close() {
        close(Duration.ofSeconds(60));
    }

    /** Stops accepting, finishes messages in flight (up to {@code grace}), then ends every connection. */
    public void close(Duration grace) {
        if (closing) {
            return;
        }
        closing = true;
        closeQuietly(listener);
        open.forEach(LmtpConnection::stop);
        connections.shutdown();
        try {
            if (!connections.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("LMTP connections still busy after {}; closing them", grace);
                open.forEach(LmtpConnection::abort);
                connections.awaitTermination(5, TimeUnit.SECONDS);
            }
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
