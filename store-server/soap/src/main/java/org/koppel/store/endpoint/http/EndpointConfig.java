package org.koppel.store.endpoint.http;

import java.time.Duration;

/**
 * Where and how the store's endpoints listen.
 *
 * @param host           address to bind (127.0.0.1 by default: only local clients)
 * @param port           TCP port; 0 picks a free one (tests)
 * @param sessionTimeout how long an unused session token stays valid
 * @param maxSessions    the most sessions held at once
 * @param version        reported by /health
 * @param tls            the TLS listener, if any
 * @param serviceSecret  the system services' shared secret, which a service proving itself by client
 *                       certificate logs on with (empty: certificate logons are refused)
 */
public record EndpointConfig(String host, int port, Duration sessionTimeout, int maxSessions, String version,
        java.util.Optional<TlsListener> tls, java.util.Optional<String> serviceSecret) {

    /** Plain HTTP only, no certificate logons. */
    public EndpointConfig(String host, int port, Duration sessionTimeout, int maxSessions, String version) {
        this(host, port, sessionTimeout, maxSessions, version, java.util.Optional.empty(), java.util.Optional.empty());
    }

    public EndpointConfig withTls(TlsListener listener, String secret) {
        return new EndpointConfig(host, port, sessionTimeout, maxSessions, version, java.util.Optional.of(listener),
                java.util.Optional.ofNullable(secret).filter(x -> !x.isEmpty()));
    }
}
