package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What writes leave behind for change tracking besides the objects themselves: a folder's highest entry
 * change number (its IMAP UIDNEXT) and tombstones for messages and folders that are gone. Every write
 * path that makes an object enter or leave a folder calls here inside its transaction.
 */
final class ChangeTrail {

    /** Why a message left a folder's visible contents; the code is the tombstones.kind column. */
    enum Departure {
        SOFT_DELETED(1), HARD_DELETED(2), MOVED_OUT(3);

        final int code;

        Departure(int code) {
            this.code = code;
        }

        static Departure of(int code) {
            for (Departure d : values()) {
                if (d.code == code) {
                    return d;
                }
            }
            throw new IllegalArgumentException("tombstone kind " + code);
        }
    }

    /** How a message came into its folder; the code is the messages.entered_kind column. */
    enum Entry {
        CREATED(0), MOVED_IN(1), RESTORED(2);

        final int code;

        Entry(int code) {
            this.code = code;
        }

        static Entry of(int code) {
            for (Entry e : values()) {
                if (e.code == code) {
                    return e;
                }
            }
            throw new IllegalArgumentException("entry kind " + code);
        }
    }

    private ChangeTrail() {
    }

    /** A message entered the folder at change number {@code cn}. */
    static void entered(Connection c, long folderId, long cn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE folders SET last_entered_cn = GREATEST(last_entered_cn, ?) WHERE id = ?")) {
            ps.setLong(1, cn);
            ps.setLong(2, folderId);
            ps.executeUpdate();
        }
    }

    /**
     * A message left the visible contents of its folder at change number {@code cn}. Messages that were
     * already out of view (soft-deleted) or embedded leave nothing: no client was shown them.
     */
    static void left(Connection c, long folderId, MessageRow row, Departure why, long cn, Long targetFolder,
            Long origin) throws SQLException {
        if (row.deleted() || row.embedded()) {
            return;
        }
        // Copied from the row, which is still there: its entry change number and origin belong to it.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tombstones (store_id, folder_id, source_key,"
                + " associated, delivery_ticks, kind, entered_cn, entered_origin, deleted_cn, origin, target_folder_id,"
                + " deleted_ms) SELECT store_id, ?, source_key, associated, delivery_ticks, ?, entered_cn, entered_origin,"
                + " ?, ?, ?, ?"
                + " FROM messages WHERE id = ?")) {
            ps.setLong(1, folderId);
            ps.setInt(2, why.code);
            ps.setLong(3, cn);
            MessageWriter.setNullableLong(ps, 4, origin);
            MessageWriter.setNullableLong(ps, 5, targetFolder);
            ps.setLong(6, System.currentTimeMillis());
            ps.setLong(7, row.id());
            ps.executeUpdate();
        }
    }

    /**
     * The content of a message (or of a message or attachment inside it) changed at {@code cn}: the
     * top-level message gets the change number, a new change key and the position exporters find it at.
     */
    static void contentChanged(Connection c, StoreObjects.LocatedMessage m, long cn, Long origin)
            throws SQLException {
        MessageRow top = m.topLevel();
        byte[] ck = ChangeKeys.changeKey(m.store().guid(), cn);
        try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET change_number = ?, change_key = ?,"
                + " pcl = ?, touched_cn = ?, content_origin = ? WHERE id = ?")) {
            ps.setLong(1, cn);
            ps.setBytes(2, ck);
            ps.setBytes(3, ChangeKeys.pclWith(top.pcl(), ck));
            ps.setLong(4, cn);
            MessageWriter.setNullableLong(ps, 5, origin);
            ps.setLong(6, top.id());
            ps.executeUpdate();
        }
    }

    /** A folder was deleted at change number {@code cn}. */
    static void folderDeleted(Connection c, FolderRow f, long cn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO folder_tombstones (store_id, source_key,"
                + " created_cn, deleted_cn, deleted_ms, folder_id) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, f.storeId());
            ps.setBytes(2, f.sourceKey());
            ps.setLong(3, f.createdCn());
            ps.setLong(4, cn);
            ps.setLong(5, System.currentTimeMillis());
            ps.setLong(6, f.id());
            ps.executeUpdate();
        }
    }
}
