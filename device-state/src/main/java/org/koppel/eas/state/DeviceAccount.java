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
     * 1 to 128 visible ASCII characters, as the HTTP layer accepts them (MS-ASHTTP asks devices for letters
     * and digits; a binary id from the base64 query form arrives as hex). No spaces, controls or non-ASCII,
     * so the id prints and indexes the same everywhere.
     */
    public static boolean isValidDeviceId(String deviceId) {
        if (deviceId == null || deviceId.isEmpty() || deviceId.length() > MAX_DEVICE_ID) {
            return false;
        }
        for (int i = 0; i < deviceId.length(); i++) {
            char c = deviceId.charAt(i);
            if (c < 0x21 || c > 0x7e) {
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
