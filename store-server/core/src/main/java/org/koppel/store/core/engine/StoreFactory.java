package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.FolderType;
import org.koppel.mapi.Guid;
import org.koppel.store.client.Rights;
import org.koppel.store.client.StoreKind;
import org.koppel.store.client.WellKnownFolder;

/** Creates stores with their standard folder trees and receive folders. */
final class StoreFactory {

    private final StoreWriteLock lock;

    StoreFactory(StoreWriteLock lock) {
        this.lock = lock;
    }

    /** A user's private store: root, IPM subtree with the standard folders, non-IPM subtree, search root. */
    long createPrivate(Connection c, long ownerId) throws SQLException {
        long storeId = insertStore(c, StoreKind.PRIVATE, ownerId);
        Guid guid = guidOf(c, storeId);
        long root = folder(c, storeId, guid, null, WellKnownFolder.ROOT, "", FolderType.FOLDER_ROOT, ownerId);
        long ipm = folder(c, storeId, guid, root, WellKnownFolder.IPM_SUBTREE, "", FolderType.FOLDER_GENERIC, ownerId);
        long inbox = 0;
        for (WellKnownFolder w : new WellKnownFolder[] {WellKnownFolder.INBOX, WellKnownFolder.OUTBOX,
            WellKnownFolder.SENT_ITEMS, WellKnownFolder.DELETED_ITEMS, WellKnownFolder.DRAFTS, WellKnownFolder.JUNK,
            WellKnownFolder.CALENDAR, WellKnownFolder.CONTACTS, WellKnownFolder.TASKS, WellKnownFolder.NOTES,
            WellKnownFolder.JOURNAL}) {
            long id = folder(c, storeId, guid, ipm, w, w.containerClass().orElse("IPF.Note"),
                    FolderType.FOLDER_GENERIC, ownerId);
            if (w == WellKnownFolder.INBOX) {
                inbox = id;
            }
        }
        folder(c, storeId, guid, root, WellKnownFolder.NON_IPM_SUBTREE, "", FolderType.FOLDER_GENERIC, ownerId);
        folder(c, storeId, guid, root, WellKnownFolder.SEARCH_ROOT, "", FolderType.FOLDER_GENERIC, ownerId);
        for (String cls : new String[] {"", "IPM", "REPORT.IPM"}) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO receive_folders (store_id, message_class, folder_id) VALUES (?,?,?)")) {
                ps.setLong(1, storeId);
                ps.setBytes(2, cls.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                ps.setLong(3, inbox);
                ps.executeUpdate();
            }
        }
        return storeId;
    }

    /** The public store: root, IPM subtree (where Everyone may read and create), non-IPM subtree. */
    long createPublic(Connection c, long everyoneGroupId) throws SQLException {
        long storeId = insertStore(c, StoreKind.PUBLIC, null);
        Guid guid = guidOf(c, storeId);
        long root = folder(c, storeId, guid, null, WellKnownFolder.ROOT, "", FolderType.FOLDER_ROOT, null);
        long ipm = folder(c, storeId, guid, root, WellKnownFolder.IPM_SUBTREE, "IPF.Note", FolderType.FOLDER_GENERIC,
                null);
        folder(c, storeId, guid, root, WellKnownFolder.NON_IPM_SUBTREE, "", FolderType.FOLDER_GENERIC, null);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO acls (folder_id, member_kind, member_id, rights) VALUES (?, 'GROUP', ?, ?)")) {
            ps.setLong(1, ipm);
            ps.setLong(2, everyoneGroupId);
            ps.setInt(3, Rights.Role.PUBLISHING_AUTHOR.rights());
            ps.executeUpdate();
            ps.setLong(1, root);
            ps.setInt(3, Rights.FOLDER_VISIBLE);
            ps.executeUpdate();
        }
        return storeId;
    }

    private long insertStore(Connection c, StoreKind kind, Long ownerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO stores (guid, kind, owner_id, size_bytes, last_cn, next_named_id, created_ms)"
                        + " VALUES (?,?,?,0,0,32768,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setBytes(1, Guid.random().toBytes());
            ps.setString(2, kind.name());
            MessageWriter.setNullableLong(ps, 3, ownerId);
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
            return MessageWriter.generatedKey(ps);
        }
    }

    private static Guid guidOf(Connection c, long storeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT guid FROM stores WHERE id = ?")) {
            ps.setLong(1, storeId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return Guid.fromBytes(rs.getBytes(1));
            }
        }
    }

    private long folder(Connection c, long storeId, Guid guid, Long parent, WellKnownFolder role, String cls,
            FolderType type, Long creator) throws SQLException {
        return insertFolder(c, storeId, guid, parent, role.defaultName(), cls, type, role.name(), creator);
    }

    long insertFolder(Connection c, long storeId, Guid guid, Long parent, String name, String cls, FolderType type,
            String role, Long creator) throws SQLException {
        long cn = lock.lockAndReserve(c, storeId, 1);
        long now = FileTime.toTicks(Instant.now());
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO folders (store_id, parent_id, name, name_key,"
                + " container_class, folder_type, role, source_key, change_number, creator_id, created_ticks,"
                + " modified_ticks, created_cn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, storeId);
            MessageWriter.setNullableLong(ps, 2, parent);
            ps.setString(3, name);
            ps.setBytes(4, nameKey(name));
            ps.setString(5, cls);
            ps.setInt(6, type.code());
            ps.setString(7, role);
            ps.setBytes(8, ChangeKeys.sourceKey(guid, cn));
            ps.setLong(9, cn);
            MessageWriter.setNullableLong(ps, 10, creator);
            ps.setLong(11, now);
            ps.setLong(12, now);
            ps.setLong(13, cn);
            ps.executeUpdate();
            id = MessageWriter.generatedKey(ps);
        }
        if (parent != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE folders SET child_count = child_count + 1 WHERE id = ?")) {
                ps.setLong(1, parent);
                ps.executeUpdate();
            }
        }
        return id;
    }

    /** Folder names collide case-insensitively, as in MAPI. */
    static byte[] nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
