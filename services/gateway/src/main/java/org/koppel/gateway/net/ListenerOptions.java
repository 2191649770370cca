package org.koppel.gateway.net;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.koppel.gateway.GatewayConfig.ListenAddress;

/**
 * How one {@link ProtocolListener} listens and treats its connections.
 *
 * @param protocol         the protocol's name in logs and thread names ({@code pop3}, {@code imaps})
 * @param address          where to listen; port 0 takes any free port
 * @param tls              the server's TLS context; empty: no TLS at all (no STARTTLS either)
 * @param implicitTls      TLS from the first byte (pop3s, imaps); otherwise plain, with STARTTLS/STLS
 *                         available through {@link Connection#startTls()} when {@code tls} is present
 * @param refusal          the protocol's line (without CRLF) for a connection over its {@link ConnectionLimit}:
 *                         {@code -ERR [SYS/TEMP] ...} or {@code * BYE ...}
 * @param idleTimeout      how long a read waits before failing with a timeout (the session may change it)
 * @param handshakeTimeout how long a TLS handshake may take
 */
public record ListenerOptions(
        String protocol,
        ListenAddress address,
        Optional<SSLContext> tls,
        boolean implicitTls,
        String refusal,
        Duration idleTimeout,
        Duration handshakeTimeout) {

    /** What a TLS handshake may take unless said otherwise. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    public ListenerOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (implicitTls && tls.isEmpty()) {
            throw new IllegalArgumentException(protocol + ": implicit TLS needs a TLS context");
        }
        if (refusal.contains("\r") || refusal.contains("\n")) {
            throw new IllegalArgumentException("the refusal is one line without CRLF");
        }
    }

    /** A plain listener; STARTTLS is available when {@code tls} is present. */
    public static ListenerOptions plain(String protocol, ListenAddress address, Optional<SSLContext> tls,
            String refusal, Duration idleTimeout) {
        return new ListenerOptions(protocol, address, tls, false, refusal, idleTimeout,
                DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /** A listener whose connections are TLS from the first byte. */
    public static ListenerOptions implicitTls(String protocol, ListenAddress address, SSLContext tls,
            String refusal, Duration idleTimeout) {
        return new ListenerOptions(protocol, address, Optional.of(tls), true, refusal, idleTimeout,
                DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public ListenerOptions withHandshakeTimeout(Duration timeout) {
        return new ListenerOptions(protocol, address, tls, implicitTls, refusal, idleTimeout, timeout);
    }
}
