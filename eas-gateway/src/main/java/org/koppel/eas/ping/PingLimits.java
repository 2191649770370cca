package org.koppel.eas.ping;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's bounds for Ping (config/eas.cfg): the heartbeat range (outside it: Status 5 with the bound as
 * HeartbeatInterval) and the most folders one Ping may watch (more: Status 6 with MaxFolders).
 */
public record PingLimits(Duration minHeartbeat, Duration maxHeartbeat, int maxFolders) {

    public static final PingLimits DEFAULTS = new PingLimits(Duration.ofSeconds(60), Duration.ofSeconds(3540), 300);

    public PingLimits {
        Objects.requireNonNull(minHeartbeat, "minHeartbeat");
        Objects.requireNonNull(maxHeartbeat, "maxHeartbeat");
        if (minHeartbeat.isNegative() || minHeartbeat.compareTo(maxHeartbeat) > 0) {
            throw new IllegalArgumentException("heartbeat range " + minHeartbeat + ".." + maxHeartbeat);
        }
        if (maxFolders < 1) {
            throw new IllegalArgumentException("maxFolders must be positive");
        }
    }
}
