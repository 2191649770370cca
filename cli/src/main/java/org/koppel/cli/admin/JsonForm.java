package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Feature;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.QuotaStatus;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreSummary;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * The {@code --json} form of what koppel admin prints: the shapes the store's JSON protocol gave (records as
 * objects, enums by name, entry ids as lower-case hex), so scripts written against earlier versions still read it.
 */
final class JsonForm {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonForm() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String hex(EntryId id) {
        return HexFormat.of().formatHex(id.bytes());
    }

    /** An entry id as {@link #hex} prints it (either case); MAPI_E_INVALID_ENTRYID if it is none. */
    static EntryId entryId(String hex) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new MapiException.InvalidEntryId("not an entry id: " + hex);
        }
        return EntryId.parse(bytes);
    }

    static ObjectNode user(UserInfo u) {
        ObjectNode n = object().put("id", u.id()).put("login", u.login()).put("fullName", u.fullName())
                .put("email", u.email());
        strings(n.putArray("aliases"), u.aliases());
        n.put("admin", u.admin()).put("kind", u.kind().name()).put("active", u.active());
        ArrayNode features = n.putArray("features");
        u.features().stream().map(Feature::name).sorted().forEach(features::add);
        return n;
    }

    static ObjectNode group(GroupInfo g) {
        ObjectNode n = object().put("id", g.id()).put("name", g.name()).put("email", g.email());
        strings(n.putArray("members"), g.members());
        return n;
    }

    static ObjectNode quota(QuotaStatus q) {
        ObjectNode n = object().put("login", q.login());
        n.putObject("quota").put("warnBytes", q.quota().warnBytes()).put("softBytes", q.quota().softBytes())
                .put("hardBytes", q.quota().hardBytes());
        return n.put("serverDefault", q.serverDefault()).put("usedBytes", q.usedBytes()).put("level", q.level().name());
    }

    static ObjectNode store(StoreInfo s) {
        ObjectNode n = storeHead(s.entryId(), s.guid(), s.kind().name(), s.ownerLogin(), s.sizeBytes());
        ObjectNode folders = n.putObject("wellKnownFolders");
        for (Map.Entry<WellKnownFolder, EntryId> f : new java.util.EnumMap<>(s.wellKnownFolders()).entrySet()) {
            folders.put(f.getKey().name(), hex(f.getValue()));
        }
        return n;
    }

    static ObjectNode store(StoreSummary s) {
        return storeHead(s.entryId(), s.guid(), s.kind().name(), s.ownerLogin().orElse(null), s.sizeBytes())
                .put("orphaned", s.orphaned());
    }

    private static ObjectNode storeHead(EntryId id, Guid guid, String kind, String owner, long size) {
        ObjectNode n = object().put("entryId", hex(id));
        n.putObject("guid").put("uuid", guid.uuid().toString());
        n.put("kind", kind);
        if (owner == null || owner.isEmpty()) {
            n.putNull("ownerLogin");
        } else {
            n.put("ownerLogin", owner);
        }
        return n.put("sizeBytes", size);
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }
}
