package org.koppel.gateway.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A {@link Connection} over an accepted socket, with modest buffers (thousands of idle IMAP connections each
 * hold one pair). STARTTLS layers an {@link SSLSocket} over the plain one and replaces both streams, so
 * whatever the client pipelined in plaintext after the command is dropped with the old buffer.
 */
final class SocketConnection implements Connection {

    /**
     * 4 KiB each way: commands are short, and big responses (message literals) go to the socket in larger
     * writes that bypass the buffer anyway; 2,000 idle connections hold 16 MiB of buffers, not 32.
     */
    static final int BUFFER_SIZE = 4 * 1024;

    private final SSLContext tls;
    private final Duration handshakeTimeout;
    private final InetSocketAddress remote;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean secure;
    private volatile boolean closed;

    /** A plain connection; {@code tls} (nullable) makes STARTTLS available. */
    SocketConnection(Socket socket, SSLContext tls, Duration handshakeTimeout) throws IOException {
        this.socket = socket;
        this.tls = tls;
        this.handshakeTimeout = handshakeTimeout;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        streams();
    }

    /** Wraps a freshly accepted socket in TLS as the server and runs the handshake. */
    static SocketConnection implicitTls(Socket socket, SSLContext tls, Duration handshakeTimeout) throws IOException {
        SocketConnection c = new SocketConnection(socket, tls, handshakeTimeout);
        c.handshake();
        return c;
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public boolean canStartTls() {
        return tls != null && !secure;
    }

    @Override
    public void startTls() throws IOException {
        if (!canStartTls()) {
            throw new IllegalStateException(secure ? "TLS is on already" : "no certificate for TLS");
        }
        out.flush();
        handshake();
    }

    private void handshake() throws IOException {
        Socket plain = socket;
        int idle = plain.getSoTimeout();
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, remote.getHostString(),
                remote.getPort(), true);
        ssl.setUseClientMode(false);
        socket = ssl;
        secure = true;
        ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, handshakeTimeout.toMillis())));
        ssl.startHandshake();
        ssl.setSoTimeout(idle);
        streams();
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
        out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public void idleTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Sends one line and CRLF, ignoring failures: for the last words before closing. */
    void sendQuietly(String line) {
        try {
            out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The client is gone; it was only a courtesy.
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort: the socket is released either way.
        }
    }
}
