package org.koppel.store.core.engine;

import org.koppel.mapi.FolderType;

/** A row of the folders table. */
record FolderRow(
        long id,
        long storeId,
        Long parentId,
        String name,
        String containerClass,
        FolderType type,
        String role,
        int contentCount,
        int unreadCount,
        int assocCount,
        int deletedCount,
        int childCount,
        long sizeBytes,
        byte[] sourceKey,
        long changeNumber,
        Long creatorId,
        long createdTicks,
        long modifiedTicks,
        byte[] props,
        long createdCn,
        long lastEnteredCn) {

    static final String COLUMNS = "id, store_id, parent_id, name, container_class, folder_type, role, content_count,"
            + " unread_count, assoc_count, deleted_count, child_count, size_bytes, source_key, change_number,"
            + " creator_id, created_ticks, modified_ticks, props, created_cn, last_entered_cn";

    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = 21;

    static FolderRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return read(rs, 1);
    }

    /** Reads the {@link #COLUMNS} starting at column {@code first} of the result. */
    static FolderRow read(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        int o = first - 1;
        long parent = rs.getLong(o + 3);
        Long parentId = rs.wasNull() ? null : parent;
        long creator = rs.getLong(o + 16);
        Long creatorId = rs.wasNull() ? null : creator;
        return new FolderRow(rs.getLong(o + 1), rs.getLong(o + 2), parentId, rs.getString(o + 4),
                rs.getString(o + 5), FolderType.fromCode(rs.getInt(o + 6)), rs.getString(o + 7), rs.getInt(o + 8),
                rs.getInt(o + 9), rs.getInt(o + 10), rs.getInt(o + 11), rs.getInt(o + 12), rs.getLong(o + 13),
                rs.getBytes(o + 14), rs.getLong(o + 15), creatorId, rs.getLong(o + 17), rs.getLong(o + 18),
                rs.getBytes(o + 19), rs.getLong(o + 20), rs.getLong(o + 21));
    }
}
