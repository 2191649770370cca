package org.koppel.store.core.engine;

/** A row of the messages table, without the property blob unless it was asked for. */
record MessageRow(
        long id,
        long storeId,
        Long folderId,
        Long parentAttachId,
        boolean associated,
        boolean deleted,
        int messageFlags,
        long sizeBytes,
        boolean hasAttach,
        byte[] sourceKey,
        long changeNumber,
        byte[] changeKey,
        byte[] pcl,
        Long creatorId,
        long createdTicks,
        long modifiedTicks,
        long deletedTicks,
        long enteredCn,
        long touchedCn,
        long readCn,
        byte[] props) {

    static final String COLUMNS = "id, store_id, folder_id, parent_attach_id, associated, deleted, message_flags,"
            + " size_bytes, has_attach, source_key, change_number, change_key, pcl, creator_id, created_ticks,"
            + " modified_ticks, deleted_ticks, entered_cn, touched_cn, read_cn";

    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = 20;

    static MessageRow read(java.sql.ResultSet rs, boolean withProps) throws java.sql.SQLException {
        long folder = rs.getLong(3);
        Long folderId = rs.wasNull() ? null : folder;
        long pa = rs.getLong(4);
        Long parentAttach = rs.wasNull() ? null : pa;
        long creator = rs.getLong(14);
        Long creatorId = rs.wasNull() ? null : creator;
        return new MessageRow(rs.getLong(1), rs.getLong(2), folderId, parentAttach, rs.getBoolean(5),
                rs.getBoolean(6), rs.getInt(7), rs.getLong(8), rs.getBoolean(9), rs.getBytes(10), rs.getLong(11),
                rs.getBytes(12), rs.getBytes(13), creatorId, rs.getLong(15), rs.getLong(16), rs.getLong(17),
                rs.getLong(18), rs.getLong(19), rs.getLong(20), withProps ? rs.getBytes(21) : null);
    }

    boolean isRead() {
        return (messageFlags & org.koppel.mapi.MessageFlags.MSGFLAG_READ.value()) != 0;
    }

    boolean embedded() {
        return parentAttachId != null;
    }
}
