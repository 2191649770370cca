package org.koppel.store.core.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/**
 * A store's named-property map: names to ids in 0x8000-0xFFFE, allocated on first use and never reused,
 * so a store can hold at most 32,767 distinct names.
 */
final class NamedPropertyMap {

    private final CommittedNames committed;

    NamedPropertyMap(CommittedNames committed) {
        this.committed = committed;
    }

    /** The mappings known committed; callers add to it only after their transaction committed. */
    CommittedNames committed() {
        return committed;
    }

    int id(Connection c, long storeId, NamedProperty name, boolean create) throws SQLException {
        Integer known = lookup(c, storeId, name);
        if (known != null) {
            return known;
        }
        if (!create) {
            return 0;
        }
        int id;
        try (PreparedStatement lock = c.prepareStatement(
                "UPDATE stores SET next_named_id = next_named_id + 1 WHERE id = ?")) {
            lock.setLong(1, storeId);
            lock.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT next_named_id FROM stores WHERE id = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1) - 1;
            }
        }
        if (id > PropTag.NAMED_ID_MAX) {
            throw new MapiException.NamedPropQuotaExceeded("the store has no named-property ids left");
        }
        // Another session may have mapped the same name meanwhile; the unique key settles it.
        Integer existing = lookup(c, storeId, name);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO named_properties (store_id, prop_id, guid, name_key) VALUES (?,?,?,?)")) {
            ps.setLong(1, storeId);
            ps.setInt(2, id);
            ps.setBytes(3, name.propertySet().toBytes());
            ps.setBytes(4, key(name));
            ps.executeUpdate();
        }
        return id;
    }

    private static Integer lookup(Connection c, long storeId, NamedProperty name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT prop_id FROM named_properties WHERE store_id = ? AND guid = ? AND name_key = ?")) {
            ps.setLong(1, storeId);
            ps.setBytes(2, name.propertySet().toBytes());
            ps.setBytes(3, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    Optional<NamedProperty> name(Connection c, long storeId, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT guid, name_key FROM named_properties WHERE store_id = ? AND prop_id = ?")) {
            ps.setLong(1, storeId);
            ps.setInt(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Guid set = Guid.fromBytes(rs.getBytes(1));
                String k = new String(rs.getBytes(2), StandardCharsets.UTF_8);
                return Optional.of(k.startsWith("i:")
                        ? NamedProperty.id(set, Integer.parseUnsignedInt(k.substring(2)))
                        : NamedProperty.name(set, k.substring(2)));
            }
        }
    }

    /** Re-tags named properties of one store for another (creating names there as needed). */
    List<PropValue> translate(Connection c, long fromStore, long toStore, List<PropValue> values) throws SQLException {
        List<PropValue> out = new ArrayList<>(values.size());
        for (PropValue v : values) {
            if (!v.tag().isNamed()) {
                out.add(v);
                continue;
            }
            Optional<NamedProperty> n = name(c, fromStore, v.tag().id());
            if (n.isEmpty()) {
                continue;
            }
            PropTag tag = new PropTag(id(c, toStore, n.get(), true), v.tag().type());
            out.add(PropValue.of(tag, v.javaValue()));
        }
        return out;
    }

    private static byte[] key(NamedProperty name) {
        String k = switch (name) {
            case NamedProperty.ById i -> "i:" + Integer.toUnsignedString(i.lid());
            case NamedProperty.ByName n -> "s:" + n.name();
        };
        return k.getBytes(StandardCharsets.UTF_8);
    }
}
