package org.koppel.eas.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sync keys of one collection of a device account, in eas_sync_collection (the head: series, newest
 * key issued, newest key used, version) and eas_sync_key (the state of each key still valid). Shared by
 * Sync collections and the hierarchy (collection ""); states are bytes here.
 *
 * <p>Invariant: the valid keys are {@code latest} and, while the client has not used it yet,
 * {@code latest - 1} (then {@code confirmed == latest - 1}). A lookup of {@code latest} deletes the older
 * one; an issue checks the head's version under a row lock, so of two requests that read the same head
 * only the first advances it.
 */
final class KeyChain {

    static final String HIERARCHY = "";
    static final int MAX_COLLECTION_ID = 64;

    private final StateDatabase db;
    private final StateJson json;
    private final Clock clock;

    KeyChain(StateDatabase db, StateJson json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    private record Head(UUID series, long latest, long confirmed, Optional<SyncOptions> options, long version) {
    }

    KeyLookup<byte[]> lookup(DeviceAccount account, String collectionId, String clientKey, boolean confirm) {
        Optional<SyncKey> parsed = SyncKey.parse(clientKey);
        if (parsed.isEmpty()) {
            return new KeyLookup.Unknown<>(String.valueOf(clientKey), KeyLookup.Reason.MALFORMED);
        }
        SyncKey key = parsed.get();
        return db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            Head head = head(c, ref, collectionId, confirm && !key.isInitial());
            if (key.isInitial()) {
                return new SyncPoint.Initial<>(account, collectionId, head == null ? 0 : head.version(),
                        head == null ? Optional.empty() : head.options());
            }
            if (head == null) {
                return new KeyLookup.Unknown<>(clientKey, KeyLookup.Reason.NO_STATE);
            }
            if (!head.series().equals(key.series())) {
                return new KeyLookup.Unknown<>(clientKey, KeyLookup.Reason.OTHER_SERIES);
            }
            long n = key.counter();
            if (n == head.latest()) {
                long version = head.version();
                if (confirm && head.confirmed() != n) {
                    version = confirm(c, ref, collectionId, n);
                }
                byte[] state = state(c, ref, collectionId, n);
                return new SyncPoint.Current<>(account, collectionId, version, head.options(), key, state);
            }
            if (n == head.latest() - 1 && head.confirmed() == n) {
                byte[] state = state(c, ref, collectionId, n);
                byte[] pending = pending(c, ref, collectionId, head.latest());
                return new SyncPoint.Replay<>(account, collectionId, head.version(), head.options(), key, state,
                        new SyncKey(head.series(), head.latest()), pending);
            }
            return new KeyLookup.Unknown<>(clientKey,
                    n < head.latest() ? KeyLookup.Reason.SUPERSEDED : KeyLookup.Reason.NOT_ISSUED);
        });
    }

    Optional<SyncPoint.Current<byte[]>> latest(DeviceAccount account, String collectionId) {
        return db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            Head head = head(c, ref, collectionId, false);
            if (head == null) {
                return Optional.empty();
            }
            byte[] state = state(c, ref, collectionId, head.latest());
            return Optional.of(new SyncPoint.Current<>(account, collectionId, head.version(), head.options(),
                    new SyncKey(head.series(), head.latest()), state));
        });
    }

    SyncKey issue(SyncPoint<?> from, byte[] state, byte[] pending, SyncOptions options) {
        byte[] stateCopy = state.clone();
        byte[] pendingCopy = pending == null ? null : pending.clone();
        String optionsJson = options == null ? null : json.options(options);
        String collectionId = from.collectionId();
        return db.transaction(c -> {
            long ref = DeviceRefs.require(c, from.account());
            Head head = head(c, ref, collectionId, true);
            long version = head == null ? 0 : head.version();
            if (version != from.version()) {
                throw new DeviceStateException.ConcurrentUpdate("collection '" + collectionId + "' of "
                        + from.account() + " changed since its key was looked up");
            }
            long now = clock.millis();
            return switch (from) {
                case SyncPoint.Initial<?> i -> {
                    SyncKey first = SyncKey.first();
                    if (head == null) {
                        insertHead(c, ref, collectionId, first, optionsJson, now);
                    } else {
                        deleteKeys(c, ref, collectionId, Long.MAX_VALUE);
                        update(c, "UPDATE eas_sync_collection SET series = ?, latest = 1, confirmed = 0, "
                                + "options = COALESCE(?, options), version = version + 1, updated_at = ? "
                                + "WHERE device_ref = ? AND collection_id = ?",
                                first.series().toString(), optionsJson, now, ref, collectionId);
                    }
                    insertKey(c, ref, collectionId, 1, stateCopy, pendingCopy, now);
                    yield first;
                }
                case SyncPoint.Current<?> cur -> {
                    SyncKey next = cur.key().next();
                    insertKey(c, ref, collectionId, next.counter(), stateCopy, pendingCopy, now);
                    update(c, "UPDATE eas_sync_collection SET latest = ?, options = COALESCE(?, options), "
                            + "version = version + 1, updated_at = ? WHERE device_ref = ? AND collection_id = ?",
                            next.counter(), optionsJson, now, ref, collectionId);
                    yield next;
                }
                case SyncPoint.Replay<?> r -> {
                    update(c, "UPDATE eas_sync_key SET backend_state = ?, pending = ?, created_at = ? "
                            + "WHERE device_ref = ? AND collection_id = ? AND counter = ?",
                            stateCopy, pendingCopy, now, ref, collectionId, r.reissued().counter());
                    update(c, "UPDATE eas_sync_collection SET options = COALESCE(?, options), "
                            + "version = version + 1, updated_at = ? WHERE device_ref = ? AND collection_id = ?",
                            optionsJson, now, ref, collectionId);
                    yield r.reissued();
                }
            };
        });
    }

    /** See {@link SyncStates#recordAdds}; the collection's row lock orders it with the key's issue. */
    void recordAdds(SyncPoint<?> from, SyncKey key, Map<String, String> serverIdsByClientId) {
        if (serverIdsByClientId.isEmpty()) {
            return;
        }
        String collectionId = from.collectionId();
        db.transaction(c -> {
            long ref = DeviceRefs.require(c, from.account());
            Head head = head(c, ref, collectionId, true);
            if (head == null) {
                // The collection was discarded meanwhile: its next key is 0, nothing will be retried.
                return null;
            }
            update(c, "DELETE FROM eas_client_add WHERE device_ref = ? AND collection_id = ?"
                    + " AND (series <> ? OR counter < ?)", ref, collectionId, key.series().toString(), key.counter());
            long now = clock.millis();
            try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM eas_client_add WHERE device_ref = ?"
                    + " AND collection_id = ? AND series = ? AND counter = ? AND client_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO eas_client_add (device_ref,"
                            + " collection_id, series, counter, client_id, server_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, String> e : serverIdsByClientId.entrySet()) {
                    find.setLong(1, ref);
                    find.setString(2, collectionId);
                    find.setString(3, key.series().toString());
                    find.setLong(4, key.counter());
                    find.setString(5, e.getKey());
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            // The first record stands: that Add was answered with its ServerId.
                            continue;
                        }
                    }
                    insert.setLong(1, ref);
                    insert.setString(2, collectionId);
                    insert.setString(3, key.series().toString());
                    insert.setLong(4, key.counter());
                    insert.setString(5, e.getKey());
                    insert.setString(6, e.getValue());
                    insert.setLong(7, now);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    Map<String, String> recordedAdds(SyncPoint<?> at, SyncKey key) {
        return db.transaction(c -> {
            long ref = DeviceRefs.require(c, at.account());
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id, server_id FROM eas_client_add"
                    + " WHERE device_ref = ? AND collection_id = ? AND series = ? AND counter = ?")) {
                ps.setLong(1, ref);
                ps.setString(2, at.collectionId());
                ps.setString(3, key.series().toString());
                ps.setLong(4, key.counter());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return Map.copyOf(out);
        });
    }

    /** Options are advice for the next request, not part of a key: the last writer wins, no version check. */
    void saveOptions(SyncPoint<?> at, SyncOptions options) {
        String optionsJson = json.options(options);
        db.transaction(c -> {
            long ref = DeviceRefs.require(c, at.account());
            return update(c, "UPDATE eas_sync_collection SET options = ?, updated_at = ? "
                    + "WHERE device_ref = ? AND collection_id = ?",
                    optionsJson, clock.millis(), ref, at.collectionId());
        });
    }

    void discard(DeviceAccount account, String collectionId) {
        db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            // eas_sync_key rows go with their head (ON DELETE CASCADE)
            return update(c, "DELETE FROM eas_sync_collection WHERE device_ref = ? AND collection_id = ?",
                    ref, collectionId);
        });
    }

    void discardAllButHierarchy(DeviceAccount account) {
        db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            return update(c, "DELETE FROM eas_sync_collection WHERE device_ref = ? AND collection_id <> ?",
                    ref, HIERARCHY);
        });
    }

    private Head head(Connection c, long ref, String collectionId, boolean forUpdate) throws SQLException {
        String sql = "SELECT series, latest, confirmed, options, version FROM eas_sync_collection "
                + "WHERE device_ref = ? AND collection_id = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ref);
            ps.setString(2, collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String options = rs.getString(4);
                return new Head(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        options == null ? Optional.empty() : Optional.of(json.options(options)), rs.getLong(5));
            }
        }
    }

    /** The client used the newest key: the one before it can no longer be asked for. */
    private static long confirm(Connection c, long ref, String collectionId, long n) throws SQLException {
        deleteKeys(c, ref, collectionId, n);
        update(c, "UPDATE eas_sync_collection SET confirmed = ?, version = version + 1 "
                + "WHERE device_ref = ? AND collection_id = ?", n, ref, collectionId);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM eas_sync_collection WHERE device_ref = ? AND collection_id = ?")) {
            ps.setLong(1, ref);
            ps.setString(2, collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static byte[] state(Connection c, long ref, String collectionId, long counter) throws SQLException {
        byte[][] row = keyRow(c, ref, collectionId, counter);
        return row[0];
    }

    private static byte[] pending(Connection c, long ref, String collectionId, long counter) throws SQLException {
        byte[][] row = keyRow(c, ref, collectionId, counter);
        return row[1] == null ? new byte[0] : row[1];
    }

    private static byte[][] keyRow(Connection c, long ref, String collectionId, long counter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT backend_state, pending FROM eas_sync_key "
                + "WHERE device_ref = ? AND collection_id = ? AND counter = ?")) {
            ps.setLong(1, ref);
            ps.setString(2, collectionId);
            ps.setLong(3, counter);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new DeviceStateException.StorageFailure("sync key " + counter + " of collection '"
                            + collectionId + "' has no stored state", null);
                }
                return new byte[][] {rs.getBytes(1), rs.getBytes(2)};
            }
        }
    }

    private static void insertHead(Connection c, long ref, String collectionId, SyncKey first, String optionsJson,
            long now) throws SQLException {
        try {
            update(c, "INSERT INTO eas_sync_collection (device_ref, collection_id, series, latest, confirmed, "
                    + "options, version, updated_at) VALUES (?, ?, ?, 1, 0, ?, 1, ?)",
                    ref, collectionId, first.series().toString(), optionsJson, now);
        } catch (SQLException e) {
            if (StateDatabase.isDuplicateKey(e)) {
                throw new DeviceStateException.ConcurrentUpdate("collection '" + collectionId
                        + "' was started by another request at the same time");
            }
            throw e;
        }
    }

    private static void insertKey(Connection c, long ref, String collectionId, long counter, byte[] state,
            byte[] pending, long now) throws SQLException {
        update(c, "INSERT INTO eas_sync_key (device_ref, collection_id, counter, backend_state, pending, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ref, collectionId, counter, state, pending, now);
    }

    /** Deletes the keys below {@code below}. */
    private static void deleteKeys(Connection c, long ref, String collectionId, long below) throws SQLException {
        update(c, "DELETE FROM eas_sync_key WHERE device_ref = ? AND collection_id = ? AND counter < ?",
                ref, collectionId, below);
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof byte[] b) {
                    ps.setBytes(i + 1, b);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            return ps.executeUpdate();
        }
    }
}
