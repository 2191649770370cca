package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.Feature;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Quota;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserKind;

/**
 * The operations of the JSON protocol after logon, by name: each takes the session and the request's
 * JSON object and returns what becomes the response body. The names follow the session API
 * ({@code users.create} is {@code Directory.createUser}); docs/json-api.md lists them with examples.
 */
final class ApiOperations {

    /** One operation. */
    @FunctionalInterface
    interface Operation {
        Object run(Session session, JsonNode args);
    }

    private final Map<String, Operation> operations = new TreeMap<>();

    ApiOperations() {
        // Read again (not the session's copy): a deleted or disabled account's session ends here too.
        operations.put("whoami", (s, a) -> s.directory().user(s.user().login()).orElse(s.user()));
        // users
        operations.put("users.list", (s, a) -> s.directory().users());
        operations.put("users.get", (s, a) -> s.directory().user(text(a, "login"))
                .orElseThrow(() -> new MapiException.NotFound("no user " + text(a, "login"))));
        operations.put("users.resolve", (s, a) -> s.directory().resolve(text(a, "name"))
                .orElseThrow(() -> new MapiException.NotFound("nobody is called " + text(a, "name"))));
        operations.put("users.create", (s, a) -> s.directory().createUser(new NewUser(text(a, "login"),
                optionalText(a, "fullName").orElse(text(a, "login")), text(a, "email"), optionalText(a, "password")
                        .orElse(null), a.path("admin").asBoolean(false),
                optionalText(a, "kind").map(k -> UserKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(UserKind.USER), strings(a, "aliases"),
                a.has("features") ? features(a, "features") : EnumSet.allOf(Feature.class))));
        operations.put("users.update", (s, a) -> s.directory().updateUser(text(a, "login"), new UserChanges(
                optionalText(a, "fullName"), optionalText(a, "email"), optionalBoolean(a, "admin"),
                optionalBoolean(a, "active"), a.has("aliases") ? Optional.of(strings(a, "aliases")) : Optional.empty(),
                a.has("features") ? Optional.of(features(a, "features")) : Optional.empty())));
        operations.put("users.delete", (s, a) -> {
            s.directory().deleteUser(text(a, "login"), a.path("deleteStore").asBoolean(true));
            return Map.of();
        });
        operations.put("users.setPassword", (s, a) -> {
            s.directory().setPassword(text(a, "login"), text(a, "password"));
            return Map.of();
        });
        operations.put("users.changeOwnPassword", (s, a) -> {
            s.directory().changeOwnPassword(text(a, "oldPassword"), text(a, "newPassword"));
            return Map.of();
        });
        // groups
        operations.put("groups.list", (s, a) -> s.directory().groups());
        operations.put("groups.get", (s, a) -> s.directory().group(text(a, "name"))
                .orElseThrow(() -> new MapiException.NotFound("no group " + text(a, "name"))));
        operations.put("groups.create", (s, a) -> s.directory().createGroup(text(a, "name"),
                optionalText(a, "email").orElse("")));
        operations.put("groups.delete", (s, a) -> {
            s.directory().deleteGroup(text(a, "name"));
            return Map.of();
        });
        operations.put("groups.addMember", (s, a) -> {
            s.directory().addMember(text(a, "group"), text(a, "login"));
            return group(s, text(a, "group"));
        });
        operations.put("groups.removeMember", (s, a) -> {
            s.directory().removeMember(text(a, "group"), text(a, "login"));
            return group(s, text(a, "group"));
        });
        // quotas
        operations.put("quotas.get", (s, a) -> s.quotas().status(text(a, "login")));
        operations.put("quotas.set", (s, a) -> {
            s.quotas().set(text(a, "login"), new Quota(number(a, "warnBytes"), number(a, "softBytes"),
                    number(a, "hardBytes")));
            return s.quotas().status(text(a, "login"));
        });
        mailbox();
        sync();
        // stores
        operations.put("stores.own", (s, a) -> s.stores().openOwn());
        operations.put("stores.user", (s, a) -> s.stores().openUserStore(text(a, "login")));
        operations.put("stores.public", (s, a) -> s.stores().openPublic());
        operations.put("stores.list", (s, a) -> s.stores().list());
        operations.put("stores.removeOrphan", (s, a) -> {
            s.stores().removeOrphan(JsonProps.entryId(a, "store"));
            return Map.of();
        });
    }

    /** Folders, messages and contents tables. */
    private void mailbox() {
        operations.put("folders.get", (s, a) -> s.folders().info(JsonProps.entryId(a, "folder")));
        operations.put("folders.children", (s, a) -> s.folders().children(JsonProps.entryId(a, "folder"),
                a.path("recursive").asBoolean(false)));
        operations.put("folders.create", (s, a) -> Map.of("entryId", s.folders().create(JsonProps.entryId(a, "parent"),
                text(a, "name"), optionalText(a, "containerClass").orElse("IPF.Note"),
                a.path("openIfExists").asBoolean(false) ? CollisionPolicy.OPEN_IF_EXISTS : CollisionPolicy.FAIL)));
        operations.put("folders.rename", (s, a) -> {
            s.folders().rename(JsonProps.entryId(a, "folder"), text(a, "name"));
            return Map.of();
        });
        operations.put("folders.move", (s, a) -> {
            s.folders().move(JsonProps.entryId(a, "folder"), JsonProps.entryId(a, "parent"), CollisionPolicy.FAIL);
            return Map.of();
        });
        operations.put("folders.delete", (s, a) -> {
            s.folders().delete(JsonProps.entryId(a, "folder"), new FolderDeletion(a.path("messages").asBoolean(false),
                    a.path("subfolders").asBoolean(false)));
            return Map.of();
        });
        operations.put("messages.create", (s, a) -> Map.of("entryId", s.messages().create(
                JsonProps.entryId(a, "folder"), new MessageContent(JsonProps.values(a.get("properties")),
                        recipients(a.get("recipients")), List.of(), a.path("associated").asBoolean(false)))));
        operations.put("messages.load", (s, a) -> s.messages().load(JsonProps.entryId(a, "message")));
        operations.put("messages.update", (s, a) -> {
            s.messages().update(JsonProps.entryId(a, "message"), JsonProps.values(a.get("set")),
                    JsonProps.tags(a.get("remove")));
            return Map.of();
        });
        operations.put("messages.setRecipients", (s, a) -> {
            s.messages().setRecipients(JsonProps.entryId(a, "message"), recipients(a.get("recipients")));
            return Map.of();
        });
        operations.put("messages.delete", (s, a) -> {
            s.messages().delete(JsonProps.entryIds(a, "messages"), a.path("hard").asBoolean(false));
            return Map.of();
        });
        operations.put("messages.move", (s, a) -> {
            s.messages().move(JsonProps.entryIds(a, "messages"), JsonProps.entryId(a, "destination"));
            return Map.of();
        });
        operations.put("messages.copy", (s, a) -> Map.of("entryIds", s.messages().copy(JsonProps.entryIds(a,
                "messages"), JsonProps.entryId(a, "destination"))));
        operations.put("messages.setRead", (s, a) -> Map.of("changed", s.messages().setReadFlags(
                JsonProps.entryId(a, "folder"), a.has("messages") ? JsonProps.entryIds(a, "messages") : List.of(),
                a.path("read").asBoolean(true))));
        operations.put("contents.query", (s, a) -> {
            TableQuery q = new TableQuery(JsonProps.tags(a.get("columns")),
                    a.has("restriction") ? Optional.of(JsonRestrictions.parse(a.get("restriction"))) : Optional.empty(),
                    sort(a), a.path("offset").asInt(0), Math.min(a.path("limit").asInt(50), MAX_ROWS),
                    a.path("associated").asBoolean(false));
            return s.contents().query(JsonProps.entryId(a, "folder"), q);
        });
    }

    /** Hierarchy tables and incremental sync. */
    private void sync() {
        operations.put("folders.hierarchy", (s, a) -> s.folders().hierarchy(JsonProps.entryId(a, "folder"),
                new org.koppel.store.client.HierarchyQuery(JsonProps.tags(a.get("columns")),
                        a.has("restriction") ? Optional.of(JsonRestrictions.parse(a.get("restriction"))) : Optional.empty(),
                        sort(a), a.path("offset").asInt(0), Math.min(a.path("limit").asInt(100), MAX_ROWS),
                        a.path("recursive").asBoolean(false))));
        operations.put("changes.exportContents", (s, a) -> {
            var o = org.koppel.store.client.ContentsSyncOptions.defaults()
                    .withAssociated(a.path("normal").asBoolean(true), a.path("associated").asBoolean(false))
                    .withReadStateOnly(a.path("readStateOnly").asBoolean(false))
                    .withBatchSize(a.path("batchSize").asInt(500))
                    .withColumns(JsonProps.tags(a.get("columns")));
            if (a.has("restriction")) {
                o = o.withRestriction(JsonRestrictions.parse(a.get("restriction")));
            }
            if (a.has("receivedSince")) {
                o = o.withReceivedSince(java.time.Instant.parse(text(a, "receivedSince")));
            }
            var e = s.changes().exportContents(JsonProps.entryId(a, "folder"), state(a), o);
            return Map.of("changes", e.changes(), "state", e.state().toBase64(), "complete", e.complete());
        });
        operations.put("changes.exportHierarchy", (s, a) -> {
            var e = s.changes().exportHierarchy(JsonProps.entryId(a, "folder"), state(a));
            return Map.of("changes", e.changes(), "state", e.state().toBase64());
        });
        operations.put("changes.imapState", (s, a) -> s.changes().imapState(JsonProps.entryId(a, "folder")));
        operations.put("changes.importContents", (s, a) -> {
            List<org.koppel.store.client.ContentImport> changes = new ArrayList<>();
            for (JsonNode ch : a.path("changes")) {
                changes.add(contentImport(ch));
            }
            var policy = a.path("policy").asText("server").equalsIgnoreCase("client")
                    ? org.koppel.store.client.ConflictPolicy.CLIENT_WINS : org.koppel.store.client.ConflictPolicy.SERVER_WINS;
            var out = s.changes().importContents(JsonProps.entryId(a, "folder"), state(a), changes, policy);
            return Map.of("results", out.results(), "state", out.state().toBase64());
        });
    }

    /** One imported change: {@code {"save":{..}}}, {@code {"delete":{..}}}, {@code {"readState":{..}}} or {@code {"move":{..}}}. */
    private static org.koppel.store.client.ContentImport contentImport(JsonNode ch) {
        if (ch == null || !ch.isObject() || ch.size() != 1) {
            throw new MapiException.InvalidParameter("an imported change is {\"save\"|\"delete\"|\"readState\"|\"move\": {...}}");
        }
        String kind = ch.fieldNames().next();
        JsonNode b = ch.get(kind);
        return switch (kind) {
            case "save" -> {
                org.koppel.mapi.PredecessorChangeList pcl = org.koppel.mapi.PredecessorChangeList.empty();
                for (String key : strings(b, "predecessors")) {
                    pcl = pcl.with(org.koppel.mapi.ChangeKey.parse(hex(key)));
                }
                yield new org.koppel.store.client.ContentImport.Save(optionalText(b, "sourceKey")
                        .map(k -> org.koppel.mapi.SourceKey.parse(hex(k))),
                        new MessageContent(JsonProps.values(b.get("properties")), recipients(b.get("recipients")),
                                List.of(), b.path("associated").asBoolean(false)), pcl);
            }
            case "delete" -> new org.koppel.store.client.ContentImport.Delete(sourceKey(b), b.path("hard").asBoolean(false));
            case "readState" -> new org.koppel.store.client.ContentImport.ReadState(sourceKey(b),
                    b.path("read").asBoolean(true));
            case "move" -> new org.koppel.store.client.ContentImport.Move(sourceKey(b),
                    JsonProps.entryId(b, "destination"));
            default -> throw new MapiException.InvalidParameter("unknown imported change \"" + kind + "\"");
        };
    }

    private static org.koppel.mapi.SourceKey sourceKey(JsonNode b) {
        return org.koppel.mapi.SourceKey.parse(hex(text(b, "sourceKey")));
    }

    private static byte[] hex(String text) {
        try {
            return java.util.HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new MapiException.InvalidParameter("not hex: " + text);
        }
    }

    private static org.koppel.store.client.SyncState state(JsonNode a) {
        return optionalText(a, "state").filter(t -> !t.isEmpty()).map(org.koppel.store.client.SyncState::fromBase64)
                .orElse(org.koppel.store.client.SyncState.initial());
    }

    private static SortOrderSet sort(JsonNode a) {
        List<SortOrder> sort = new ArrayList<>();
        for (JsonNode k : a.path("sort")) {
            PropTag t = JsonProps.tag(k.get("tag"));
            sort.add(k.path("descending").asBoolean(false) ? SortOrder.descending(t) : SortOrder.ascending(t));
        }
        return new SortOrderSet(sort);
    }

    /** The most rows one table query may return over the wire. */
    static final int MAX_ROWS = 1000;

    private static List<Recipient> recipients(JsonNode node) {
        List<Recipient> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new MapiException.InvalidParameter("recipients is a list");
        }
        for (JsonNode r : node) {
            RecipientType type = switch (r.path("type").asText("to").toLowerCase(java.util.Locale.ROOT)) {
                case "to" -> RecipientType.MAPI_TO;
                case "cc" -> RecipientType.MAPI_CC;
                case "bcc" -> RecipientType.MAPI_BCC;
                default -> throw new MapiException.InvalidParameter("a recipient type is to, cc or bcc");
            };
            out.add(new Recipient(0, type, optionalText(r, "name").orElse(""), text(r, "email"),
                    JsonProps.values(r.get("properties"))));
        }
        return out;
    }

    Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    List<String> names() {
        return new ArrayList<>(operations.keySet());
    }

    private static GroupInfo group(Session s, String name) {
        return s.directory().group(name).orElseThrow(() -> new MapiException.NotFound("no group " + name));
    }

    // ---- arguments

    static String text(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || !v.isTextual()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" (a string) is required");
        }
        return v.asText();
    }

    static Optional<String> optionalText(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" must be a string");
        }
        return Optional.of(v.asText());
    }

    static Optional<Boolean> optionalBoolean(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" must be true or false");
        }
        return Optional.of(v.asBoolean());
    }

    static long number(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" (a whole number) is required");
        }
        return v.asLong();
    }

    static List<String> strings(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new MapiException.InvalidParameter("\"" + field + "\" must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    static Set<Feature> features(JsonNode a, String field) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        for (String f : strings(a, field)) {
            out.add(Feature.parse(f));
        }
        return out;
    }

    /** The operation list, for GET /api. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logon", "POST /api/logon {login, password} or {service, secret, impersonate}");
        out.put("operations", names());
        return out;
    }
}
