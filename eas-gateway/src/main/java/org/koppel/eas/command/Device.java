package org.koppel.eas.command;

import java.util.Objects;

/**
 * The device a request comes from, as its query names it: {@code DeviceId} and {@code DeviceType}. A device id
 * that the base64 form carries as 16 binary bytes (a GUID) is given here as 32 upper-case hex digits.
 */
public record Device(String id, String type) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }
}
