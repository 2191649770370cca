package org.koppel.eas.state;

import java.util.Objects;

/**
 * What every ActiveSync request says about the device besides its id: the DeviceType query value, the
 * User-Agent header and the negotiated protocol version. {@link Devices#register} records it.
 */
public record DeviceRequest(String deviceType, String userAgent, String protocolVersion) {

    public DeviceRequest {
        deviceType = cut(Objects.requireNonNullElse(deviceType, ""), 128);
        userAgent = cut(Objects.requireNonNullElse(userAgent, ""), 512);
        protocolVersion = cut(Objects.requireNonNullElse(protocolVersion, ""), 8);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
