package org.koppel.eas.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything kept about one user's account on one device, as of one read.
 *
 * @param firstSync when the account was first seen on the device
 * @param lastSync  when it last made a request (to within the configured last-sync step)
 * @param blocked   whether an administrator blocked the device for this user
 * @param ping      the last Ping's folders and heartbeat
 */
public record Device(
        DeviceAccount account,
        String deviceType,
        String userAgent,
        String protocolVersion,
        DeviceInformation information,
        Instant firstSync,
        Instant lastSync,
        Provisioning provisioning,
        WipeState wipe,
        boolean blocked,
        PingSettings ping) {

    public Device {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(firstSync, "firstSync");
        Objects.requireNonNull(lastSync, "lastSync");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(wipe, "wipe");
        Objects.requireNonNull(ping, "ping");
    }
}
