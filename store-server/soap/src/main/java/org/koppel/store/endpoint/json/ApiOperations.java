package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.HierarchyQuery;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Rights;
import org.koppel.store.client.SearchCriteria;
import org.koppel.store.client.SearchState;
import org.koppel.store.client.ServerExport;
import org.koppel.store.client.ServerSyncState;
import org.koppel.store.client.TableBookmark;
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
        operations.put("stores.open", (s, a) -> s.stores().open(JsonProps.entryId(a, "store")));
        operations.put("stores.properties", (s, a) -> s.stores().properties(JsonProps.entryId(a, "store"),
                JsonProps.tags(a.get("tags"))));
        folders();
        messages();
        attachments();
        tables();
        storeSettings();
        operations.put("changes.exportServer", (s, a) -> {
            ServerExport e = s.changes().exportServer(optionalText(a, "state").map(ApiOperations::serverState)
                    .orElse(ServerSyncState.initial()), a.path("maxChanges").asInt(1000));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("changes", e.changes());
            out.put("state", Base64.getUrlEncoder().withoutPadding().encodeToString(e.state().bytes()));
            out.put("complete", e.complete());
            return out;
        });
    }

    /** Folder operations beyond the basic ones in {@link #mailbox()}: copy, empty, properties, search folders. */
    private void folders() {
        operations.put("folders.copy", (s, a) -> Map.of("entryId", s.folders().copy(JsonProps.entryId(a, "folder"),
                JsonProps.entryId(a, "parent"), optionalText(a, "name").orElse(null),
                a.path("recursive").asBoolean(false), collision(a))));
        operations.put("folders.empty", (s, a) -> {
            s.folders().empty(JsonProps.entryId(a, "folder"), a.path("associated").asBoolean(false),
                    a.path("subfolders").asBoolean(false));
            return Map.of();
        });
        operations.put("folders.properties", (s, a) -> s.folders().properties(JsonProps.entryId(a, "folder"),
                JsonProps.tags(a.get("tags"))));
        operations.put("folders.setProperties", (s, a) -> {
            s.folders().setProperties(JsonProps.entryId(a, "folder"), JsonProps.values(a.get("properties")));
            return Map.of();
        });
        operations.put("folders.createSearchFolder", (s, a) -> Map.of("entryId", s.folders().createSearchFolder(
                JsonProps.entryId(a, "parent"), text(a, "name"), collision(a))));
        operations.put("folders.setSearchCriteria", (s, a) -> {
            s.folders().setSearchCriteria(JsonProps.entryId(a, "folder"), new SearchCriteria(
                    JsonRestrictions.parse(a.get("restriction")), JsonProps.entryIds(a, "folders"),
                    a.path("recursive").asBoolean(false)));
            return Map.of();
        });
        operations.put("folders.searchState", (s, a) -> {
            SearchState st = s.folders().searchState(JsonProps.entryId(a, "folder"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("restriction", st.criteria().restriction());
            out.put("folders", st.criteria().folders());
            out.put("recursive", st.criteria().recursive());
            out.put("running", st.running());
            return out;
        });
    }

    /** Message operations beyond the basic ones in {@link #mailbox()}. */
    private void messages() {
        operations.put("messages.createAll", (s, a) -> {
            JsonNode list = a.get("messages");
            if (list == null || !list.isArray()) {
                throw new MapiException.InvalidParameter("\"messages\" (a list of messages) is required");
            }
            if (list.size() > MAX_BATCH) {
                throw new MapiException.TooBig("at most " + MAX_BATCH + " messages per call");
            }
            List<MessageContent> contents = new ArrayList<>(list.size());
            for (JsonNode m : list) {
                contents.add(messageContent(m, 0));
            }
            return Map.of("entryIds", s.messages().createAll(JsonProps.entryId(a, "folder"), contents));
        });
        operations.put("messages.properties", (s, a) -> s.messages().properties(JsonProps.entryId(a, "message"),
                JsonProps.tags(a.get("tags"))));
        operations.put("messages.submit", (s, a) -> {
            s.messages().submit(JsonProps.entryId(a, "message"));
            return Map.of();
        });
        operations.put("messages.abortSubmit", (s, a) -> Map.of("aborted",
                s.messages().abortSubmit(JsonProps.entryId(a, "message"))));
        // the outgoing queue: the spooler's, the system identity only
        operations.put("outgoing.pending", (s, a) -> s.outgoing().pending(a.path("max").asInt(100)));
        operations.put("outgoing.lock", (s, a) -> Map.of("locked", s.outgoing().lock(JsonProps.entryId(a, "message"))));
        operations.put("outgoing.sent", (s, a) -> {
            s.outgoing().sent(JsonProps.entryId(a, "message"));
            return Map.of();
        });
        operations.put("outgoing.partlySent", (s, a) -> {
            JsonNode done = a.get("done");
            if (done == null || !done.isArray()) {
                throw new MapiException.InvalidParameter("\"done\" (a list of recipient row ids) is required");
            }
            List<Integer> rows = new ArrayList<>();
            done.forEach(n -> rows.add(n.asInt()));
            s.outgoing().partlySent(JsonProps.entryId(a, "message"), rows, optionalText(a, "reason").orElse(""));
            return Map.of();
        });
        operations.put("outgoing.failed", (s, a) -> {
            s.outgoing().failed(JsonProps.entryId(a, "message"), optionalText(a, "reason").orElse(""),
                    a.path("permanent").asBoolean(false));
            return Map.of();
        });
        operations.put("messages.restore", (s, a) -> {
            s.messages().restore(JsonProps.entryIds(a, "messages"));
            return Map.of();
        });
        operations.put("messages.purgeDeleted", (s, a) -> Map.of("purged", s.messages().purgeDeleted(
                JsonProps.entryId(a, "folder"), optionalText(a, "deletedBefore").map(ApiOperations::instant)
                        .orElseGet(Instant::now))));
    }

    /** Attachments; {@code attachments.open} answers the raw bytes (see {@link AttachmentData}). */
    private void attachments() {
        operations.put("attachments.add", (s, a) -> s.attachments().add(JsonProps.entryId(a, "message"),
                attachment(a, 0)));
        operations.put("attachments.open", (s, a) -> {
            EntryId message = JsonProps.entryId(a, "message");
            int num = attachNum(a);
            // Opened here, before the answer starts, so that a missing attachment is an ordinary error.
            return new AttachmentData(s.attachments().open(message, num));
        });
        operations.put("attachments.delete", (s, a) -> {
            s.attachments().delete(JsonProps.entryId(a, "message"), attachNum(a));
            return Map.of();
        });
    }

    /** Finding rows and bookmarks in contents and hierarchy tables. */
    private void tables() {
        operations.put("contents.findRow", (s, a) -> found(s.contents().findRow(JsonProps.entryId(a, "folder"),
                tableQuery(a), find(a), a.path("start").asInt(0), a.path("backward").asBoolean(false))));
        operations.put("contents.bookmark", (s, a) -> Map.of("bookmark", bookmarkText(s.contents().bookmark(
                JsonProps.entryId(a, "folder"), tableQuery(a), a.path("offset").asInt(0)))));
        operations.put("contents.seek", (s, a) -> s.contents().seek(JsonProps.entryId(a, "folder"), tableQuery(a),
                bookmark(a)));
        operations.put("folders.findRow", (s, a) -> found(s.folders().findHierarchyRow(JsonProps.entryId(a, "folder"),
                hierarchyQuery(a), find(a), a.path("start").asInt(0), a.path("backward").asBoolean(false))));
        operations.put("folders.bookmark", (s, a) -> Map.of("bookmark", bookmarkText(s.folders().hierarchyBookmark(
                JsonProps.entryId(a, "folder"), hierarchyQuery(a), a.path("offset").asInt(0)))));
        operations.put("folders.seek", (s, a) -> s.folders().hierarchySeek(JsonProps.entryId(a, "folder"),
                hierarchyQuery(a), bookmark(a)));
    }

    /** ACLs, named properties and receive folders. */
    private void storeSettings() {
        operations.put("permissions.list", (s, a) -> s.permissions().list(JsonProps.entryId(a, "folder")).stream()
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("member", e.member());
                    m.put("kind", e.kind());
                    m.putAll(rightsJson(e.rights()));
                    return m;
                }).toList());
        operations.put("permissions.set", (s, a) -> {
            s.permissions().set(JsonProps.entryId(a, "folder"), text(a, "member"), memberKind(a), rights(a));
            return Map.of();
        });
        operations.put("delegates.list", (s, a) -> s.permissions().delegates(text(a, "login")));
        operations.put("delegates.add", (s, a) -> {
            s.permissions().addDelegate(text(a, "login"), text(a, "delegate"));
            return s.permissions().delegates(text(a, "login"));
        });
        operations.put("delegates.remove", (s, a) -> {
            s.permissions().removeDelegate(text(a, "login"), text(a, "delegate"));
            return s.permissions().delegates(text(a, "login"));
        });
        operations.put("sendAs.list", (s, a) -> s.directory().sendAs(memberKind(a), text(a, "name")));
        operations.put("sendAs.grant", (s, a) -> {
            s.directory().grantSendAs(memberKind(a), text(a, "name"), text(a, "grantee"));
            return s.directory().sendAs(memberKind(a), text(a, "name"));
        });
        operations.put("sendAs.revoke", (s, a) -> {
            s.directory().revokeSendAs(memberKind(a), text(a, "name"), text(a, "grantee"));
            return s.directory().sendAs(memberKind(a), text(a, "name"));
        });
        operations.put("permissions.rights", (s, a) -> rightsJson(s.permissions().effectiveRights(
                JsonProps.entryId(a, "folder"))));
        operations.put("namedProperties.ids", (s, a) -> {
            JsonNode list = a.get("names");
            if (list == null || !list.isArray()) {
                throw new MapiException.InvalidParameter("\"names\" (a list of named properties) is required");
            }
            List<NamedProperty> names = new ArrayList<>();
            for (JsonNode n : list) {
                names.add(namedProperty(n));
            }
            return Map.of("ids", s.namedProperties().ids(JsonProps.entryId(a, "store"), names,
                    a.path("create").asBoolean(false)));
        });
        operations.put("namedProperties.names", (s, a) -> {
            JsonNode list = a.get("ids");
            if (list == null || !list.isArray()) {
                throw new MapiException.InvalidParameter("\"ids\" (a list of property ids) is required");
            }
            List<Integer> ids = new ArrayList<>();
            for (JsonNode n : list) {
                if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                    throw new MapiException.InvalidParameter("a property id is a whole number");
                }
                ids.add(n.asInt());
            }
            List<Object> out = new ArrayList<>();
            for (Optional<NamedProperty> n : s.namedProperties().names(JsonProps.entryId(a, "store"), ids)) {
                out.add(n.map(ApiOperations::namedPropertyJson).orElse(null));
            }
            return Map.of("names", out);
        });
        operations.put("receiveFolders.get", (s, a) -> Map.of("entryId", s.receiveFolders().get(
                JsonProps.entryId(a, "store"), optionalText(a, "messageClass").orElse(""))));
        operations.put("receiveFolders.set", (s, a) -> {
            s.receiveFolders().set(JsonProps.entryId(a, "store"), optionalText(a, "messageClass").orElse(""),
                    JsonProps.entryId(a, "folder"));
            return Map.of();
        });
    }

    /**
     * What {@code attachments.open} answers: the attachment's data, which the servlet streams as
     * application/octet-stream and closes.
     */
    record AttachmentData(InputStream in) {
    }

    /**
     * The largest request body of an operation that carries attachment data as base64: 32 MiB, about
     * 24 MiB of data. It is held in memory (as bytes, as the parsed text and as the decoded data), so it stays
     * well below the store's max_attachment_size; larger attachments go over SOAP, which streams them (MTOM).
     */
    static final int MAX_ATTACHMENT_BODY = 32 << 20;

    /** The largest request body accepted for an operation. */
    static int maxBody(String operation) {
        return switch (operation) {
            case "attachments.add", "messages.create", "messages.createAll", "changes.importContents" ->
                    MAX_ATTACHMENT_BODY;
            default -> JsonApiServlet.MAX_BODY;
        };
    }

    /** The most messages one {@code messages.createAll} saves. */
    static final int MAX_BATCH = 1000;

    /** The deepest embedded messages nest in one request, as over SOAP. */
    static final int MAX_EMBEDDING = 16;

    /** A new message: {@code properties}, optional {@code recipients}, {@code attachments}, {@code associated}. */
    private static MessageContent messageContent(JsonNode m, int depth) {
        if (m == null || !m.isObject()) {
            throw new MapiException.InvalidParameter("a message is an object {\"properties\":[...], ...}");
        }
        if (depth > MAX_EMBEDDING) {
            throw new MapiException.TooComplex("embedded messages nested deeper than " + MAX_EMBEDDING);
        }
        List<AttachmentContent> attachments = new ArrayList<>();
        JsonNode list = m.get("attachments");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new MapiException.InvalidParameter("attachments is a list");
            }
            for (JsonNode at : list) {
                attachments.add(attachment(at, depth));
            }
        }
        return new MessageContent(JsonProps.values(m.get("properties")), recipients(m.get("recipients")),
                attachments, m.path("associated").asBoolean(false));
    }

    /** An attachment: {@code properties} and either {@code data} (base64) or an {@code embedded} message. */
    private static AttachmentContent attachment(JsonNode at, int depth) {
        if (at == null || !at.isObject()) {
            throw new MapiException.InvalidParameter("an attachment is an object {\"properties\":[...], \"data\":...}");
        }
        List<PropValue> props = JsonProps.values(at.get("properties"));
        JsonNode embedded = at.get("embedded");
        JsonNode data = at.get("data");
        if (embedded != null && data != null) {
            throw new MapiException.InvalidParameter("an attachment has data or an embedded message, not both");
        }
        if (embedded != null) {
            return new AttachmentContent.Embedded(props, messageContent(embedded, depth + 1));
        }
        byte[] bytes;
        if (data == null || data.isNull()) {
            bytes = new byte[0];
        } else if (!data.isTextual()) {
            throw new MapiException.InvalidParameter("\"data\" is base64 text");
        } else {
            try {
                bytes = Base64.getDecoder().decode(data.asText());
            } catch (IllegalArgumentException e) {
                throw new MapiException.InvalidParameter("\"data\" is not base64");
            }
        }
        return new AttachmentContent.ByValue(props, InputStreamSource.ofBytes(bytes));
    }

    private static int attachNum(JsonNode a) {
        JsonNode v = a.get("attachNum");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new MapiException.InvalidParameter("\"attachNum\" (a whole number, as messages.load lists it) is required");
        }
        return v.asInt();
    }

    /** What to do when the name is taken: {@code rename} picks a free one, {@code openIfExists} takes it. */
    private static CollisionPolicy collision(JsonNode a) {
        if (a.path("rename").asBoolean(false)) {
            return CollisionPolicy.RENAME;
        }
        return a.path("openIfExists").asBoolean(false) ? CollisionPolicy.OPEN_IF_EXISTS : CollisionPolicy.FAIL;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MapiException.InvalidParameter("not an ISO-8601 time such as 2026-11-29T10:00:00Z: " + text);
        }
    }

    private static ServerSyncState serverState(String text) {
        if (text.isEmpty()) {
            return ServerSyncState.initial();
        }
        try {
            return new ServerSyncState(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new MapiException.InvalidSyncState("state is not base64");
        }
    }

    /** A contents table as the request describes it: columns, restriction, sort, page, associated. */
    static TableQuery tableQuery(JsonNode a) {
        return new TableQuery(JsonProps.tags(a.get("columns")), restriction(a), sort(a), a.path("offset").asInt(0),
                Math.min(a.path("limit").asInt(50), MAX_ROWS), a.path("associated").asBoolean(false));
    }

    private static HierarchyQuery hierarchyQuery(JsonNode a) {
        return new HierarchyQuery(JsonProps.tags(a.get("columns")), restriction(a), sort(a),
                a.path("offset").asInt(0), Math.min(a.path("limit").asInt(100), MAX_ROWS),
                a.path("recursive").asBoolean(false));
    }

    private static Optional<Restriction> restriction(JsonNode a) {
        return a.has("restriction") ? Optional.of(JsonRestrictions.parse(a.get("restriction"))) : Optional.empty();
    }

    /** The restriction a findRow looks for. */
    private static Restriction find(JsonNode a) {
        if (!a.has("find")) {
            throw new MapiException.InvalidParameter("\"find\" (a restriction) is required");
        }
        return JsonRestrictions.parse(a.get("find"));
    }

    private static Map<String, Object> found(OptionalInt row) {
        return row.isPresent() ? Map.of("found", true, "offset", row.getAsInt()) : Map.of("found", false);
    }

    private static String bookmarkText(TableBookmark b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.bytes());
    }

    private static TableBookmark bookmark(JsonNode a) {
        try {
            return new TableBookmark(Base64.getUrlDecoder().decode(text(a, "bookmark")));
        } catch (IllegalArgumentException e) {
            throw new MapiException.InvalidParameter("\"bookmark\" is not one a bookmark operation returned");
        }
    }

    /** The rights bits by name, as {@link Rights} defines them. */
    private static final Map<String, Integer> RIGHTS = rightsByName();

    private static Map<String, Integer> rightsByName() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("read_any", Rights.READ_ANY);
        m.put("create", Rights.CREATE);
        m.put("edit_owned", Rights.EDIT_OWNED);
        m.put("delete_owned", Rights.DELETE_OWNED);
        m.put("edit_any", Rights.EDIT_ANY);
        m.put("delete_any", Rights.DELETE_ANY);
        m.put("create_subfolder", Rights.CREATE_SUBFOLDER);
        m.put("folder_owner", Rights.FOLDER_OWNER);
        m.put("folder_contact", Rights.FOLDER_CONTACT);
        m.put("folder_visible", Rights.FOLDER_VISIBLE);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The rights a request grants: {@code rights} as the frights integer or as a list of names, or a
     * {@code role} (editor, reviewer, ...); 0 (or role none) removes the entry.
     */
    static int rights(JsonNode a) {
        JsonNode r = a.get("rights");
        Optional<String> role = optionalText(a, "role");
        if ((r == null) == role.isEmpty()) {
            throw new MapiException.InvalidParameter("give either \"rights\" (a number or a list of names) or \"role\"");
        }
        if (role.isPresent()) {
            try {
                return Rights.Role.valueOf(role.get().toUpperCase(java.util.Locale.ROOT)).rights();
            } catch (IllegalArgumentException e) {
                throw new MapiException.InvalidParameter("no role \"" + role.get() + "\"");
            }
        }
        if (r.isIntegralNumber() && r.canConvertToInt()) {
            int bits = r.asInt();
            if ((bits & ~Rights.ALL) != 0) {
                throw new MapiException.InvalidParameter(String.format("unknown rights bits 0x%X", bits & ~Rights.ALL));
            }
            return bits;
        }
        if (!r.isArray()) {
            throw new MapiException.InvalidParameter("\"rights\" is a number or a list of names");
        }
        int bits = 0;
        for (JsonNode n : r) {
            Integer bit = n.isTextual() ? RIGHTS.get(n.asText().toLowerCase(java.util.Locale.ROOT)) : null;
            if (bit == null) {
                throw new MapiException.InvalidParameter("unknown right " + n + "; rights are " + RIGHTS.keySet());
            }
            bits |= bit;
        }
        return bits;
    }

    /** {@code {"rights":1025,"names":["read_any","folder_visible"],"role":"reviewer"}}, role only if one fits. */
    static Map<String, Object> rightsJson(int bits) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rights", bits);
        List<String> names = new ArrayList<>();
        RIGHTS.forEach((name, bit) -> {
            if ((bits & bit) != 0) {
                names.add(name);
            }
        });
        out.put("names", names);
        for (Rights.Role role : Rights.Role.values()) {
            if (role.rights() == bits) {
                out.put("role", role.name().toLowerCase(java.util.Locale.ROOT));
                break;
            }
        }
        return out;
    }

    /** {@code {"propertySet":"<guid>","lid":33285}} or {@code {"propertySet":"<guid>","name":"x-custom"}}. */
    private static NamedProperty namedProperty(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new MapiException.InvalidParameter("a named property is {\"propertySet\":..., \"lid\"|\"name\":...}");
        }
        Guid set = Guid.parse(text(n, "propertySet"));
        JsonNode lid = n.get("lid");
        Optional<String> name = optionalText(n, "name");
        if ((lid == null) == name.isEmpty()) {
            throw new MapiException.InvalidParameter("a named property has either \"lid\" or \"name\"");
        }
        if (lid != null) {
            if (!lid.isIntegralNumber() || !lid.canConvertToInt()) {
                throw new MapiException.InvalidParameter("\"lid\" is a whole number");
            }
            return new NamedProperty.ById(set, lid.asInt());
        }
        return new NamedProperty.ByName(set, name.get());
    }

    private static Map<String, Object> namedPropertyJson(NamedProperty p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("propertySet", p.propertySet().toString());
        switch (p) {
            case NamedProperty.ById id -> out.put("lid", id.lid());
            case NamedProperty.ByName n -> out.put("name", n.name());
        }
        return out;
    }

    /** Folders, messages and contents tables. */
    private void mailbox() {
        operations.put("folders.get", (s, a) -> s.folders().info(JsonProps.entryId(a, "folder")));
        operations.put("folders.children", (s, a) -> s.folders().children(JsonProps.entryId(a, "folder"),
                a.path("recursive").asBoolean(false)));
        operations.put("folders.create", (s, a) -> Map.of("entryId", s.folders().create(JsonProps.entryId(a, "parent"),
                text(a, "name"), optionalText(a, "containerClass").orElse("IPF.Note"), collision(a))));
        operations.put("folders.rename", (s, a) -> {
            s.folders().rename(JsonProps.entryId(a, "folder"), text(a, "name"));
            return Map.of();
        });
        operations.put("folders.move", (s, a) -> {
            s.folders().move(JsonProps.entryId(a, "folder"), JsonProps.entryId(a, "parent"), collision(a));
            return Map.of();
        });
        operations.put("folders.delete", (s, a) -> {
            s.folders().delete(JsonProps.entryId(a, "folder"), new FolderDeletion(a.path("messages").asBoolean(false),
                    a.path("subfolders").asBoolean(false)));
            return Map.of();
        });
        operations.put("messages.create", (s, a) -> Map.of("entryId", s.messages().create(
                JsonProps.entryId(a, "folder"), messageContent(a, 0))));
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
        operations.put("contents.query", (s, a) -> s.contents().query(JsonProps.entryId(a, "folder"), tableQuery(a)));
        operations.put("contents.search", (s, a) -> s.contents().search(new org.koppel.store.client.MessageSearch(
                JsonProps.entryIds(a, "folders"), a.path("recursive").asBoolean(false),
                JsonRestrictions.parse(a.get("restriction")), JsonProps.tags(a.get("columns")), a.path("offset").asInt(0),
                Math.min(MAX_ROWS, a.path("limit").asInt(100)), java.time.Duration.ofMillis(a.path("timeLimitMillis").asLong(10_000)))));
    }

    /** Hierarchy tables and incremental sync. */
    private void sync() {
        operations.put("folders.hierarchy", (s, a) -> s.folders().hierarchy(JsonProps.entryId(a, "folder"),
                hierarchyQuery(a)));
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
                        .map(k -> org.koppel.mapi.SourceKey.parse(hex(k))), messageContent(b, 0), pcl);
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

    /** The optional "kind" of a member or principal: "user" (the default) or "group". */
    private static MemberKind memberKind(JsonNode a) {
        return optionalText(a, "kind").map(k -> switch (k.toLowerCase(java.util.Locale.ROOT)) {
            case "user" -> MemberKind.USER;
            case "group" -> MemberKind.GROUP;
            default -> throw new MapiException.InvalidParameter("kind is user or group");
        }).orElse(MemberKind.USER);
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
