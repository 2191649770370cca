package org.koppel.eas.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's bounds for Sync (config/eas.cfg): the largest WindowSize honoured, the WindowSize used when
 * the client gives none, the range a heartbeat Sync may wait (Wait and HeartbeatInterval; outside it:
 * Status 14 with the bound as Limit), and the most collections one request may name (more: Status 15 with
 * the bound as Limit).
 */
public record SyncLimits(int maxWindowSize, int defaultWindowSize, Duration minHeartbeat, Duration maxHeartbeat,
        int maxCollections) {

    public static final SyncLimits DEFAULTS = new SyncLimits(512, 100, Duration.ofSeconds(60),
            Duration.ofSeconds(3540), 300);

    public SyncLimits {
        Objects.requireNonNull(minHeartbeat, "minHeartbeat");
        Objects.requireNonNull(maxHeartbeat, "maxHeartbeat");
        if (maxWindowSize < 1 || defaultWindowSize < 1) {
            throw new IllegalArgumentException("window sizes must be positive");
        }
        if (maxCollections < 1) {
            throw new IllegalArgumentException("maxCollections must be positive");
        }
        if (minHeartbeat.isNegative() || minHeartbeat.compareTo(maxHeartbeat) > 0) {
            throw new IllegalArgumentException("heartbeat range " + minHeartbeat + ".." + maxHeartbeat);
        }
    }
}
