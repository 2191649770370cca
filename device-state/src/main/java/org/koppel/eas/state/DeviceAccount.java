package org.koppel.eas.state;

import java.util.Objects;

/**
 * One user's account on one device: the key of everything in device state. A phone with two mailboxes
 * (or shared by two people) is two accounts with the same device id, each with its own policy key, wipe
 * state, folder ids and sync keys.
 *
 * @param user     the store's canonical user name (the gateway resolves {@code DOMAIN\\user} and
 *                 {@code user@domain} before it gets here); compared exactly
 * @param deviceId the EAS DeviceId as the device sends it; compared exactly, case preserved
 */
public record DeviceAccount(String user, String deviceId) {

    /** Longer device ids than any real device sends are refused rather than truncated. */
    public static final int MAX_DEVICE_ID = 128;
    public static final int MAX_USER = 255;

    public DeviceAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceId, "deviceId");
        if (user.isEmpty() || user.length() > MAX_USER) {
            throw new IllegalArgumentException("user name must have 1 to " + MAX_USER + " characters");
        }
        if (!isValidDeviceId(deviceId)) {
            throw new IllegalArgumentException("not a device id: " + printable(deviceId));
        }
    }

    /**
     * MS-ASHTTP: the device id must not contain commas or special characters. Letters, digits and a few
     * harmless marks real devices use are let through; the length is bounded for the index.
     */
    public static boolean isValidDeviceId(String deviceId) {
        if (deviceId == null || deviceId.isEmpty() || deviceId.length() > MAX_DEVICE_ID) {
            return false;
        }
        for (int i = 0; i < deviceId.length(); i++) {
            char c = deviceId.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public String toString() {
        return user + "/" + deviceId;
    }
}
