package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.core.props.PropertyCodec;

/**
 * What a client may write: storable types only, values within the size limit, no computed properties,
 * and named-property ids only when the store has mapped them.
 */
final class PropertyRules {

    /** Property ids the store computes; writing them is MAPI_E_NO_ACCESS. */
    private static final Set<Integer> COMPUTED_IDS = Set.of(
            PR_ENTRYID.id(), PR_PARENT_ENTRYID.id(), PR_STORE_ENTRYID.id(), PR_STORE_RECORD_KEY.id(),
            PR_RECORD_KEY.id(), PR_INSTANCE_KEY.id(), PR_OBJECT_TYPE.id(), PR_ACCESS.id(), PR_ACCESS_LEVEL.id(),
            PR_SOURCE_KEY.id(), PR_PARENT_SOURCE_KEY.id(), PR_CHANGE_KEY.id(), PR_PREDECESSOR_CHANGE_LIST.id(),
            PR_CHANGE_NUMBER.id(), PR_MESSAGE_SIZE.id(), PR_HASATTACH.id(), PR_DISPLAY_TO.id(), PR_DISPLAY_CC.id(),
            PR_DISPLAY_BCC.id(), PR_ASSOCIATED.id(), PR_CREATION_TIME.id(), PR_LAST_MODIFICATION_TIME.id(),
            PR_CONTENT_COUNT.id(), PR_CONTENT_UNREAD.id(), PR_ASSOC_CONTENT_COUNT.id(), PR_DELETED_MSG_COUNT.id(),
            PR_SUBFOLDERS.id(), PR_FOLDER_CHILD_COUNT.id(), PR_RIGHTS.id(), PR_ATTACH_NUM.id(), PR_ATTACH_SIZE.id(),
            PR_ROWID.id(), PR_ATTACH_DATA_BIN.id(), PR_FOLDER_TYPE.id(), PR_DEPTH.id());

    private final long maxPropertyBytes;
    private final CommittedNames committed;

    PropertyRules(long maxPropertyBytes, CommittedNames committed) {
        this.maxPropertyBytes = maxPropertyBytes;
        this.committed = committed;
    }

    /** Checks values for writing and returns them de-duplicated by tag (the last value of a tag wins). */
    List<PropValue> writable(Collection<PropValue> values, Set<Integer> alsoAllowed) {
        Map<Integer, PropValue> byId = new LinkedHashMap<>();
        for (PropValue v : values) {
            checkValue(v);
            if (COMPUTED_IDS.contains(v.tag().id()) && !alsoAllowed.contains(v.tag().id())) {
                throw new MapiException.NoAccess("property " + v.tag() + " is computed by the store");
            }
            byId.remove(v.tag().id());
            byId.put(v.tag().id(), v);
        }
        return new ArrayList<>(byId.values());
    }

    void checkValue(PropValue v) {
        if (v == null) {
            throw new MapiException.InvalidParameter("null property value");
        }
        if (!v.tag().type().isStorable()) {
            throw new MapiException.InvalidType("a value of type " + v.tag().type() + " cannot be stored");
        }
        if (PropertyCodec.sizeOf(v) > maxPropertyBytes) {
            throw new MapiException.TooBig("property " + v.tag() + " is larger than the limit of "
                    + maxPropertyBytes + " bytes");
        }
    }

    /** Refuses named-property ids the store has not mapped. */
    void checkNamedIds(Connection c, long storeId, Collection<PropTag> tags) throws SQLException {
        TreeSet<Integer> named = new TreeSet<>();
        for (PropTag t : tags) {
            if (t.isNamed() && !committed.mapped(storeId, t.id())) {
                named.add(t.id());
            }
        }
        if (named.isEmpty()) {
            return; // every id was mapped by a committed transaction, and mappings are never removed
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < named.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT prop_id FROM named_properties WHERE store_id = ? AND prop_id IN (" + in + ")")) {
            ps.setLong(1, storeId);
            int i = 2;
            for (int id : named) {
                ps.setInt(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    named.remove(rs.getInt(1));
                }
            }
        }
        if (!named.isEmpty()) {
            throw new MapiException.InvalidParameter(String.format(
                    "named property id 0x%04X is not mapped in this store", named.first()));
        }
    }
}
