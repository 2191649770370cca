package org.koppel.gateway.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listener for one line protocol: accepts on a virtual thread and serves each connection on a virtual
 * thread of its own with a {@link ConnectionHandler}, so thousands of idle connections cost a few kilobytes
 * each, not a platform thread. At most the {@link ConnectionLimit}'s connections are served at once (the
 * limit may be shared with the protocol's other listener); one more is sent the caller's refusal line and
 * closed. Closing stops accepting and closes every open connection.
 */
public final class ProtocolListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolListener.class);
    /** Connections the kernel may queue before they are accepted: clients reconnect in bursts. */
    private static final int BACKLOG = 1024;
    /** How long {@link #close()} waits for sessions to notice their sockets are closed. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ListenerOptions options;
    private final ConnectionHandler handler;
    private final ServerSocket server;
    private final ConnectionLimit limit;
    private final Set<SocketConnection> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> sessions = ConcurrentHashMap.newKeySet();
    private final ThreadFactory sessionThreads;
    private final Thread acceptor;
    private volatile boolean closing;

    private ProtocolListener(ListenerOptions options, ConnectionLimit limit, ConnectionHandler handler,
            ServerSocket server) {
        this.options = options;
        this.limit = limit;
        this.handler = handler;
        this.server = server;
        this.sessionThreads = Thread.ofVirtual().name(options.protocol() + "-", 1).factory();
        this.acceptor = Thread.ofVirtual().name(options.protocol() + "-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds the address and starts accepting.
     *
     * @throws IOException if the address cannot be bound (the message names it)
     */
    public static ProtocolListener start(ListenerOptions options, ConnectionLimit limit, ConnectionHandler handler)
            throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(options.address().host(), options.address().port()), BACKLOG);
        } catch (IOException e) {
            server.close();
            throw new IOException(options.protocol() + ": cannot listen on " + options.address().host() + ":"
                    + options.address().port() + ": " + e.getMessage(), e);
        }
        ProtocolListener listener = new ProtocolListener(options, limit, handler, server);
        listener.acceptor.start();
        LOG.info("{} listening on {}:{}{}", options.protocol(), options.address().host(), listener.port(),
                options.implicitTls() ? " (TLS)" : options.tls().isPresent() ? " (STARTTLS available)" : "");
        return listener;
    }

    /** The port listened on (the one picked when the address asked for port 0). */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections being served now by this listener. */
    public int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.error("{} listener on port {} failed, no longer accepting: {}", options.protocol(), port(),
                            e.toString());
                }
                return;
            }
            boolean admitted = limit.tryAcquire();
            Thread t = sessionThreads.newThread(() -> {
                try {
                    if (admitted) {
                        serve(socket);
                    } else {
                        refuse(socket);
                    }
                } finally {
                    if (admitted) {
                        limit.release();
                    }
                    sessions.remove(Thread.currentThread());
                }
            });
            sessions.add(t);
            t.start();
        }
    }

    private SocketConnection open(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()));
        return options.implicitTls()
                ? SocketConnection.implicitTls(socket, options.tls().get(), options.handshakeTimeout())
                : new SocketConnection(socket, options.tls().orElse(null), options.handshakeTimeout());
    }

    private void serve(Socket socket) {
        long start = System.nanoTime();
        SocketConnection connection = null;
        String end = "closed";
        try {
            connection = open(socket);
            open.add(connection);
            if (closing) {
                return;
            }
            handler.serve(connection);
        } catch (SocketException e) {
            end = closing ? "closed by shutdown" : "dropped: " + e.getMessage();
        } catch (IOException e) {
            end = "failed: " + e;
        } catch (RuntimeException e) {
            end = "failed";
            LOG.warn("{} session with {} failed", options.protocol(), socket.getRemoteSocketAddress(), e);
        } finally {
            if (connection != null) {
                open.remove(connection);
                connection.close();
            } else {
                closeQuietly(socket);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} connection from {} {} after {} ms", options.protocol(), socket.getRemoteSocketAddress(),
                        end, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private void refuse(Socket socket) {
        try {
            SocketConnection connection = open(socket);
            connection.sendQuietly(options.refusal());
            connection.close();
        } catch (IOException e) {
            closeQuietly(socket);
        }
        LOG.debug("{} connection from {} refused: {} connections open already", options.protocol(),
                socket.getRemoteSocketAddress(), limit.max());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Released either way.
        }
    }

    /** Stops accepting, closes every open connection (their sessions end on a failed read) and waits briefly. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the listener: {}", options.protocol(), e.toString());
        }
        for (SocketConnection c : open) {
            c.close();
        }
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            acceptor.join(CLOSE_WAIT);
            for (Thread t : sessions) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
