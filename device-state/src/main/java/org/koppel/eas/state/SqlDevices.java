package org.koppel.eas.state;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Devices} over eas_device, with this node's device cache in front of the reads. */
final class SqlDevices implements Devices {

    private static final Logger LOG = LoggerFactory.getLogger(SqlDevices.class);

    private static final String COLUMNS = "user_name, device_id, device_type, user_agent, protocol_version, "
            + "info_model, info_imei, info_friendly_name, info_os, info_os_language, info_phone_number, "
            + "info_mobile_operator, info_user_agent, info_enable_outbound_sms, first_sync, last_sync, policy_key, pending_policy_key, "
            + "policy_hash, provisioned_at, wipe_status, wipe_account_only, wipe_requested_by, wipe_requested_at, "
            + "wipe_sent_at, wipe_acknowledged_at, blocked, ping_heartbeat, ping_folders";

    private final StateDatabase db;
    private final StateJson json;
    private final StateCaches caches;
    private final Clock clock;
    private final Duration lastSyncStep;
    private final SecureRandom random = new SecureRandom();

    SqlDevices(StateDatabase db, StateJson json, StateCaches caches, Clock clock, Duration lastSyncStep) {
        this.db = db;
        this.json = json;
        this.caches = caches;
        this.clock = clock;
        this.lastSyncStep = lastSyncStep;
    }

