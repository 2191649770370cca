package org.koppel.gateway.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One accepted client connection as a protocol session sees it: buffered streams that are replaced by
 * TLS ones after {@link #startTls()}, and what the session needs to know about the peer.
 */
public interface Connection extends AutoCloseable {

    /** The client's bytes (buffered); after {@link #startTls()} the decrypted ones. */
    InputStream in();

    /** Towards the client (buffered: flush after each response); after {@link #startTls()} encrypted. */
    OutputStream out();

    /** Whether the connection is under TLS (implicit, or after STARTTLS/STLS). */
    boolean secure();

    /** Whether {@link #startTls()} can be offered: a certificate is configured and TLS is not on yet. */
    boolean canStartTls();

    /**
     * Runs the TLS handshake as the server over the plain socket. Anything the client pipelined after
     * the STARTTLS command and before the handshake is discarded (RFC 3501 6.2.1, RFC 2595).
     *
     * @throws IOException if the handshake fails: the connection is then unusable
     */
    void startTls() throws IOException;

    /** The client's address, for logs and login throttling. */
    InetSocketAddress remote();

    /** How long a read may wait for the client before it fails with a timeout; zero: forever. */
    void idleTimeout(Duration timeout) throws IOException;

    /** Closes the socket; a blocked read on another thread fails. */
    @Override
    void close();
}
