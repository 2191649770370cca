package org.koppel.eas.state;

import java.util.List;
import java.util.Objects;

/**
 * What the device's last Ping asked to watch, kept so that a Ping without a body (or without folders or
 * heartbeat) means "the same as last time" (MS-ASCMD Ping).
 *
 * @param heartbeatSeconds the HeartbeatInterval last used, 0 when none was ever sent
 */
public record PingSettings(int heartbeatSeconds, List<PingFolder> folders) {

    public static final PingSettings NONE = new PingSettings(0, List.of());

    public PingSettings {
        if (heartbeatSeconds < 0) {
            throw new IllegalArgumentException("heartbeat must not be negative");
        }
        folders = List.copyOf(Objects.requireNonNull(folders, "folders"));
    }
}