    @Override
    public Device register(DeviceAccount account, DeviceRequest request) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        Device cached = caches.devices.getIfPresent(account);
        if (cached != null && !needsWrite(cached, request, now)) {
            return cached;
        }
        Device device = db.transaction(c -> {
            Optional<Device> current = read(c, account, true);
            if (current.isEmpty()) {
                if (insert(c, account, request, now)) {
                    return read(c, account, false).orElseThrow();
                }
                // Another request of the same account inserted it just now: update that row instead.
                current = read(c, account, true);
            }
            if (needsWrite(current.orElseThrow(), request, now)) {
                KeyChain.update(c, "UPDATE eas_device SET device_type = ?, user_agent = ?, protocol_version = ?, "
                        + "last_sync = ? WHERE user_name = ? AND device_id = ?",
                        request.deviceType(), request.userAgent(), request.protocolVersion(), now.toEpochMilli(),
                        account.user(), account.deviceId());
                return read(c, account, false).orElseThrow();
            }
            return current.get();
        });
        caches.devices.invalidate(account);
        return device;
    }

    private boolean needsWrite(Device d, DeviceRequest r, Instant now) {
        return !d.deviceType().equals(r.deviceType()) || !d.userAgent().equals(r.userAgent())
                || !d.protocolVersion().equals(r.protocolVersion())
                || Duration.between(d.lastSync(), now).compareTo(lastSyncStep) >= 0;
    }

    /** False when the row exists already (a concurrent first request). */
    private static boolean insert(Connection c, DeviceAccount account, DeviceRequest request, Instant now)
            throws SQLException {
        try {
            KeyChain.update(c, "INSERT INTO eas_device (user_name, device_id, device_type, user_agent, "
                    + "protocol_version, info_model, info_imei, info_friendly_name, info_os, info_os_language, "
                    + "info_phone_number, info_mobile_operator, info_user_agent, first_sync, last_sync, "
                    + "policy_key, pending_policy_key, policy_hash, wipe_status, wipe_account_only, "
                    + "wipe_requested_by, blocked, ping_heartbeat, next_folder_id) "
                    + "VALUES (?, ?, ?, ?, ?, '', '', '', '', '', '', '', '', ?, ?, 0, 0, '', 'NONE', FALSE, '', "
                    + "FALSE, 0, 1)",
                    account.user(), account.deviceId(), request.deviceType(), request.userAgent(),
                    request.protocolVersion(), now.toEpochMilli(), now.toEpochMilli());
            return true;
        } catch (SQLException e) {
            if (StateDatabase.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Device> find(DeviceAccount account) {
        Objects.requireNonNull(account, "account");
        // Caffeine does not keep a null from the loader: absent accounts are read again each time.
        return Optional.ofNullable(caches.devices.get(account, a -> db.transaction(c -> read(c, a, false)).orElse(null)));
    }

    @Override
    public Optional<Device> findFresh(DeviceAccount account) {
        caches.devices.invalidate(account);
        return find(account);
    }

    @Override
    public List<Device> ofUser(String user) {
        return list("WHERE user_name = ? ORDER BY device_id", user);
    }

    @Override
    public List<Device> withDeviceId(String deviceId) {
        return list("WHERE device_id = ? ORDER BY user_name", deviceId);
    }

    private List<Device> list(String where, String value) {
        Objects.requireNonNull(value, "value");
        return db.transaction(c -> {
            List<Device> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM eas_device " + where)) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(device(rs));
                    }
                }
            }
            return List.copyOf(result);
        });
    }

    @Override
    public Device updateInformation(DeviceAccount account, DeviceInformation info) {
        Objects.requireNonNull(info, "information");
        return change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET info_model = ?, info_imei = ?, "
                + "info_friendly_name = ?, info_os = ?, info_os_language = ?, info_phone_number = ?, "
                + "info_mobile_operator = ?, info_user_agent = ?, info_enable_outbound_sms = ? "
                + "WHERE user_name = ? AND device_id = ?",
                info.model(), info.imei(), info.friendlyName(), info.os(), info.osLanguage(), info.phoneNumber(),
                info.mobileOperator(), info.userAgent(), info.enableOutboundSms().orElse(null), account.user(),
                account.deviceId()));
    }

    @Override
    public void setRecoveryPassword(DeviceAccount account, byte[] sealed) {
        byte[] copy = Objects.requireNonNull(sealed, "sealed").clone();
        change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET recovery_password = ?, "
                + "recovery_password_at = ? WHERE user_name = ? AND device_id = ?", copy, clock.millis(),
                account.user(), account.deviceId()));
    }

    @Override
    public Optional<byte[]> recoveryPassword(DeviceAccount account) {
        Objects.requireNonNull(account, "account");
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT recovery_password FROM eas_device WHERE user_name = ? AND device_id = ?")) {
                ps.setString(1, account.user());
                ps.setString(2, account.deviceId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new DeviceStateException.UnknownDevice(account);
                    }
                    return Optional.ofNullable(rs.getBytes(1));
                }
            }
        });
    }

    @Override
    public long beginProvisioning(DeviceAccount account, String policyHash) {
        String hash = Objects.requireNonNullElse(policyHash, "");
        if (hash.length() > 128) {
            throw new IllegalArgumentException("policy hash longer than 128 characters");
        }
        long[] key = new long[1];
        change(account, (c, d) -> {
            key[0] = newPolicyKey(d.provisioning().policyKey());
            return KeyChain.update(c, "UPDATE eas_device SET pending_policy_key = ?, policy_hash = ? "
                    + "WHERE user_name = ? AND device_id = ?", key[0], hash, account.user(), account.deviceId());
        });
        return key[0];
    }

    @Override
    public OptionalLong completeProvisioning(DeviceAccount account, long temporaryKey) {
        long[] key = new long[1];
        change(account, (c, d) -> {
            long pending = d.provisioning().pendingKey();
            if (pending == 0 || pending != temporaryKey) {
                return 0;
            }
            key[0] = newPolicyKey(pending);
            return KeyChain.update(c, "UPDATE eas_device SET policy_key = ?, pending_policy_key = 0, "
                    + "provisioned_at = ? WHERE user_name = ? AND device_id = ?",
                    key[0], clock.millis(), account.user(), account.deviceId());
        });
        return key[0] == 0 ? OptionalLong.empty() : OptionalLong.of(key[0]);
    }

    /** MS-ASPROV policy keys are unsigned 32-bit; 0 means "none", and a new key differs from the old. */
    private long newPolicyKey(long avoid) {
        long key;
        do {
            key = random.nextLong(1, 1L << 32);
        } while (key == avoid);
        return key;
    }

    @Override
    public Device resetProvisioning(DeviceAccount account) {
        return change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET policy_key = 0, "
                + "pending_policy_key = 0, provisioned_at = NULL WHERE user_name = ? AND device_id = ?",
                account.user(), account.deviceId()));
    }

    @Override
    public Device requestWipe(DeviceAccount account, boolean accountOnly, String requestedBy) {
        String by = Objects.requireNonNullElse(requestedBy, "");
        if (by.length() > 255) {
            throw new IllegalArgumentException("requestedBy longer than 255 characters");
        }
        Device device = change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET wipe_status = 'PENDING', "
                + "wipe_account_only = ?, wipe_requested_by = ?, wipe_requested_at = ?, wipe_sent_at = NULL, "
                + "wipe_acknowledged_at = NULL WHERE user_name = ? AND device_id = ?",
                accountOnly, by, clock.millis(), account.user(), account.deviceId()));
        LOG.info("Remote wipe{} of {} requested by {}", accountOnly ? " (account only)" : "", account, by);
        return device;
    }

    @Override
    public Device cancelWipe(DeviceAccount account) {
        return change(account, (c, d) -> switch (d.wipe().status()) {
            case NONE -> 0;
            case ACKNOWLEDGED -> throw new DeviceStateException.InvalidTransition(
                    "the wipe of " + account + " was acknowledged already; remove the device instead");
            case PENDING, SENT -> KeyChain.update(c, "UPDATE eas_device SET wipe_status = 'NONE', "
                    + "wipe_account_only = FALSE, wipe_requested_by = '', wipe_requested_at = NULL, "
                    + "wipe_sent_at = NULL, wipe_acknowledged_at = NULL WHERE user_name = ? AND device_id = ?",
                    account.user(), account.deviceId());
        });
    }

    @Override
    public Device wipeSent(DeviceAccount account) {
        return change(account, (c, d) -> switch (d.wipe().status()) {
            case PENDING, SENT -> KeyChain.update(c, "UPDATE eas_device SET wipe_status = 'SENT', wipe_sent_at = ? "
                    + "WHERE user_name = ? AND device_id = ?", clock.millis(), account.user(), account.deviceId());
            case NONE, ACKNOWLEDGED -> throw new DeviceStateException.InvalidTransition(
                    "no wipe of " + account + " is pending (" + d.wipe().status() + ")");
        });
    }

    @Override
    public Device wipeAcknowledged(DeviceAccount account) {
        Device device = change(account, (c, d) -> switch (d.wipe().status()) {
            case SENT -> KeyChain.update(c, "UPDATE eas_device SET wipe_status = 'ACKNOWLEDGED', "
                    + "wipe_acknowledged_at = ? WHERE user_name = ? AND device_id = ?",
                    clock.millis(), account.user(), account.deviceId());
            case ACKNOWLEDGED -> 0;
            case NONE, PENDING -> throw new DeviceStateException.InvalidTransition(
                    "no wipe was sent to " + account + " (" + d.wipe().status() + ")");
        });
        LOG.info("Remote wipe of {} acknowledged by the device", account);
        return device;
    }

    @Override
    public Device setBlocked(DeviceAccount account, boolean blocked) {
        return change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET blocked = ? "
                + "WHERE user_name = ? AND device_id = ?", blocked, account.user(), account.deviceId()));
    }

    @Override
    public Device savePing(DeviceAccount account, PingSettings ping) {
        Objects.requireNonNull(ping, "ping");
        String folders = json.ping(ping);
        return change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET ping_heartbeat = ?, "
                + "ping_folders = ? WHERE user_name = ? AND device_id = ?",
                ping.heartbeatSeconds(), folders, account.user(), account.deviceId()));
    }

    @Override
    public void saveLastSyncRequest(DeviceAccount account, byte[] request) {
        byte[] copy = Objects.requireNonNull(request, "request").clone();
        // Not part of the cached record: no need to drop the cache entry, but change() does no harm.
        change(account, (c, d) -> KeyChain.update(c, "UPDATE eas_device SET last_sync_request = ? "
                + "WHERE user_name = ? AND device_id = ?", copy, account.user(), account.deviceId()));
    }

    @Override
    public Optional<byte[]> lastSyncRequest(DeviceAccount account) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_sync_request FROM eas_device WHERE user_name = ? AND device_id = ?")) {
                ps.setString(1, account.user());
                ps.setString(2, account.deviceId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new DeviceStateException.UnknownDevice(account);
                    }
                    return Optional.ofNullable(rs.getBytes(1));
                }
            }
        });
    }

    @Override
    public boolean remove(DeviceAccount account) {
        Objects.requireNonNull(account, "account");
        // Folder ids and sync keys go with the row (ON DELETE CASCADE).
        int removed = db.transaction(c -> KeyChain.update(c,
                "DELETE FROM eas_device WHERE user_name = ? AND device_id = ?", account.user(), account.deviceId()));
        caches.forget(account);
        if (removed > 0) {
            LOG.info("Device {} removed with its sync state", account);
        }
        return removed > 0;
    }

    /** A change to an existing account: read it under its row lock, apply, return it as committed. */
    @FunctionalInterface
    private interface Change {
        int apply(Connection c, Device current) throws SQLException;
    }

    private Device change(DeviceAccount account, Change change) {
        Objects.requireNonNull(account, "account");
        Device device = db.transaction(c -> {
            Device current = read(c, account, true).orElseThrow(() -> new DeviceStateException.UnknownDevice(account));
            return change.apply(c, current) == 0 ? current : read(c, account, false).orElseThrow();
        });
        caches.devices.invalidate(account);
        return device;
    }

    private Optional<Device> read(Connection c, DeviceAccount account, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM eas_device WHERE user_name = ? AND device_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, account.user());
            ps.setString(2, account.deviceId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(device(rs)) : Optional.empty();
            }
        }
    }

    private Device device(ResultSet rs) throws SQLException {
        DeviceAccount account = new DeviceAccount(rs.getString("user_name"), rs.getString("device_id"));
        DeviceInformation info = new DeviceInformation(rs.getString("info_model"), rs.getString("info_imei"),
                rs.getString("info_friendly_name"), rs.getString("info_os"), rs.getString("info_os_language"),
                rs.getString("info_phone_number"), rs.getString("info_mobile_operator"),
                rs.getString("info_user_agent"), sms(rs));
        Provisioning provisioning = new Provisioning(rs.getLong("policy_key"), rs.getLong("pending_policy_key"),
                rs.getString("policy_hash"), instant(rs, "provisioned_at"));
        WipeStatus status;
        try {
            status = WipeStatus.valueOf(rs.getString("wipe_status"));
        } catch (IllegalArgumentException e) {
            throw new DeviceStateException.StorageFailure("unknown wipe status of " + account + ": "
                    + rs.getString("wipe_status"), e);
        }
        WipeState wipe = new WipeState(status, rs.getBoolean("wipe_account_only"), rs.getString("wipe_requested_by"),
                instant(rs, "wipe_requested_at"), instant(rs, "wipe_sent_at"), instant(rs, "wipe_acknowledged_at"));
        String pingFolders = rs.getString("ping_folders");
        PingSettings ping = pingFolders == null ? PingSettings.NONE : json.ping(pingFolders);
        return new Device(account, rs.getString("device_type"), rs.getString("user_agent"),
                rs.getString("protocol_version"), info, Instant.ofEpochMilli(rs.getLong("first_sync")),
                Instant.ofEpochMilli(rs.getLong("last_sync")), provisioning, wipe, rs.getBoolean("blocked"), ping);
    }

    private static Optional<Boolean> sms(ResultSet rs) throws SQLException {
        boolean on = rs.getBoolean("info_enable_outbound_sms");
        return rs.wasNull() ? Optional.empty() : Optional.of(on);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
