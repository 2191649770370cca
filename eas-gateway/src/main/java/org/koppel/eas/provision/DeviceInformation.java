package org.koppel.eas.provision;

import java.util.Optional;

/**
 * What a device says about itself in settings:DeviceInformation/Set ([MS-ASCMD] 2.2.3.51),
 * sent with the first Provision request from 14.1 on (and with the Settings command).
 */
public record DeviceInformation(Optional<String> model, Optional<String> imei, Optional<String> friendlyName,
        Optional<String> os, Optional<String> osLanguage, Optional<String> phoneNumber, Optional<String> userAgent,
        Optional<Boolean> enableOutboundSms, Optional<String> mobileOperator) {

    /** What device state keeps of it, for the administrator. */
    public org.koppel.eas.state.DeviceInformation toState() {
        return new org.koppel.eas.state.DeviceInformation(model.orElse(""), imei.orElse(""), friendlyName.orElse(""),
                os.orElse(""), osLanguage.orElse(""), phoneNumber.orElse(""), mobileOperator.orElse(""),
                userAgent.orElse(""), enableOutboundSms);
    }

    public static DeviceInformation none() {
        return new DeviceInformation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
