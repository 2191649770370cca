package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.Recipient;
import org.koppel.store.core.props.PropertyCodec;

/**
 * How a stored message looks to a client: its stored properties plus those the store computes
 * (entry ids, keys, flags, sizes, times, display lists), its recipient table and its attachment table.
 */
final class MessageView {

    private MessageView() {
    }

    static List<PropValue> properties(StoreRow store, FolderRow folder, MessageRow m, List<Recipient> recipients) {
        List<PropValue> stored = PropertyCodec.decode(m.props());
        List<PropValue> out = new ArrayList<>(stored.size() + 24);
        out.addAll(stored);
        EntryId eid = EntryId.of(store.guid(), MapiObjectType.MAPI_MESSAGE, m.id());
        out.add(PropValue.of(PR_ENTRYID, eid.bytes()));
        out.add(PropValue.of(PR_RECORD_KEY, eid.bytes()));
        out.add(PropValue.of(PR_STORE_ENTRYID, store.entryId().bytes()));
        out.add(PropValue.of(PR_STORE_RECORD_KEY, store.guid().toBytes()));
        if (!m.embedded()) {
            out.add(PropValue.of(PR_PARENT_ENTRYID,
                    EntryId.of(store.guid(), MapiObjectType.MAPI_FOLDER, folder.id()).bytes()));
            out.add(PropValue.of(PR_PARENT_SOURCE_KEY, folder.sourceKey()));
            out.add(PropValue.of(PR_SOURCE_KEY, m.sourceKey()));
            out.add(PropValue.of(PR_CHANGE_KEY, m.changeKey()));
            out.add(PropValue.of(PR_PREDECESSOR_CHANGE_LIST, m.pcl()));
            out.add(PropValue.of(PR_CHANGE_NUMBER, m.changeNumber()));
        }
        out.add(PropValue.of(PR_MESSAGE_FLAGS, m.messageFlags()));
        out.add(PropValue.of(PR_MESSAGE_SIZE, (int) Math.min(Integer.MAX_VALUE, m.sizeBytes())));
        out.add(PropValue.of(PR_MESSAGE_SIZE_EXTENDED, m.sizeBytes()));
        out.add(PropValue.of(PR_HASATTACH, m.hasAttach()));
        out.add(PropValue.of(PR_ASSOCIATED, m.associated()));
        out.add(PropValue.of(PR_CREATION_TIME, FileTime.fromTicks(m.createdTicks())));
        out.add(PropValue.of(PR_LAST_MODIFICATION_TIME, FileTime.fromTicks(m.modifiedTicks())));
        out.add(PropValue.of(PR_OBJECT_TYPE, MapiObjectType.MAPI_MESSAGE.code()));
        if (stored.stream().noneMatch(v -> v.tag().equals(PR_MESSAGE_CLASS))) {
            out.add(PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"));
        }
        out.add(PropValue.of(PR_DISPLAY_TO, displayList(recipients, RecipientType.MAPI_TO)));
        out.add(PropValue.of(PR_DISPLAY_CC, displayList(recipients, RecipientType.MAPI_CC)));
        out.add(PropValue.of(PR_DISPLAY_BCC, displayList(recipients, RecipientType.MAPI_BCC)));
        return out;
    }

    static String displayList(List<Recipient> recipients, RecipientType type) {
        StringBuilder sb = new StringBuilder();
        for (Recipient r : recipients) {
            if (r.type() == type) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(r.displayName().isEmpty() ? r.email() : r.displayName());
            }
        }
        return sb.toString();
    }

    static List<Recipient> recipients(Connection c, long messageId) throws SQLException {
        List<Recipient> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT row_id, recipient_type, display_name, email, props"
                + " FROM recipients WHERE message_id = ? ORDER BY row_id")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(recipient(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)));
                }
            }
        }
        return out;
    }

    /**
     * A recipient row. The type column holds the whole PR_RECIPIENT_TYPE; when it carries the MAPI_P1 or
     * MAPI_SUBMITTED flags, which {@link RecipientType} cannot express, the full value comes as a
     * PR_RECIPIENT_TYPE property too.
     */
    static Recipient recipient(int rowId, int typeValue, String name, String email, byte[] props) {
        List<PropValue> properties = PropertyCodec.decode(props);
        if (RecipientType.fromCode(typeValue).code() != typeValue) {
            properties = new ArrayList<>(properties);
            properties.removeIf(v -> v.tag().id() == PR_RECIPIENT_TYPE.id());
            properties.add(PropValue.of(PR_RECIPIENT_TYPE, typeValue));
        }
        return new Recipient(rowId, RecipientType.fromCode(typeValue), name, email, properties);
    }

    /** The recipients of many messages in a few queries (tables and exports read them by the hundred). */
    static java.util.Map<Long, List<Recipient>> recipients(Connection c, java.util.Collection<Long> messageIds)
            throws SQLException {
        java.util.Map<Long, List<Recipient>> out = new java.util.HashMap<>();
        List<Long> ids = new ArrayList<>(messageIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, row_id, recipient_type, display_name,"
                    + " email, props FROM recipients WHERE message_id IN (" + marks + ") ORDER BY message_id, row_id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(recipient(rs.getInt(2),
                                rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBytes(6)));
                    }
                }
            }
        }
        return out;
    }

    static List<AttachmentInfo> attachments(Connection c, StoreRow store, long messageId) throws SQLException {
        List<AttachmentInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attach_num, a.method, a.size_bytes, a.props, m.id"
                + " FROM attachments a LEFT JOIN messages m ON m.parent_attach_id = a.id"
                + " WHERE a.message_id = ? ORDER BY a.attach_num")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int num = rs.getInt(1);
                    AttachMethod method = AttachMethod.fromCode(rs.getInt(2));
                    long size = rs.getLong(3);
                    List<PropValue> props = new ArrayList<>(PropertyCodec.decode(rs.getBytes(4)));
                    props.add(PropValue.of(PR_ATTACH_NUM, num));
                    props.add(PropValue.of(PR_ATTACH_METHOD, method.code()));
                    props.add(PropValue.of(PR_ATTACH_SIZE, (int) Math.min(Integer.MAX_VALUE, size)));
                    long emb = rs.getLong(5);
                    Optional<EntryId> embedded = rs.wasNull() ? Optional.empty()
                            : Optional.of(EntryId.of(store.guid(), MapiObjectType.MAPI_MESSAGE, emb));
                    out.add(new AttachmentInfo(num, method, size, props, embedded));
                }
            }
        }
        return out;
    }

    static PropValue pick(List<PropValue> values, PropTag tag) {
        for (PropValue v : values) {
            if (v.tag().equals(tag)) {
                return v;
            }
        }
        for (PropValue v : values) {
            if (v.tag().id() == tag.id() && isStringPair(v.tag(), tag)) {
                return PropValue.of(tag, v.javaValue());
            }
        }
        return new PropValue.ErrorValue(tag.withType(org.koppel.mapi.PropType.PT_ERROR),
                org.koppel.mapi.MapiError.NOT_FOUND);
    }

    private static boolean isStringPair(PropTag a, PropTag b) {
        var s8 = org.koppel.mapi.PropType.PT_STRING8;
        var u = org.koppel.mapi.PropType.PT_UNICODE;
        return (a.type() == s8 && b.type() == u) || (a.type() == u && b.type() == s8);
    }
}
