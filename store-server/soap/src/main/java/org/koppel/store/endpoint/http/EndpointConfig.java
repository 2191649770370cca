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
 */
public record EndpointConfig(String host, int port, Duration sessionTimeout, int maxSessions, String version) {
}
