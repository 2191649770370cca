package org.koppel.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The IMAP and POP3 gateway's settings (gateway.cfg, read by dist once at start). Code never reads a
 * setting by key.
 *
 * @param imapListen            plain IMAP with STARTTLS; empty: off
 * @param imapsListen           IMAP over implicit TLS; empty: off
 * @param pop3Listen            plain POP3 with STLS; empty: off
 * @param pop3sListen           POP3 over implicit TLS; empty: off
 * @param tls                   PEM certificate chain and key; empty: a self-signed one kept in {@code dataDir}
 * @param dataDir               where a self-signed certificate is made and kept
 * @param hostname              the name given in greetings
 * @param disablePlaintextAuth  refuse LOGIN/AUTHENTICATE/USER/PASS until the connection is under TLS
 *                              (IMAP advertises LOGINDISABLED)
 * @param maxConnections        connections served at once per protocol; more are refused with BYE / -ERR
 * @param imapIdleTimeout       an IMAP connection silent this long is closed (RFC 9051 asks for at least 30 min)
 * @param pop3IdleTimeout       a POP3 connection silent this long is closed (RFC 1939: at least 10 min)
 * @param maxBadCommands        a connection that sends this many bad commands is closed with BYE / -ERR
 * @param maxLiteralSize        the largest literal (and so the largest APPEND) accepted: APPENDLIMIT
 * @param maxLineLength         the longest command line, literals excluded
 * @param loginMaxFailures      failed logins per user and per client address before logins are throttled
 * @param loginThrottle         how long a throttled user or address waits
 * @param onlyMailFolders       list only mail folders (IPF.Note and untyped), not calendars, contacts, ...
 * @param publicFolders         offer the public store as the shared namespace
 */
public record GatewayConfig(
        Optional<ListenAddress> imapListen,
        Optional<ListenAddress> imapsListen,
        Optional<ListenAddress> pop3Listen,
        Optional<ListenAddress> pop3sListen,
        Optional<TlsFiles> tls,
        Path dataDir,
        String hostname,
        boolean disablePlaintextAuth,
        int maxConnections,
        Duration imapIdleTimeout,
        Duration pop3IdleTimeout,
        int maxBadCommands,
        long maxLiteralSize,
        int maxLineLength,
        int loginMaxFailures,
        Duration loginThrottle,
        boolean onlyMailFolders,
        boolean publicFolders) {

    public GatewayConfig {
        Objects.requireNonNull(imapListen, "imapListen");
        Objects.requireNonNull(imapsListen, "imapsListen");
        Objects.requireNonNull(pop3Listen, "pop3Listen");
        Objects.requireNonNull(pop3sListen, "pop3sListen");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(hostname, "hostname");
        if (maxConnections < 1 || maxBadCommands < 1 || maxLiteralSize < 1024 || maxLineLength < 1024
                || loginMaxFailures < 1) {
            throw new IllegalArgumentException("gateway limits must be positive (lines and literals at least 1K)");
        }
    }

    /**
     * Every listener on loopback port 0 (any free port), plaintext logins allowed, a self-signed certificate
     * in {@code dataDir}: what tests start.
     */
    public static GatewayConfig forTests(Path dataDir) {
        ListenAddress any = new ListenAddress("127.0.0.1", 0);
        return new GatewayConfig(Optional.of(any), Optional.of(any), Optional.of(any), Optional.of(any),
                Optional.empty(), dataDir, "localhost", false, 1000, Duration.ofMinutes(30),
                Duration.ofMinutes(10), 20, 64L << 20, 64 * 1024, 5, Duration.ofSeconds(2), true, true);
    }

    /** A host (name or address, IPv6 without brackets) and port; port 0 takes any free port. */
    public record ListenAddress(String host, int port) {
        public ListenAddress {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
        }
    }

    /** PEM certificate chain (leaf first) and unencrypted PEM private key. */
    public record TlsFiles(Path certFile, Path keyFile) {
        public TlsFiles {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }

    public GatewayConfig withDisablePlaintextAuth(boolean disable) {
        return new GatewayConfig(imapListen, imapsListen, pop3Listen, pop3sListen, tls, dataDir, hostname, disable,
                maxConnections, imapIdleTimeout, pop3IdleTimeout, maxBadCommands, maxLiteralSize, maxLineLength,
                loginMaxFailures, loginThrottle, onlyMailFolders, publicFolders);
    }
}
