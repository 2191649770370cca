package org.koppel.eas.provisioning;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.Device;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * What the provisioning gate knows of a request when it asks whether the device may go on: the user, the
 * device, the policy key it sent (X-MS-PolicyKey or the base64 form's), the version and the command.
 */
public record PolicyQuery(String user, Device device, OptionalLong policyKey, ProtocolVersion version,
        Command command, Optional<String> userAgent) {

    public PolicyQuery {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(policyKey, "policyKey");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
