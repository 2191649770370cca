package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Keeps a folder's counts and size exact by applying each change's deltas in the same transaction. */
record FolderCounters(int content, int unread, int assoc, int deleted, long size) {

    static FolderCounters forMessage(boolean associated, boolean read, long size, int sign) {
        return associated
                ? new FolderCounters(0, 0, sign, 0, sign * size)
                : new FolderCounters(sign, read ? 0 : sign, 0, 0, sign * size);
    }

    /** The sum of two changes to one folder. */
    FolderCounters plus(FolderCounters o) {
        return new FolderCounters(content + o.content, unread + o.unread, assoc + o.assoc, deleted + o.deleted,
                size + o.size);
    }

    /**
     * Applies the deltas and records that messages entered the folder up to change number {@code enteredCn}
     * (its {@code last_entered_cn}, see {@link ChangeTrail#entered}) in the same statement: one update of the
     * folder row per delivery instead of two.
     */
    void applyToEntered(Connection c, long folderId, long enteredCn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET content_count = content_count + ?,"
                + " unread_count = unread_count + ?, assoc_count = assoc_count + ?,"
                + " deleted_count = deleted_count + ?, size_bytes = size_bytes + ?,"
                + " last_entered_cn = GREATEST(last_entered_cn, ?) WHERE id = ?")) {
            ps.setInt(1, content);
            ps.setInt(2, unread);
            ps.setInt(3, assoc);
            ps.setInt(4, deleted);
            ps.setLong(5, size);
            ps.setLong(6, enteredCn);
            ps.setLong(7, folderId);
            ps.executeUpdate();
        }
    }

    void applyTo(Connection c, long folderId) throws SQLException {
        if (content == 0 && unread == 0 && assoc == 0 && deleted == 0 && size == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET content_count = content_count + ?,"
                + " unread_count = unread_count + ?, assoc_count = assoc_count + ?,"
                + " deleted_count = deleted_count + ?, size_bytes = size_bytes + ? WHERE id = ?")) {
            ps.setInt(1, content);
            ps.setInt(2, unread);
            ps.setInt(3, assoc);
            ps.setInt(4, deleted);
            ps.setLong(5, size);
            ps.setLong(6, folderId);
            ps.executeUpdate();
        }
    }
}
