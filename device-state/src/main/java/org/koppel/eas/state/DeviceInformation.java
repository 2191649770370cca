package org.koppel.eas.state;

/**
 * The Settings/DeviceInformation of MS-ASPROV that a device sends with Provision (14.1 and later) or
 * Settings: what an administrator sees about the phone. Empty strings for what the device did not send.
 */
public record DeviceInformation(
        String model,
        String imei,
        String friendlyName,
        String os,
        String osLanguage,
        String phoneNumber,
        String mobileOperator,
        String userAgent) {

    /** What is stored of each field; devices have no reason to send more. */
    public static final int MAX_FIELD = 1024;

    public static final DeviceInformation NONE = new DeviceInformation("", "", "", "", "", "", "", "");

    public DeviceInformation {
        model = bounded(model);
        imei = bounded(imei);
        friendlyName = bounded(friendlyName);
        os = bounded(os);
        osLanguage = bounded(osLanguage);
        phoneNumber = bounded(phoneNumber);
        mobileOperator = bounded(mobileOperator);
        userAgent = bounded(userAgent);
    }

    static String bounded(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
    }
}
