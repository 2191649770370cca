package org.koppel.eas.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Hierarchy} over the key chain "" (whose state is the folder list as JSON) and eas_folder_id (the
 * ServerIds, counted per account from eas_device.next_folder_id under that row's lock).
 */
final class SqlHierarchy implements Hierarchy {

    /** eas_folder_id.backend_id; longer backend ids are refused rather than cut (two could then collide). */
    static final int MAX_BACKEND_ID = 2048;

    private final StateDatabase db;
    private final KeyChain chain;
    private final StateJson json;
    private final StateCaches caches;

    SqlHierarchy(StateDatabase db, KeyChain chain, StateJson json, StateCaches caches) {
        this.db = db;
        this.chain = chain;
        this.json = json;
        this.caches = caches;
    }

    @Override
    public KeyLookup<List<HierarchyFolder>> lookup(DeviceAccount account, String clientKey) {
        Objects.requireNonNull(account, "account");
        return switch (chain.lookup(account, KeyChain.HIERARCHY, clientKey, true)) {
            case KeyLookup.Unknown<byte[]> u -> new KeyLookup.Unknown<>(u.clientKey(), u.reason());
            case SyncPoint.Initial<byte[]> i -> new SyncPoint.Initial<>(account, KeyChain.HIERARCHY, i.version(),
                    Optional.empty());
            case SyncPoint.Current<byte[]> c -> new SyncPoint.Current<>(account, KeyChain.HIERARCHY, c.version(),
                    Optional.empty(), c.key(), json.folders(c.state()));
            case SyncPoint.Replay<byte[]> r -> new SyncPoint.Replay<>(account, KeyChain.HIERARCHY, r.version(),
                    Optional.empty(), r.key(), json.folders(r.state()), r.reissued(), r.pending());
        };
    }

    @Override
    public Optional<List<HierarchyFolder>> latest(DeviceAccount account) {
        Objects.requireNonNull(account, "account");
        return chain.latest(account, KeyChain.HIERARCHY).map(c -> json.folders(c.state()));
    }

    @Override
    public SyncKey issue(SyncPoint<List<HierarchyFolder>> from, List<HierarchyFolder> folders, byte[] pending) {
        if (!KeyChain.HIERARCHY.equals(from.collectionId())) {
            throw new IllegalArgumentException("not a point of the hierarchy: collection " + from.collectionId());
        }
        return chain.issue(from, json.folders(List.copyOf(folders)), pending, null);
    }

    @Override
    public String serverId(DeviceAccount account, String backendFolderId) {
        return serverIds(account, List.of(backendFolderId)).get(backendFolderId);
    }

    @Override
    public Optional<String> knownServerId(DeviceAccount account, String backendFolderId) {
        Objects.requireNonNull(account, "account");
        Long serverId = caches.folderIds.get(account, this::load).byBackendId().get(backendFolderId);
        return serverId == null ? Optional.empty() : Optional.of(Long.toString(serverId));
    }

    @Override
    public Map<String, String> serverIds(DeviceAccount account, Collection<String> backendFolderIds) {
        Objects.requireNonNull(account, "account");
        for (String id : backendFolderIds) {
            if (id == null || id.isEmpty() || id.length() > MAX_BACKEND_ID) {
                throw new IllegalArgumentException("backend folder ids have 1 to " + MAX_BACKEND_ID + " characters");
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        StateCaches.FolderIds known = caches.folderIds.get(account, this::load);
        boolean allKnown = true;
        for (String id : backendFolderIds) {
            Long serverId = known.byBackendId().get(id);
            if (serverId == null) {
                allKnown = false;
                break;
            }
            result.put(id, Long.toString(serverId));
        }
        if (allKnown) {
            return result;
        }
        result.clear();
        Map<String, Long> assigned = db.transaction(c -> assign(c, account, backendFolderIds));
        caches.folderIds.invalidate(account);
        assigned.forEach((backend, serverId) -> result.put(backend, Long.toString(serverId)));
        return result;
    }

    /**
     * Takes the device row's lock first, so that two requests giving ids to the same new folder are
     * serialised: the second finds the first's id instead of inserting a duplicate.
     */
    private Map<String, Long> assign(Connection c, DeviceAccount account, Collection<String> backendIds)
            throws SQLException {
        long ref = DeviceRefs.require(c, account, true);
        long next;
        try (PreparedStatement ps = c.prepareStatement("SELECT next_folder_id FROM eas_device WHERE id = ?")) {
            ps.setLong(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getLong(1);
            }
        }
        long start = next;
        Map<String, Long> result = new LinkedHashMap<>();
        try (PreparedStatement find = c.prepareStatement(
                "SELECT folder_id FROM eas_folder_id WHERE device_ref = ? AND backend_hash = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO eas_folder_id "
                        + "(device_ref, folder_id, backend_hash, backend_id) VALUES (?, ?, ?, ?)")) {
            for (String backendId : backendIds) {
                if (result.containsKey(backendId)) {
                    continue;
                }
                String hash = hash(backendId);
                find.setLong(1, ref);
                find.setString(2, hash);
                Long existing = null;
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        existing = rs.getLong(1);
                    }
                }
                if (existing == null) {
                    existing = next++;
                    insert.setLong(1, ref);
                    insert.setLong(2, existing);
                    insert.setString(3, hash);
                    insert.setString(4, backendId);
                    insert.executeUpdate();
                }
                result.put(backendId, existing);
            }
        }
        if (next != start) {
            KeyChain.update(c, "UPDATE eas_device SET next_folder_id = ? WHERE id = ?", next, ref);
        }
        return result;
    }

    @Override
    public Optional<String> backendId(DeviceAccount account, String serverId) {
        Objects.requireNonNull(account, "account");
        long id;
        try {
            id = Long.parseLong(serverId);
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        if (id <= 0 || !Long.toString(id).equals(serverId)) {
            return Optional.empty();
        }
        StateCaches.FolderIds known = caches.folderIds.getIfPresent(account);
        if (known == null || !known.byServerId().containsKey(id)) {
            // Not cached, or given out since (perhaps by another node): read all of the account's ids again.
            caches.folderIds.invalidate(account);
            known = caches.folderIds.get(account, this::load);
        }
        return Optional.ofNullable(known.byServerId().get(id));
    }

    private StateCaches.FolderIds load(DeviceAccount account) {
        return db.transaction(c -> {
            long ref = DeviceRefs.require(c, account);
            Map<String, Long> byBackend = new HashMap<>();
            Map<Long, String> byServer = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT folder_id, backend_id FROM eas_folder_id WHERE device_ref = ?")) {
                ps.setLong(1, ref);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byBackend.put(rs.getString(2), rs.getLong(1));
                        byServer.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return new StateCaches.FolderIds(byBackend, byServer);
        });
    }

    private static String hash(String backendId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(backendId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
