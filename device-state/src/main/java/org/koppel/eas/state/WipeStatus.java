package org.koppel.eas.state;

/** Where a remote wipe stands (MS-ASPROV RemoteWipe, AccountOnlyRemoteWipe in 16.1). */
public enum WipeStatus {
    /** No wipe asked for. */
    NONE,
    /** An administrator asked for a wipe; the device's next request gets provisioning required. */
    PENDING,
    /** The Provision response with RemoteWipe (or AccountOnlyRemoteWipe) was sent to the device. */
    SENT,
    /** The device acknowledged the wipe. */
    ACKNOWLEDGED
}
