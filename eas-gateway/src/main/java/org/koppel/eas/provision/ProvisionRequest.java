package org.koppel.eas.provision;

import java.util.Optional;
import org.koppel.eas.codec.StatusCode;

/**
 * A Provision request, in one of its phases: the download (policy type, no key), the
 * acknowledgement (the temporary key and whether the device applied the policy), or the
 * acknowledgement of a remote wipe. From 14.1 the first request carries the device information.
 */
public record ProvisionRequest(Optional<DeviceInformation> deviceInformation, Optional<Policy> policy,
        Optional<WipeStatus> remoteWipe) {

    /** The Policies/Policy element of a request. */
    public record Policy(PolicyType type, Optional<String> policyKey, Optional<AckStatus> status) {
    }

    /** How far the client applied the policy it acknowledges ([MS-ASPROV] 2.2.2.54.1). */
    public enum AckStatus implements StatusCode {
        APPLIED(1),
        /** At least the PIN was enabled. */
        PARTIALLY_APPLIED(2),
        NOT_APPLIED(3),
        /** The client says a third party provisioned it. */
        THIRD_PARTY(4);

        private final int code;

        AckStatus(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** The device's answer to a remote wipe ([MS-ASPROV] 2.2.2.54.3). */
    public enum WipeStatus implements StatusCode {
        WIPED(1),
        FAILED(2);

        private final int code;

        WipeStatus(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }
}
