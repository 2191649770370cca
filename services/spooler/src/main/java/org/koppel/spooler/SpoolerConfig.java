package org.koppel.spooler;

import java.time.Duration;
import java.util.Objects;

/**
 * The spooler's settings, read once from spooler.cfg at start.
 *
 * @param enabled           whether {@code koppel serve} starts the spooler
 * @param smtpHost          the smarthost every message is handed to
 * @param smtpPort          its port
 * @param startTls          whether to upgrade the connection with STARTTLS
 * @param smtpUsername      the SMTP AUTH user (empty: no AUTH)
 * @param smtpPassword      the SMTP AUTH password
 * @param maxParallelSends  how many messages are sent at once, each on its own connection
 * @param retryMaxAge       how long after its submission a message that keeps failing temporarily is given up
 *                          (a non-delivery report is sent)
 * @param connectTimeout    how long connecting to the smarthost may take
 * @param readTimeout       how long one SMTP reply may take
 * @param heloName          the name the spooler gives in EHLO
 */
public record SpoolerConfig(
        boolean enabled,
        String smtpHost,
        int smtpPort,
        StartTls startTls,
        String smtpUsername,
        String smtpPassword,
        int maxParallelSends,
        Duration retryMaxAge,
        Duration connectTimeout,
        Duration readTimeout,
        String heloName) {

    /** smtp_starttls: never, when the smarthost offers it, or always (refusing to send without it). */
    public enum StartTls { NO, OPPORTUNISTIC, REQUIRED }

    public SpoolerConfig {
        Objects.requireNonNull(smtpHost, "smtpHost");
        Objects.requireNonNull(startTls, "startTls");
        smtpUsername = smtpUsername == null ? "" : smtpUsername;
        smtpPassword = smtpPassword == null ? "" : smtpPassword;
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("smtp port " + smtpPort);
        }
        if (maxParallelSends < 1) {
            throw new IllegalArgumentException("max parallel sends must be at least 1");
        }
        Objects.requireNonNull(retryMaxAge, "retryMaxAge");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        heloName = heloName == null || heloName.isBlank() ? "localhost" : heloName;
    }

    /** The shipped defaults: the local MTA on 127.0.0.1:25, opportunistic STARTTLS, no AUTH, 4 sends, 2 days. */
    public static SpoolerConfig defaults() {
        return new SpoolerConfig(true, "127.0.0.1", 25, StartTls.OPPORTUNISTIC, "", "", 4, Duration.ofDays(2),
                Duration.ofSeconds(30), Duration.ofMinutes(5), localHostName());
    }

    public SpoolerConfig withSmarthost(String host, int port) {
        return new SpoolerConfig(enabled, host, port, startTls, smtpUsername, smtpPassword, maxParallelSends,
                retryMaxAge, connectTimeout, readTimeout, heloName);
    }

    public SpoolerConfig withStartTls(StartTls mode) {
        return new SpoolerConfig(enabled, smtpHost, smtpPort, mode, smtpUsername, smtpPassword, maxParallelSends,
                retryMaxAge, connectTimeout, readTimeout, heloName);
    }

    public SpoolerConfig withAuth(String username, String password) {
        return new SpoolerConfig(enabled, smtpHost, smtpPort, startTls, username, password, maxParallelSends,
                retryMaxAge, connectTimeout, readTimeout, heloName);
    }

    public SpoolerConfig withMaxParallelSends(int n) {
        return new SpoolerConfig(enabled, smtpHost, smtpPort, startTls, smtpUsername, smtpPassword, n,
                retryMaxAge, connectTimeout, readTimeout, heloName);
    }

    public SpoolerConfig withRetryMaxAge(Duration age) {
        return new SpoolerConfig(enabled, smtpHost, smtpPort, startTls, smtpUsername, smtpPassword,
                maxParallelSends, age, connectTimeout, readTimeout, heloName);
    }

    public SpoolerConfig withTimeouts(Duration connect, Duration read) {
        return new SpoolerConfig(enabled, smtpHost, smtpPort, startTls, smtpUsername, smtpPassword,
                maxParallelSends, retryMaxAge, connect, read, heloName);
    }

    public boolean authenticates() {
        return !smtpUsername.isEmpty();
    }

    @Override
    public String toString() {
        return "SpoolerConfig[" + smtpHost + ":" + smtpPort + ", starttls " + startTls + ", auth "
                + (authenticates() ? smtpUsername : "none") + ", parallel " + maxParallelSends + "]";
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
