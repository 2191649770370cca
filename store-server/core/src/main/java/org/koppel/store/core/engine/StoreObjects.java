package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.StoreKind;

/**
 * Finds stores, folders and messages by id or entry id. An entry id is honoured only if the object
 * really lives in the store the entry id names, so ids cannot be guessed across stores.
 */
final class StoreObjects {

    StoreRow store(Connection c, long storeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, guid, kind, owner_id, size_bytes FROM stores WHERE id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("store " + storeId + " does not exist");
                }
                return readStore(rs);
            }
        }
    }

    Optional<StoreRow> storeByGuid(Connection c, Guid guid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, guid, kind, owner_id, size_bytes FROM stores WHERE guid = ?")) {
            ps.setBytes(1, guid.toBytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readStore(rs)) : Optional.empty();
            }
        }
    }

    Optional<StoreRow> privateStoreOf(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, guid, kind, owner_id, size_bytes FROM stores WHERE owner_id = ? AND kind = 'PRIVATE'")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readStore(rs)) : Optional.empty();
            }
        }
    }

    Optional<StoreRow> publicStore(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, guid, kind, owner_id, size_bytes FROM stores WHERE kind = 'PUBLIC'")) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readStore(rs)) : Optional.empty();
            }
        }
    }

    private static StoreRow readStore(ResultSet rs) throws SQLException {
        long owner = rs.getLong(4);
        Long ownerId = rs.wasNull() ? null : owner;
        return new StoreRow(rs.getLong(1), Guid.fromBytes(rs.getBytes(2)), StoreKind.valueOf(rs.getString(3)),
                ownerId, rs.getLong(5));
    }

    FolderRow folder(Connection c, long folderId) throws SQLException {
        return findFolder(c, folderId).orElseThrow(
                () -> new MapiException.NotFound("folder does not exist"));
    }

    Optional<FolderRow> findFolder(Connection c, long folderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FolderRow.COLUMNS + " FROM folders WHERE id = ?")) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(FolderRow.read(rs)) : Optional.empty();
            }
        }
    }

    /** The folder an entry id names, checked to belong to the entry id's store. */
    Located<FolderRow> folder(Connection c, EntryId entryId) throws SQLException {
        if (entryId.objectType() != MapiObjectType.MAPI_FOLDER) {
            throw new MapiException.InvalidEntryId("not a folder entry id");
        }
        String columns = "f." + FolderRow.COLUMNS.replace(", ", ", f.");
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + ", s.id, s.guid, s.kind, s.owner_id,"
                + " s.size_bytes FROM folders f JOIN stores s ON s.id = f.store_id WHERE f.id = ? AND s.guid = ?")) {
            ps.setLong(1, entryId.objectId());
            ps.setBytes(2, entryId.storeGuid().toBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("folder does not exist");
                }
                FolderRow f = FolderRow.read(rs);
                int at = FolderRow.COLUMN_COUNT + 1;
                long owner = rs.getLong(at + 3);
                Long ownerId = rs.wasNull() ? null : owner;
                StoreRow s = new StoreRow(rs.getLong(at), Guid.fromBytes(rs.getBytes(at + 1)),
                        StoreKind.valueOf(rs.getString(at + 2)), ownerId, rs.getLong(at + 4));
                return new Located<>(s, f);
            }
        }
    }

    MessageRow message(Connection c, long messageId, boolean withProps) throws SQLException {
        String sql = "SELECT " + MessageRow.COLUMNS + (withProps ? ", props" : "") + " FROM messages WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("message does not exist");
                }
                return MessageRow.read(rs, withProps);
            }
        }
    }

    /**
     * The message an entry id names with the folder it lives in: for an embedded message, the folder of the
     * top-level message that holds it (whose rights govern it).
     */
    LocatedMessage message(Connection c, EntryId entryId, boolean withProps) throws SQLException {
        if (entryId.objectType() != MapiObjectType.MAPI_MESSAGE) {
            throw new MapiException.InvalidEntryId("not a message entry id");
        }
        // One round trip for the message, its store and (for a top-level message) its folder: loading a
        // message is the most frequent call there is.
        String messageColumns = "m." + MessageRow.COLUMNS.replace(", ", ", m.") + (withProps ? ", m.props" : "");
        String folderColumns = "f." + FolderRow.COLUMNS.replace(", ", ", f.");
        int storeAt = MessageRow.COLUMN_COUNT + 1 + (withProps ? 1 : 0);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + messageColumns + ", s.id, s.guid, s.kind,"
                + " s.owner_id, s.size_bytes, " + folderColumns + " FROM messages m JOIN stores s ON s.id = m.store_id"
                + " LEFT JOIN folders f ON f.id = m.folder_id WHERE m.id = ? AND s.guid = ?")) {
            ps.setLong(1, entryId.objectId());
            ps.setBytes(2, entryId.storeGuid().toBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("message does not exist");
                }
                MessageRow m = MessageRow.read(rs, withProps);
                long owner = rs.getLong(storeAt + 3);
                Long ownerId = rs.wasNull() ? null : owner;
                StoreRow s = new StoreRow(rs.getLong(storeAt), Guid.fromBytes(rs.getBytes(storeAt + 1)),
                        StoreKind.valueOf(rs.getString(storeAt + 2)), ownerId, rs.getLong(storeAt + 4));
                if (m.parentAttachId() == null) {
                    if (m.folderId() == null) {
                        throw new MapiException.CorruptData("message without a folder");
                    }
                    return new LocatedMessage(s, FolderRow.read(rs, storeAt + 5), m, m);
                }
                MessageRow top = m;
                int guard = 0;
                while (top.parentAttachId() != null) {
                    if (++guard > 64) {
                        throw new MapiException.CorruptData("embedded messages nested too deep");
                    }
                    top = message(c, attachmentOwner(c, top.parentAttachId()), false);
                }
                if (top.folderId() == null) {
                    throw new MapiException.CorruptData("message without a folder");
                }
                return new LocatedMessage(s, folder(c, top.folderId()), m, top);
            }
        }
    }

    /**
     * Like {@link #message(Connection, EntryId, boolean)}, but takes the store's write lock first, so that
     * what is read (sizes, flags, properties) cannot change before the transaction writes.
     */
    LocatedMessage messageForWrite(Connection c, EntryId entryId, boolean withProps, StoreWriteLock lock)
            throws SQLException {
        lock.lock(c, storeIdOf(c, "messages", entryId.objectId(), "message"));
        return message(c, entryId, withProps);
    }

    /** Like {@link #folder(Connection, EntryId)}, but takes the store's write lock first. */
    Located<FolderRow> folderForWrite(Connection c, EntryId entryId, StoreWriteLock lock) throws SQLException {
        lock.lock(c, storeIdOf(c, "folders", entryId.objectId(), "folder"));
        return folder(c, entryId);
    }

    private static long storeIdOf(Connection c, String table, long id, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT store_id FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound(what + " does not exist");
                }
                return rs.getLong(1);
            }
        }
    }

    long attachmentOwner(Connection c, long attachmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM attachments WHERE id = ?")) {
            ps.setLong(1, attachmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MapiException.NotFound("attachment does not exist");
                }
                return rs.getLong(1);
            }
        }
    }

    EntryId folderEntryId(StoreRow store, long folderId) {
        return EntryId.of(store.guid(), MapiObjectType.MAPI_FOLDER, folderId);
    }

    EntryId messageEntryId(StoreRow store, long messageId) {
        return EntryId.of(store.guid(), MapiObjectType.MAPI_MESSAGE, messageId);
    }

    /** A folder with its store. */
    record Located<T>(StoreRow store, T object) {
    }

    /** A message with its store, the folder that governs access, and the top-level message holding it. */
    record LocatedMessage(StoreRow store, FolderRow folder, MessageRow message, MessageRow topLevel) {
    }
}
