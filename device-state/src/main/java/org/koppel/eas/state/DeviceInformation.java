package org.koppel.eas.state;

import java.util.Objects;
import java.util.Optional;

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
        String userAgent,
        Optional<Boolean> enableOutboundSms) {

    /** What is stored of each field; devices have no reason to send more. */
    public static final int MAX_FIELD = 1024;

    public static final DeviceInformation NONE = new DeviceInformation("", "", "", "", "", "", "", "");

    /** Without EnableOutboundSMS (Provision before 14.1 devices sent it through Settings only). */
    public DeviceInformation(String model, String imei, String friendlyName, String os, String osLanguage,
            String phoneNumber, String mobileOperator, String userAgent) {
        this(model, imei, friendlyName, os, osLanguage, phoneNumber, mobileOperator, userAgent, Optional.empty());
    }

    public DeviceInformation {
        model = bounded(model);
        imei = bounded(imei);
        friendlyName = bounded(friendlyName);
        os = bounded(os);
        osLanguage = bounded(osLanguage);
        phoneNumber = bounded(phoneNumber);
        mobileOperator = bounded(mobileOperator);
        userAgent = bounded(userAgent);
        Objects.requireNonNull(enableOutboundSms, "enableOutboundSms");
    }

    static String bounded(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
    }
}
