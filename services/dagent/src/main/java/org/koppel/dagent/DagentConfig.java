package org.koppel.dagent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.koppel.dagent.delivery.RuleSettings;
import org.koppel.dagent.plugin.PluginSettings;

/**
 * The delivery agent's settings (dagent.cfg, read by dist once at start): where LMTP listens, its limits, the
 * spam routing rule and the optional STARTTLS certificate. Code never reads a setting by key.
 *
 * @param hostname        the name the agent gives in its greeting and LHLO reply
 * @param maxMessageSize  the largest message accepted, in bytes (advertised as SIZE)
 * @param maxConnections  LMTP connections served at once; more are answered 421 and closed
 * @param idleTimeout     how long a connection may send nothing before it is closed with 421
 * @param spamHeaderName  the header a spam filter sets; empty: no spam routing
 * @param spamHeaderValue a message whose spam header starts with this (case-insensitively) goes to Junk E-mail
 * @param tls             certificate and key for STARTTLS; empty: STARTTLS is not offered
 * @param tempDir         where messages larger than the memory threshold are spooled
 * @param oofReplyPeriod  an out-of-office reply goes to one sender at most once in this period
 * @param rules           where inbox rules may forward to, and the forwarding hop limit
 * @param plugins         the delivery plugins to load and the built-in ones to enable
 */
public record DagentConfig(
        String listenHost,
        int listenPort,
        String hostname,
        long maxMessageSize,
        int maxConnections,
        Duration idleTimeout,
        String spamHeaderName,
        String spamHeaderValue,
        Optional<TlsFiles> tls,
        Path tempDir,
        Duration oofReplyPeriod,
        RuleSettings rules,
        PluginSettings plugins) {

    /** Messages up to this size are held in memory while they are received; larger ones go to a file. */
    public static final int MEMORY_THRESHOLD = 1 << 20;

    public DagentConfig {
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(tempDir, "tempDir");
        Objects.requireNonNull(oofReplyPeriod, "oofReplyPeriod");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(plugins, "plugins");
        if (oofReplyPeriod.isNegative()) {
            throw new IllegalArgumentException("the out-of-office reply period must not be negative");
        }
        spamHeaderName = spamHeaderName == null ? "" : spamHeaderName.strip();
        spamHeaderValue = spamHeaderValue == null ? "" : spamHeaderValue.strip();
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxMessageSize < 1 || maxConnections < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Settings without inbox-rule or plugin settings of their own: {@link RuleSettings#defaults()}, no plugins. */
    public DagentConfig(String listenHost, int listenPort, String hostname, long maxMessageSize, int maxConnections,
            Duration idleTimeout, String spamHeaderName, String spamHeaderValue, Optional<TlsFiles> tls, Path tempDir,
            Duration oofReplyPeriod) {
        this(listenHost, listenPort, hostname, maxMessageSize, maxConnections, idleTimeout, spamHeaderName,
                spamHeaderValue, tls, tempDir, oofReplyPeriod, RuleSettings.defaults(), PluginSettings.none());
    }

    /**
     * The shipped defaults: 127.0.0.1:2003, 64 MiB, 100 connections, 5 minutes idle, X-Spam-Status: Yes, one
     * out-of-office reply per sender a day.
     */
    public static DagentConfig defaults() {
        return new DagentConfig("127.0.0.1", 2003, "localhost", 64L << 20, 100, Duration.ofMinutes(5),
                "X-Spam-Status", "Yes", Optional.empty(), Path.of(System.getProperty("java.io.tmpdir")),
                Duration.ofDays(1));
    }

    public DagentConfig withListen(String host, int port) {
        return new DagentConfig(host, port, hostname, maxMessageSize, maxConnections, idleTimeout, spamHeaderName,
                spamHeaderValue, tls, tempDir, oofReplyPeriod, rules, plugins);
    }

    public DagentConfig withMaxMessageSize(long bytes) {
        return new DagentConfig(listenHost, listenPort, hostname, bytes, maxConnections, idleTimeout, spamHeaderName,
                spamHeaderValue, tls, tempDir, oofReplyPeriod, rules, plugins);
    }

    public DagentConfig withLimits(int connections, Duration idle) {
        return new DagentConfig(listenHost, listenPort, hostname, maxMessageSize, connections, idle, spamHeaderName,
                spamHeaderValue, tls, tempDir, oofReplyPeriod, rules, plugins);
    }

    public DagentConfig withTls(Optional<TlsFiles> files) {
        return new DagentConfig(listenHost, listenPort, hostname, maxMessageSize, maxConnections, idleTimeout,
                spamHeaderName, spamHeaderValue, files, tempDir, oofReplyPeriod, rules, plugins);
    }

    public DagentConfig withTempDir(Path dir) {
        return new DagentConfig(listenHost, listenPort, hostname, maxMessageSize, maxConnections, idleTimeout,
                spamHeaderName, spamHeaderValue, tls, dir, oofReplyPeriod, rules, plugins);
    }

    public DagentConfig withOofReplyPeriod(Duration period) {
        return new DagentConfig(listenHost, listenPort, hostname, maxMessageSize, maxConnections, idleTimeout,
                spamHeaderName, spamHeaderValue, tls, tempDir, period, rules, plugins);
    }

    public DagentConfig withRules(RuleSettings newRules) {
        return new DagentConfig(listenHost, listenPort, hostname, maxMessageSize, maxConnections, idleTimeout,
                spamHeaderName, spamHeaderValue, tls, tempDir, oofReplyPeriod, newRules, plugins);
    }

    public DagentConfig withPlugins(PluginSettings newPlugins) {
        return new DagentConfig(listenHost, listenPort, hostname, maxMessageSize, maxConnections, idleTimeout,
                spamHeaderName, spamHeaderValue, tls, tempDir, oofReplyPeriod, rules, newPlugins);
    }

    /** PEM certificate chain (leaf first) and unencrypted private key for STARTTLS. */
    public record TlsFiles(Path certFile, Path keyFile) {
        public TlsFiles {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }
}
