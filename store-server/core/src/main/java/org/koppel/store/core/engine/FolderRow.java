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
        byte[] props) {

    static final String COLUMNS = "id, store_id, parent_id, name, container_class, folder_type, role, content_count,"
            + " unread_count, assoc_count, deleted_count, child_count, size_bytes, source_key, change_number,"
            + " creator_id, created_ticks, modified_ticks, props";

    static FolderRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        long creator = rs.getLong(16);
        Long creatorId = rs.wasNull() ? null : creator;
        return new FolderRow(rs.getLong(1), rs.getLong(2), parentId, rs.getString(4), rs.getString(5),
                FolderType.fromCode(rs.getInt(6)), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12), rs.getLong(13), rs.getBytes(14), rs.getLong(15), creatorId,
                rs.getLong(17), rs.getLong(18), rs.getBytes(19));
    }
}
