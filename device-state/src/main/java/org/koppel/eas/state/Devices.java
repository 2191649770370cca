package org.koppel.eas.state;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Device accounts: registration on each request, DeviceInformation, provisioning (policy keys), remote
 * wipe, blocking, the saved push settings, and the administrator's listing and removal. Every method that
 * changes something is one transaction and drops this node's cached copy of the account.
 */
public interface Devices {

    /**
     * Records a request of the account: creates it on first sight (first and last sync now), stores a changed
     * device type, user agent or protocol version, and moves the last-sync time when it moved by at least
     * the configured step. Costs no database write when nothing changed and the cached record is recent.
     */
    Device register(DeviceAccount account, DeviceRequest request);

    /** The account as this node last read it (at most the configured cache time ago). */
    Optional<Device> find(DeviceAccount account);

    /**
     * The account as the database holds it now. Use before refusing a device for its policy key or wipe
     * state: another gateway node may have provisioned it a moment ago.
     */
    Optional<Device> findFresh(DeviceAccount account);

    /** The accounts of a user on all devices, by device id. */
    List<Device> ofUser(String user);

    /** The accounts on one device id: the users of a device, by user. */
    List<Device> withDeviceId(String deviceId);

    /** Stores the Settings/DeviceInformation the device sent. */
    Device updateInformation(DeviceAccount account, DeviceInformation information);

    /**
     * Keeps the recovery password of Settings/DevicePassword, sealed by the caller (device state never sees it in
     * the clear), replacing an earlier one.
     */
    void setRecoveryPassword(DeviceAccount account, byte[] sealed);

    /** The sealed recovery password, when the device set one. */
    Optional<byte[]> recoveryPassword(DeviceAccount account);

    /**
     * Provision phase one: hands out a new temporary policy key for the policy the gateway is sending
     * (replacing any earlier temporary key). The key in force stays until phase two completes.
     */
    long beginProvisioning(DeviceAccount account, String policyHash);

    /**
     * Provision phase two: the device acknowledges with the temporary key. Returns the final key, now in
     * force, or empty when the key is not the outstanding temporary key (nothing changes then).
     */
    OptionalLong completeProvisioning(DeviceAccount account, long temporaryKey);

    /** Forgets the account's policy keys, so that its next request must provision again. */
    Device resetProvisioning(DeviceAccount account);

    /**
     * An administrator asks for a remote wipe (of the whole device, or of this account only). Allowed in
     * every state; an earlier wipe's record is replaced.
     */
    Device requestWipe(DeviceAccount account, boolean accountOnly, String requestedBy);

    /** Withdraws a wipe not yet acknowledged; nothing happens when none is pending. */
    Device cancelWipe(DeviceAccount account);

    /** The Provision response carrying the wipe was sent; allowed while a wipe is pending or sent. */
    Device wipeSent(DeviceAccount account);

    /** The device acknowledged the wipe; allowed after it was sent (again after acknowledged: no change). */
    Device wipeAcknowledged(DeviceAccount account);

    Device setBlocked(DeviceAccount account, boolean blocked);

    /** Keeps the Ping's folders and heartbeat for the next Ping that leaves them out. */
    Device savePing(DeviceAccount account, PingSettings ping);

    /**
     * Keeps the last Sync request as the gateway encoded it, for an empty or partial Sync (14.0+) that
     * refers back to it.
     */
    void saveLastSyncRequest(DeviceAccount account, byte[] request);

    Optional<byte[]> lastSyncRequest(DeviceAccount account);

    /** Removes the account and all its state (folder ids, sync keys). False when there was none. */
    boolean remove(DeviceAccount account);
}
