package org.koppel.eas.provision;

import java.util.Optional;

/**
 * What a device says about itself in settings:DeviceInformation/Set ([MS-ASCMD] 2.2.3.51),
 * sent with the first Provision request from 14.1 on (and with the Settings command).
 */
public record DeviceInformation(Optional<String> model, Optional<String> imei, Optional<String> friendlyName,
        Optional<String> os, Optional<String> osLanguage, Optional<String> phoneNumber, Optional<String> userAgent,
        Optional<Boolean> enableOutboundSms, Optional<String> mobileOperator) {

    public static DeviceInformation none() {
        return new DeviceInformation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
