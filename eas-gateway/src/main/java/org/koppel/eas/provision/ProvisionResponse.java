package org.koppel.eas.provision;

import java.util.Optional;
import org.koppel.eas.codec.StatusCode;

/**
 * A Provision response: the overall status, the status for the device information the client
 * sent (14.1+), the policy (with its settings in the download phase, the final key in the
 * acknowledgement phase) and, when the device is to be wiped, the RemoteWipe directive.
 */
public record ProvisionResponse(Optional<DeviceInformationStatus> deviceInformationStatus, ProvisionStatus status,
        Optional<Policy> policy, boolean remoteWipe) {

    /** The Policies/Policy element of a response. */
    public record Policy(PolicyType type, PolicyStatus status, Optional<String> policyKey,
            Optional<PolicySettings> settings) {
    }

    /** Status of a policy in a response ([MS-ASPROV] 2.2.2.54.1). */
    public enum PolicyStatus implements StatusCode {
        SUCCESS(1),
        NO_POLICY(2),
        UNKNOWN_POLICY_TYPE(3),
        /** The policy data on the server is corrupt. */
        POLICY_DATA_CORRUPT(4),
        /** The client acknowledged a policy key that is not the current one. */
        WRONG_POLICY_KEY(5);

        private final int code;

        PolicyStatus(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** Status of settings:DeviceInformation in a response. */
    public enum DeviceInformationStatus implements StatusCode {
        SUCCESS(1),
        PROTOCOL_ERROR(2);

        private final int code;

        DeviceInformationStatus(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }
}
