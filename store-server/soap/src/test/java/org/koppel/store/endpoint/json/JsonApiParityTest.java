package org.koppel.store.endpoint.json;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;
import org.koppel.store.endpoint.http.EndpointConfig;
import org.koppel.store.endpoint.http.EndpointServer;

/**
 * The JSON operations that bring the protocol level with MAPI-over-SOAP (attachments, ACLs, search folders,
 * bookmarks, named properties, receive folders, server export, table subscriptions), through real HTTP
 * against the engine on H2, with the refusals each must give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonApiParityTest {

    private static final String SECRET = "service-secret-for-parity-tests";
    private static final String PS_PUBLIC_STRINGS = "00020329-0000-0000-c000-000000000046";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabase db;
    private Engine engine;
    private EndpointServer endpoint;
    private Path files;
    private String base;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabases.open(DatabaseKind.H2);
        files = Files.createTempDirectory("koppel-api-parity");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        endpoint = EndpointServer.start(engine, new EndpointConfig("127.0.0.1", 0, Duration.ofSeconds(60), 1000, "test"));
        base = "http://127.0.0.1:" + endpoint.port();
    }

    @AfterAll
    void stop() throws Exception {
        endpoint.close();
        engine.close();
        db.close();
        try (var walk = Files.walk(files)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ---- harness

    private record Reply(int status, JsonNode body) {
        JsonNode get(String field) {
            return body.get(field);
        }

        String text(String field) {
            return body.get(field).asText();
        }
    }

    private Reply post(String op, String token, Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/" + op))
                .POST(HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), json.readTree(r.body()));
    }

    /** A call that must succeed. */
    private Reply ok(String op, String token, Object body) throws Exception {
        Reply r = post(op, token, body);
        assertEquals(200, r.status(), op + ": " + r.body());
        return r;
    }

    /** A call that must be refused with this status and MAPI error. */
    private void refused(int status, String error, String op, String token, Object body) throws Exception {
        Reply r = post(op, token, body);
        assertEquals(status, r.status(), op + ": " + r.body());
        assertEquals(error, r.text("error"), op + ": " + r.body());
        assertEquals(status, r.get("status").asInt());
        assertTrue(r.text("code").startsWith("0x8"), r.body().toString());
    }

    /** A JSON object from alternating keys and values, in order. */
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> prop(String tag, Object value) {
        return obj("tag", tag, "value", value);
    }

    private static Map<String, Object> subject(String text) {
        return prop("PR_SUBJECT", text);
    }

    private String admin() throws Exception {
        return ok("logon", null, obj("service", "koppel-admin", "secret", SECRET)).text("token");
    }

    private String user(String login) throws Exception {
        ok("users.create", admin(), obj("login", login, "email", login + "@example.org", "password", "pw-" + login));
        return ok("logon", null, obj("login", login, "password", "pw-" + login)).text("token");
    }

    private JsonNode ownStore(String token) throws Exception {
        return ok("stores.own", token, obj()).body();
    }

    private String folder(String token, String name) throws Exception {
        return ownStore(token).get("wellKnownFolders").get(name).asText();
    }

    private String message(String token, String folder, String subject) throws Exception {
        return ok("messages.create", token, obj("folder", folder, "properties", List.of(subject(subject))))
                .text("entryId");
    }

    /** The value of a property in a list of properties as JSON gives them, by name. */
    private static JsonNode value(JsonNode props, String name) {
        for (JsonNode p : props) {
            if (p.path("name").asText().equals(name)) {
                return p.get("value");
            }
        }
        return null;
    }

    private static String hex(String base64) {
        return java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    // ---- sending

    @Test
    void submittedMailGoesThroughTheOutgoingQueue() throws Exception {
        String t = user("sid");
        String outbox = folder(t, "OUTBOX");
        String m = ok("messages.create", t, obj("folder", outbox, "properties", List.of(subject("to send")),
                "recipients", List.of(obj("type", "to", "name", "Gil", "email", "gil@example.org")))).text("entryId");
        String lonely = message(t, outbox, "nobody to send to");
        refused(400, "MAPI_E_NO_RECIPIENTS", "messages.submit", t, obj("message", lonely));
        ok("messages.submit", t, obj("message", m));
        refused(409, "MAPI_E_SUBMITTED", "messages.submit", t, obj("message", m));
        refused(403, "MAPI_E_NO_ACCESS", "outgoing.pending", t, obj());

        String spooler = admin();
        JsonNode pending = ok("outgoing.pending", spooler, obj("max", 10)).body();
        JsonNode mine = null;
        for (JsonNode q : pending) {
            if (q.get("message").asText().equals(m)) {
                mine = q;
            }
        }
        assertNotNull(mine, pending.toString());
        assertEquals("sid", mine.get("ownerLogin").asText());
        assertTrue(ok("outgoing.lock", spooler, obj("message", m)).get("locked").asBoolean());
        assertFalse(ok("outgoing.lock", spooler, obj("message", m)).get("locked").asBoolean(), "claimed once");
        ok("outgoing.sent", spooler, obj("message", m));
        String sent = folder(t, "SENT_ITEMS");
        assertEquals(1, ok("folders.get", t, obj("folder", sent)).get("contentCount").asInt(), "moved to Sent Items");
        assertFalse(ok("messages.abortSubmit", t, obj("message", m)).get("aborted").asBoolean(), "already gone");
    }

    @Test
    void partlySentMarksTheDoneRecipientsAndKeepsTheMessageQueued() throws Exception {
        String t = user("pia");
        String outbox = folder(t, "OUTBOX");
        String m = ok("messages.create", t, obj("folder", outbox, "properties", List.of(subject("half sent")),
                "recipients", List.of(obj("type", "to", "name", "Gil", "email", "gil@example.org"),
                        obj("type", "cc", "name", "Hal", "email", "hal@example.org")))).text("entryId");
        ok("messages.submit", t, obj("message", m));
        String spooler = admin();
        assertTrue(ok("outgoing.lock", spooler, obj("message", m)).get("locked").asBoolean());
        int gil = -1;
        for (JsonNode r : ok("messages.load", spooler, obj("message", m)).get("recipients")) {
            if (r.get("email").asText().equals("gil@example.org")) {
                gil = r.get("rowId").asInt();
            }
        }
        refused(403, "MAPI_E_NO_ACCESS", "outgoing.partlySent", t, obj("message", m, "done", List.of(gil)));
        refused(400, "MAPI_E_INVALID_PARAMETER", "outgoing.partlySent", spooler, obj("message", m));
        ok("outgoing.partlySent", spooler, obj("message", m, "done", List.of(gil), "reason", "451 hal greylisted"));
        int marked = 0;
        for (JsonNode r : ok("messages.load", t, obj("message", m)).get("recipients")) {
            JsonNode type = value(r.get("properties"), "PR_RECIPIENT_TYPE");
            if (type != null && (type.asInt() & org.koppel.mapi.RecipientType.MAPI_SUBMITTED) != 0) {
                marked++;
                assertEquals("gil@example.org", r.get("email").asText());
            }
        }
        assertEquals(1, marked, "only gil is done");
        assertFalse(ok("outgoing.lock", spooler, obj("message", m)).get("locked").asBoolean(), "waits for its retry");
        assertTrue(ok("messages.abortSubmit", t, obj("message", m)).get("aborted").asBoolean(), "still queued");
    }

    // ---- send-as and delegates

    @Test
    void sendAsListsAndDelegatesOverJson() throws Exception {
        String ivy = user("ivy");
        user("jay");
        String root = admin();
        assertEquals(0, ok("sendAs.list", root, obj("name", "ivy")).body().size());
        JsonNode granted = ok("sendAs.grant", root, obj("name", "ivy", "grantee", "jay")).body();
        assertEquals("jay", granted.get(0).asText());
        assertEquals("jay", ok("sendAs.list", ivy, obj("name", "ivy")).body().get(0).asText(), "ivy reads her own");
        refused(403, "MAPI_E_NO_ACCESS", "sendAs.grant", ivy, obj("name", "ivy", "grantee", "jay"));
        refused(404, "MAPI_E_NOT_FOUND", "sendAs.grant", root, obj("name", "nobody", "grantee", "jay"));
        refused(400, "MAPI_E_INVALID_PARAMETER", "sendAs.list", root, obj("name", "ivy", "kind", "robot"));
        ok("groups.create", root, obj("name", "desk", "email", "desk@example.org"));
        assertEquals("ivy", ok("sendAs.grant", root, obj("kind", "group", "name", "desk", "grantee", "ivy")).body()
                .get(0).asText());
        assertEquals(0, ok("sendAs.revoke", root, obj("name", "ivy", "grantee", "jay")).body().size());
        refused(404, "MAPI_E_NOT_FOUND", "sendAs.revoke", root, obj("name", "ivy", "grantee", "jay"));

        assertEquals("jay", ok("delegates.add", ivy, obj("login", "ivy", "delegate", "jay")).body().get(0).asText());
        assertEquals("jay", ok("delegates.list", root, obj("login", "ivy")).body().get(0).asText());
        String jay = ok("logon", null, obj("login", "jay", "password", "pw-jay")).text("token");
        refused(403, "MAPI_E_NO_ACCESS", "delegates.list", jay, obj("login", "ivy"));
        assertEquals(0, ok("delegates.remove", ivy, obj("login", "ivy", "delegate", "jay")).body().size());
        refused(404, "MAPI_E_NOT_FOUND", "delegates.remove", ivy, obj("login", "ivy", "delegate", "jay"));
    }

    // ---- stores and folders

    @Test
    void storesOpenByEntryIdAndAnswerProperties() throws Exception {
        String t = user("sam");
        JsonNode own = ownStore(t);
        String store = own.get("entryId").asText();
        Reply opened = ok("stores.open", t, obj("store", store));
        assertEquals(store, opened.text("entryId"));
        assertEquals(own.get("wellKnownFolders").get("INBOX"), opened.get("wellKnownFolders").get("INBOX"));

        Reply props = ok("stores.properties", t, obj("store", store, "tags", List.of("PR_IPM_SUBTREE_ENTRYID",
                "PR_STORE_ENTRYID")));
        assertEquals(2, props.body().size());
        assertEquals(own.get("wellKnownFolders").get("IPM_SUBTREE").asText(),
                hex(props.body().get(0).get("value").asText()));
        assertEquals("0x0FFB0102", props.body().get(1).get("tag").asText());
        assertEquals(store, hex(props.body().get(1).get("value").asText()));

        refused(404, "MAPI_E_INVALID_ENTRYID", "stores.open", t, obj("store", "0011"));
        refused(400, "MAPI_E_INVALID_PARAMETER", "stores.properties", t, obj("store", store, "tags", List.of("PR_NOPE")));
        refused(400, "MAPI_E_INVALID_PARAMETER", "stores.open", t, obj());
    }

    @Test
    void foldersCopyEmptyAndKeepCustomProperties() throws Exception {
        String t = user("tess");
        String inbox = folder(t, "INBOX");
        String root = folder(t, "IPM_SUBTREE");
        String projects = ok("folders.create", t, obj("parent", root, "name", "Projects")).text("entryId");
        ok("folders.create", t, obj("parent", projects, "name", "Old"));
        message(t, projects, "plan");
        message(t, projects, "budget");

        String copy = ok("folders.copy", t, obj("folder", projects, "parent", inbox, "name", "Projects 2",
                "recursive", true)).text("entryId");
        JsonNode info = ok("folders.get", t, obj("folder", copy)).body();
        assertEquals("Projects 2", info.get("name").asText());
        assertEquals(2, info.get("contentCount").asInt());
        assertEquals(1, info.get("childCount").asInt(), "recursive copies the subfolder too");
        refused(409, "MAPI_E_COLLISION", "folders.copy", t, obj("folder", projects, "parent", inbox, "name",
                "Projects 2"));
        String renamed = ok("folders.copy", t, obj("folder", projects, "parent", inbox, "name", "Projects 2",
                "rename", true)).text("entryId");
        assertEquals("Projects 2 (2)", ok("folders.get", t, obj("folder", renamed)).body().get("name").asText());

        String twin = ok("folders.create", t, obj("parent", root, "name", "Projects 2")).text("entryId");
        refused(409, "MAPI_E_COLLISION", "folders.move", t, obj("folder", twin, "parent", inbox));
        ok("folders.move", t, obj("folder", twin, "parent", inbox, "rename", true));
        assertEquals("Projects 2 (3)", ok("folders.get", t, obj("folder", twin)).text("name"));
        String third = ok("folders.create", t, obj("parent", inbox, "name", "Projects 2", "rename", true))
                .text("entryId");
        assertEquals("Projects 2 (4)", ok("folders.get", t, obj("folder", third)).text("name"));

        ok("folders.empty", t, obj("folder", copy, "subfolders", true));
        info = ok("folders.get", t, obj("folder", copy)).body();
        assertEquals(0, info.get("contentCount").asInt());
        assertEquals(0, info.get("childCount").asInt());
        assertEquals(2, ok("folders.get", t, obj("folder", projects)).get("contentCount").asInt(),
                "the original is untouched");

        ok("folders.setProperties", t, obj("folder", projects, "properties", List.of(prop("PR_COMMENT", "Q3 work"))));
        Reply props = ok("folders.properties", t, obj("folder", projects, "tags", List.of("PR_COMMENT",
                "PR_CONTENT_COUNT", "PR_DISPLAY_NAME")));
        assertEquals("Q3 work", value(props.body(), "PR_COMMENT").asText());
        assertEquals(2, value(props.body(), "PR_CONTENT_COUNT").asInt());
        assertEquals("Projects", value(props.body(), "PR_DISPLAY_NAME").asText());
        refused(403, "MAPI_E_NO_ACCESS", "folders.setProperties", t, obj("folder", projects, "properties",
                List.of(prop("PR_CONTENT_COUNT", 7))));
        refused(400, "MAPI_E_INVALID_TYPE", "folders.setProperties", t, obj("folder", projects, "properties",
                List.of(prop("PR_COMMENT", 7))));

        String other = user("ursula");
        refused(403, "MAPI_E_NO_ACCESS", "folders.properties", other, obj("folder", projects, "tags",
                List.of("PR_COMMENT")));
        refused(403, "MAPI_E_NO_ACCESS", "folders.empty", other, obj("folder", projects));
        refused(403, "MAPI_E_NO_ACCESS", "folders.copy", other, obj("folder", projects, "parent",
                folder(other, "INBOX")));
    }

    @Test
    void hierarchyTablesFindRowsAndBookmarks() throws Exception {
        String t = user("vera");
        String root = folder(t, "IPM_SUBTREE");
        String parent = ok("folders.create", t, obj("parent", root, "name", "Letters")).text("entryId");
        for (String name : List.of("alpha", "bravo", "charlie", "delta")) {
            ok("folders.create", t, obj("parent", parent, "name", name));
        }
        Map<String, Object> table = obj("folder", parent, "columns", List.of("PR_DISPLAY_NAME"),
                "sort", List.of(obj("tag", "PR_DISPLAY_NAME")));
        Map<String, Object> find = new LinkedHashMap<>(table);
        find.put("find", obj("content", obj("tag", "PR_DISPLAY_NAME", "value", "charlie", "match", "full")));
        Reply found = ok("folders.findRow", t, find);
        assertTrue(found.get("found").asBoolean());
        assertEquals(2, found.get("offset").asInt());
        find.put("start", 3);
        assertFalse(ok("folders.findRow", t, find).get("found").asBoolean(), "nothing from row 3 on");
        find.put("backward", true);
        assertEquals(2, ok("folders.findRow", t, find).get("offset").asInt(), "found looking back");

        Map<String, Object> mark = new LinkedHashMap<>(table);
        mark.put("offset", 1);
        String bookmark = ok("folders.bookmark", t, mark).text("bookmark");
        ok("folders.create", t, obj("parent", parent, "name", "aardvark"));
        Map<String, Object> seek = new LinkedHashMap<>(table);
        seek.put("bookmark", bookmark);
        Reply sought = ok("folders.seek", t, seek);
        assertTrue(sought.get("found").asBoolean());
        assertEquals(2, sought.get("offset").asInt(), "bravo moved down one row");

        seek.put("bookmark", "!!not base64!!");
        refused(400, "MAPI_E_INVALID_PARAMETER", "folders.seek", t, seek);
        refused(400, "MAPI_E_INVALID_PARAMETER", "folders.findRow", t, table);
        refused(403, "MAPI_E_NO_ACCESS", "folders.findRow", user("wanda"), find);
    }

    @Test
    void searchFoldersOverJson() throws Exception {
        String t = user("xena");
        String inbox = folder(t, "INBOX");
        String finder = folder(t, "SEARCH_ROOT");
        message(t, inbox, "needle in the inbox");
        message(t, inbox, "just hay");
        String search = ok("folders.createSearchFolder", t, obj("parent", finder, "name", "Needles")).text("entryId");
        assertEquals("FOLDER_SEARCH", ok("folders.get", t, obj("folder", search)).text("type"));
        refused(404, "MAPI_E_NOT_FOUND", "folders.searchState", t, obj("folder", search));

        Map<String, Object> restriction = obj("content", obj("tag", "PR_SUBJECT", "value", "needle",
                "match", "substring", "ignoreCase", true));
        ok("folders.setSearchCriteria", t, obj("folder", search, "restriction", restriction,
                "folders", List.of(inbox), "recursive", true));
        JsonNode state = ok("folders.searchState", t, obj("folder", search)).body();
        assertEquals(inbox, state.get("folders").get(0).asText());
        assertTrue(state.get("recursive").asBoolean());
        JsonNode content = state.get("restriction").get("content");
        assertEquals("0x0037001F", content.get("tag").asText());
        assertEquals("needle", content.get("value").asText());
        assertEquals("substring", content.get("match").asText());
        assertTrue(content.get("ignoreCase").asBoolean());
        // The restriction read back is accepted as it is.
        ok("folders.setSearchCriteria", t, obj("folder", search, "restriction", state.get("restriction"),
                "folders", List.of(inbox)));

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ok("folders.searchState", t, obj("folder", search)).get("running").asBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the search finishes");
            Thread.sleep(50);
        }
        JsonNode rows = ok("contents.query", t, obj("folder", search, "columns", List.of("PR_SUBJECT"))).body();
        assertEquals(1, rows.get("totalRows").asInt(), rows.toString());
        assertEquals("needle in the inbox", rows.get("rows").get(0).get("values").get(0).get("value").asText());

        refused(400, "MAPI_E_INVALID_PARAMETER", "folders.setSearchCriteria", t, obj("folder", search,
                "restriction", restriction, "folders", List.of()));
        refused(400, "MAPI_E_INVALID_PARAMETER", "folders.setSearchCriteria", t, obj("folder", search,
                "restriction", obj("nope", 1), "folders", List.of(inbox)));
        String other = user("yara");
        refused(403, "MAPI_E_NO_ACCESS", "folders.setSearchCriteria", other, obj("folder", search,
                "restriction", restriction, "folders", List.of(inbox)));
        refused(403, "MAPI_E_NO_ACCESS", "folders.createSearchFolder", other, obj("parent", finder, "name", "Mine"));
    }

    // ---- messages and attachments

    @Test
    void messagesInBatchesPropertiesRestoreAndPurge() throws Exception {
        String t = user("zoe");
        String inbox = folder(t, "INBOX");
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(obj("properties", List.of(subject("batch " + i)), "recipients",
                    List.of(obj("type", "cc", "name", "Al", "email", "al@example.org"))));
        }
        JsonNode ids = ok("messages.createAll", t, obj("folder", inbox, "messages", batch)).get("entryIds");
        assertEquals(3, ids.size());
        Reply props = ok("messages.properties", t, obj("message", ids.get(1).asText(), "tags",
                List.of("PR_SUBJECT", "PR_BODY", "PR_DISPLAY_CC")));
        assertEquals("batch 1", props.body().get(0).get("value").asText());
        assertEquals("MAPI_E_NOT_FOUND", props.body().get(1).get("error").asText());
        assertEquals("Al", props.body().get(2).get("value").asText());

        batch.add(obj("properties", List.of(prop("PR_SUBJECT", 42))));
        refused(400, "MAPI_E_INVALID_TYPE", "messages.createAll", t, obj("folder", inbox, "messages", batch));
        assertEquals(3, ok("folders.get", t, obj("folder", inbox)).get("contentCount").asInt(), "all or none");
        refused(400, "MAPI_E_INVALID_PARAMETER", "messages.createAll", t, obj("folder", inbox, "messages", "x"));

        String first = ids.get(0).asText();
        ok("messages.delete", t, obj("messages", List.of(first)));
        JsonNode info = ok("folders.get", t, obj("folder", inbox)).body();
        assertEquals(2, info.get("contentCount").asInt());
        assertEquals(1, info.get("deletedCount").asInt());
        ok("messages.restore", t, obj("messages", List.of(first)));
        info = ok("folders.get", t, obj("folder", inbox)).body();
        assertEquals(3, info.get("contentCount").asInt());
        assertEquals(0, info.get("deletedCount").asInt());

        ok("messages.delete", t, obj("messages", List.of(first, ids.get(2).asText())));
        assertEquals(0, ok("messages.purgeDeleted", t, obj("folder", inbox, "deletedBefore", "2000-01-01T00:00:00Z"))
                .get("purged").asInt(), "deleted after that time");
        assertEquals(2, ok("messages.purgeDeleted", t, obj("folder", inbox)).get("purged").asInt());
        assertEquals(0, ok("folders.get", t, obj("folder", inbox)).get("deletedCount").asInt());
        refused(400, "MAPI_E_INVALID_PARAMETER", "messages.purgeDeleted", t, obj("folder", inbox,
                "deletedBefore", "yesterday"));

        String other = user("abel");
        refused(403, "MAPI_E_NO_ACCESS", "messages.properties", other, obj("message", ids.get(1).asText(),
                "tags", List.of("PR_SUBJECT")));
        refused(403, "MAPI_E_NO_ACCESS", "messages.createAll", other, obj("folder", inbox, "messages",
                List.of(obj("properties", List.of(subject("spam"))))));
        refused(403, "MAPI_E_NO_ACCESS", "messages.purgeDeleted", other, obj("folder", inbox));
    }

    /** The raw answer of attachments.open. */
    private HttpResponse<byte[]> openAttachment(String token, String message, int num) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/attachments.open"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(obj("message", message,
                        "attachNum", num)))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void attachmentsGoInAsBase64AndComeOutAsBytes() throws Exception {
        String t = user("bea");
        String inbox = folder(t, "INBOX");
        byte[] hello = "hello, attachment".getBytes(StandardCharsets.UTF_8);
        String message = ok("messages.create", t, obj("folder", inbox, "properties", List.of(subject("with file")),
                "attachments", List.of(obj("properties", List.of(prop("PR_ATTACH_LONG_FILENAME", "hello.txt")),
                        "data", Base64.getEncoder().encodeToString(hello))))).text("entryId");
        JsonNode attachments = ok("messages.load", t, obj("message", message)).get("attachments");
        assertEquals(1, attachments.size());
        assertTrue(attachments.get(0).get("sizeBytes").asInt() >= hello.length, attachments.toString());
        int first = attachments.get(0).get("attachNum").asInt();
        HttpResponse<byte[]> raw = openAttachment(t, message, first);
        assertEquals(200, raw.statusCode());
        assertEquals("application/octet-stream", raw.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(hello, raw.body());

        // More than the 1 MiB other calls accept, as one attachment.
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        Reply added = ok("attachments.add", t, obj("message", message, "properties",
                List.of(prop("PR_ATTACH_LONG_FILENAME", "noise.bin")), "data", Base64.getEncoder().encodeToString(big)));
        assertTrue(added.get("sizeBytes").asInt() >= big.length, added.body().toString());
        assertEquals("ATTACH_BY_VALUE", added.text("method"));
        assertArrayEquals(big, openAttachment(t, message, added.get("attachNum").asInt()).body());

        Reply embedded = ok("attachments.add", t, obj("message", message, "properties",
                List.of(prop("PR_DISPLAY_NAME", "forwarded")), "embedded", obj("properties",
                        List.of(subject("inner")), "attachments", List.of(obj("data", "aW5uZXI=")))));
        assertEquals("ATTACH_EMBEDDED_MSG", embedded.text("method"));
        String inner = embedded.text("embeddedMessage");
        JsonNode innerData = ok("messages.load", t, obj("message", inner)).body();
        assertEquals("inner", value(innerData.get("properties"), "PR_SUBJECT").asText());
        assertEquals(1, innerData.get("attachments").size());

        ok("attachments.delete", t, obj("message", message, "attachNum", first));
        HttpResponse<byte[]> gone = openAttachment(t, message, first);
        assertEquals(404, gone.statusCode());
        assertEquals("MAPI_E_NOT_FOUND", json.readTree(gone.body()).get("error").asText());
        assertEquals(2, ok("messages.load", t, obj("message", message)).get("attachments").size());

        refused(400, "MAPI_E_INVALID_PARAMETER", "attachments.add", t, obj("message", message, "data", "%%%"));
        refused(400, "MAPI_E_INVALID_PARAMETER", "attachments.add", t, obj("message", message, "data", "aGk=",
                "embedded", obj("properties", List.of())));
        refused(400, "MAPI_E_INVALID_PARAMETER", "attachments.open", t, obj("message", message));
        refused(400, "MAPI_E_INVALID_PARAMETER", "attachments.delete", t, obj("message", message, "attachNum", "1"));
        Object deep = obj("properties", List.of());
        for (int i = 0; i < ApiOperations.MAX_EMBEDDING + 2; i++) {
            deep = obj("properties", List.of(), "attachments", List.of(obj("embedded", deep)));
        }
        refused(400, "MAPI_E_TOO_COMPLEX", "attachments.add", t, obj("message", message, "embedded", deep));
        String pad = "A".repeat(ApiOperations.MAX_ATTACHMENT_BODY);
        refused(413, "MAPI_E_TOO_BIG", "attachments.add", t, obj("message", message, "data", pad));
        refused(413, "MAPI_E_TOO_BIG", "messages.update", t, obj("message", message, "pad",
                "x".repeat(JsonApiServlet.MAX_BODY)));

        String other = user("cody");
        HttpResponse<byte[]> foreign = openAttachment(other, message, added.get("attachNum").asInt());
        assertEquals(403, foreign.statusCode());
        assertEquals("MAPI_E_NO_ACCESS", json.readTree(foreign.body()).get("error").asText());
        refused(403, "MAPI_E_NO_ACCESS", "attachments.add", other, obj("message", message, "data", "aGk="));
        refused(403, "MAPI_E_NO_ACCESS", "attachments.delete", other, obj("message", message, "attachNum", 1));
    }

    @Test
    void importedMessagesMayCarryAttachments() throws Exception {
        String t = user("nell");
        String inbox = folder(t, "INBOX");
        Reply imported = ok("changes.importContents", t, obj("folder", inbox, "changes", List.of(obj("save",
                obj("properties", List.of(subject("from the device")), "attachments", List.of(obj("properties",
                        List.of(prop("PR_ATTACH_LONG_FILENAME", "a.txt")), "data", "ZGV2aWNl")))))));
        JsonNode result = imported.get("results").get(0);
        assertEquals("APPLIED", result.get("outcome").asText(), imported.body().toString());
        String message = result.get("entryId").asText();
        assertEquals("device", new String(openAttachment(t, message, ok("messages.load", t, obj("message", message))
                .get("attachments").get(0).get("attachNum").asInt()).body(), StandardCharsets.UTF_8));
    }

    @Test
    void contentsTablesFindRowsAndBookmarks() throws Exception {
        String t = user("dora");
        String inbox = folder(t, "INBOX");
        for (int i = 1; i <= 5; i++) {
            ok("messages.create", t, obj("folder", inbox, "properties", List.of(subject("item " + i),
                    prop("PR_MESSAGE_DELIVERY_TIME", "2026-11-0" + i + "T10:00:00Z"))));
        }
        Map<String, Object> table = obj("folder", inbox, "columns", List.of("PR_SUBJECT"),
                "sort", List.of(obj("tag", "PR_MESSAGE_DELIVERY_TIME", "descending", true)));
        Map<String, Object> find = new LinkedHashMap<>(table);
        find.put("find", obj("property", obj("op", "eq", "tag", "PR_SUBJECT", "value", "item 2")));
        Reply found = ok("contents.findRow", t, find);
        assertTrue(found.get("found").asBoolean());
        assertEquals(3, found.get("offset").asInt());

        Map<String, Object> mark = new LinkedHashMap<>(table);
        mark.put("offset", 3);
        String bookmark = ok("contents.bookmark", t, mark).text("bookmark");
        Map<String, Object> seek = new LinkedHashMap<>(table);
        seek.put("bookmark", bookmark);
        String newest = ok("contents.query", t, table).get("rows").get(0).get("entryId").asText();
        ok("messages.delete", t, obj("messages", List.of(newest), "hard", true));
        Reply moved = ok("contents.seek", t, seek);
        assertTrue(moved.get("found").asBoolean());
        assertEquals(2, moved.get("offset").asInt(), "item 2 moved up a row");
        String item2 = ok("contents.query", t, table).get("rows").get(2).get("entryId").asText();
        ok("messages.delete", t, obj("messages", List.of(item2), "hard", true));
        assertFalse(ok("contents.seek", t, seek).get("found").asBoolean(), "the bookmarked row is gone");

        find.put("find", obj("exists", obj("tag", "PR_SUBJECT")));
        refused(400, "MAPI_E_INVALID_PARAMETER", "contents.findRow", t, find);
        mark.put("columns", List.of(7));
        refused(400, "MAPI_E_INVALID_PARAMETER", "contents.bookmark", t, mark);
        refused(403, "MAPI_E_NO_ACCESS", "contents.bookmark", user("eddy"), table);
    }

    // ---- permissions, named properties, receive folders

    @Test
    void permissionsAreListedSetAndEnforced() throws Exception {
        String owner = user("fay");
        String guest = user("gus");
        String inbox = folder(owner, "INBOX");
        message(owner, inbox, "shared");
        refused(403, "MAPI_E_NO_ACCESS", "folders.get", guest, obj("folder", inbox));
        refused(403, "MAPI_E_NO_ACCESS", "permissions.list", guest, obj("folder", inbox));

        ok("permissions.set", owner, obj("folder", inbox, "member", "gus", "role", "reviewer"));
        JsonNode acl = ok("permissions.list", owner, obj("folder", inbox)).body();
        JsonNode gus = null;
        for (JsonNode e : acl) {
            if (e.get("member").asText().equals("gus")) {
                gus = e;
            }
        }
        assertNotNull(gus, acl.toString());
        assertEquals("USER", gus.get("kind").asText());
        assertEquals(0x401, gus.get("rights").asInt());
        assertEquals("reviewer", gus.get("role").asText());
        assertEquals(List.of("read_any", "folder_visible"), json.convertValue(gus.get("names"), List.class));

        JsonNode mine = ok("permissions.rights", guest, obj("folder", inbox)).body();
        assertEquals(0x401, mine.get("rights").asInt());
        assertEquals(1, ok("folders.get", guest, obj("folder", inbox)).get("contentCount").asInt());
        refused(403, "MAPI_E_NO_ACCESS", "messages.create", guest, obj("folder", inbox, "properties",
                List.of(subject("from gus"))));
        refused(403, "MAPI_E_NO_ACCESS", "permissions.set", guest, obj("folder", inbox, "member", "gus",
                "rights", 0x7FB));

        ok("permissions.set", owner, obj("folder", inbox, "member", "gus", "rights",
                List.of("read_any", "create", "folder_visible")));
        assertEquals(0x403, ok("permissions.rights", guest, obj("folder", inbox)).get("rights").asInt());
        assertFalse(ok("permissions.rights", guest, obj("folder", inbox)).body().has("role"), "no preset fits");
        ok("messages.create", guest, obj("folder", inbox, "properties", List.of(subject("from gus"))));
        JsonNode full = ok("permissions.rights", owner, obj("folder", inbox)).body();
        assertEquals("owner", full.get("role").asText());

        ok("permissions.set", owner, obj("folder", inbox, "member", "gus", "rights", 0));
        refused(403, "MAPI_E_NO_ACCESS", "folders.get", guest, obj("folder", inbox));

        refused(400, "MAPI_E_INVALID_PARAMETER", "permissions.set", owner, obj("folder", inbox, "member", "gus",
                "rights", List.of("fly")));
        refused(400, "MAPI_E_INVALID_PARAMETER", "permissions.set", owner, obj("folder", inbox, "member", "gus",
                "rights", 0x10000));
        refused(400, "MAPI_E_INVALID_PARAMETER", "permissions.set", owner, obj("folder", inbox, "member", "gus",
                "role", "emperor"));
        refused(400, "MAPI_E_INVALID_PARAMETER", "permissions.set", owner, obj("folder", inbox, "member", "gus"));
        refused(400, "MAPI_E_INVALID_PARAMETER", "permissions.set", owner, obj("folder", inbox, "member", "gus",
                "kind", "robot", "rights", 1));
    }

    @Test
    void namedPropertiesMapNamesToIdsAndBack() throws Exception {
        String t = user("hal");
        String store = ownStore(t).get("entryId").asText();
        List<Object> names = List.of(obj("propertySet", PS_PUBLIC_STRINGS, "name", "x-koppel-test"),
                obj("propertySet", PS_PUBLIC_STRINGS, "lid", 0x8501));
        JsonNode unknown = ok("namedProperties.ids", t, obj("store", store, "names", names)).get("ids");
        assertEquals(0, unknown.get(0).asInt(), "not created without create");
        JsonNode ids = ok("namedProperties.ids", t, obj("store", store, "names", names, "create", true)).get("ids");
        assertTrue(ids.get(0).asInt() >= 0x8000, ids.toString());
        assertTrue(ids.get(1).asInt() >= 0x8000, ids.toString());
        assertNotEquals(ids.get(0).asInt(), ids.get(1).asInt());
        assertEquals(ids, ok("namedProperties.ids", t, obj("store", store, "names", names)).get("ids"), "stable");

        JsonNode back = ok("namedProperties.names", t, obj("store", store, "ids", List.of(ids.get(1).asInt(),
                ids.get(0).asInt(), 0xFFF0))).get("names");
        assertEquals(0x8501, back.get(0).get("lid").asInt());
        assertEquals("{" + PS_PUBLIC_STRINGS + "}", back.get(0).get("propertySet").asText()
                .toLowerCase(java.util.Locale.ROOT));
        assertEquals("x-koppel-test", back.get(1).get("name").asText());
        assertTrue(back.get(2).isNull(), "an unmapped id has no name");

        refused(400, "MAPI_E_INVALID_PARAMETER", "namedProperties.ids", t, obj("store", store, "names",
                List.of(obj("propertySet", "not-a-guid", "name", "x"))));
        refused(400, "MAPI_E_INVALID_PARAMETER", "namedProperties.ids", t, obj("store", store, "names",
                List.of(obj("propertySet", PS_PUBLIC_STRINGS, "name", "x", "lid", 1))));
        refused(400, "MAPI_E_INVALID_PARAMETER", "namedProperties.names", t, obj("store", store, "ids",
                List.of("0x8000")));
    }

    @Test
    void receiveFoldersAreSetAndFoundByClassPrefix() throws Exception {
        String t = user("ida");
        JsonNode own = ownStore(t);
        String store = own.get("entryId").asText();
        String inbox = own.get("wellKnownFolders").get("INBOX").asText();
        String reports = ok("folders.create", t, obj("parent", inbox, "name", "Reports")).text("entryId");
        assertEquals(inbox, ok("receiveFolders.get", t, obj("store", store)).text("entryId"));
        ok("receiveFolders.set", t, obj("store", store, "messageClass", "IPM.Report", "folder", reports));
        assertEquals(reports, ok("receiveFolders.get", t, obj("store", store, "messageClass", "IPM.Report.Delivery"))
                .text("entryId"));
        assertEquals(inbox, ok("receiveFolders.get", t, obj("store", store, "messageClass", "IPM.Note"))
                .text("entryId"));
        refused(400, "MAPI_E_INVALID_PARAMETER", "receiveFolders.set", t, obj("store", store,
                "messageClass", "IPM.X"));
        String other = user("jon");
        refused(403, "MAPI_E_NO_ACCESS", "receiveFolders.set", other, obj("store", store, "messageClass",
                "IPM.Evil", "folder", reports));
    }

    // ---- server export and table subscriptions

    @Test
    void theServerExportIsForServicesOnly() throws Exception {
        String t = user("kim");
        String inbox = folder(t, "INBOX");
        String subjectText = "for the indexer";
        String msg = message(t, inbox, subjectText);
        refused(403, "MAPI_E_NO_ACCESS", "changes.exportServer", t, obj());

        String admin = admin();
        String state = "";
        boolean seen = false;
        for (int round = 0; round < 100; round++) {
            Reply batch = ok("changes.exportServer", admin, obj("state", state, "maxChanges", 50));
            for (JsonNode c : batch.get("changes")) {
                seen |= c.path("entryId").asText().equals(msg) && c.get("kind").asText().equals("SAVED")
                        && c.get("objectType").asText().equals("MAPI_MESSAGE");
            }
            state = batch.text("state");
            if (batch.get("complete").asBoolean()) {
                break;
            }
        }
        assertTrue(seen, "kim's message is exported");
        assertEquals(0, ok("changes.exportServer", admin, obj("state", state)).get("changes").size(),
                "nothing new since");
        String later = message(t, inbox, "later");
        JsonNode next = ok("changes.exportServer", admin, obj("state", state)).get("changes");
        boolean laterSeen = false;
        for (JsonNode c : next) {
            assertNotEquals(msg, c.path("entryId").asText(), "not exported again: " + next);
            laterSeen |= c.path("entryId").asText().equals(later);
        }
        assertTrue(laterSeen, next.toString());
        refused(409, "MAPI_E_SYNC_INVALID_STATE", "changes.exportServer", admin, obj("state", "***"));
    }

    @Test
    void tableSubscriptionsArriveByLongPoll() throws Exception {
        String t = user("lou");
        String inbox = folder(t, "INBOX");
        Reply sub = ok("notifications.subscribeTable", t, obj("folder", inbox, "columns", List.of("PR_SUBJECT"),
                "restriction", obj("content", obj("tag", "PR_SUBJECT", "value", "watch"))));
        String id = sub.text("subscription");
        message(t, inbox, "not this one");
        String watched = message(t, inbox, "watch this");
        JsonNode events = ok("notifications.poll", t, obj("timeoutSeconds", 5)).get("events");
        assertEquals(1, events.size(), events.toString());
        JsonNode e = events.get(0);
        assertEquals(id, e.get("subscription").asText());
        assertEquals("TABLE_CHANGED", e.get("type").asText());
        assertEquals("ROW_ADDED", e.get("kind").asText());
        assertEquals(watched, e.get("row").asText());
        assertEquals("watch this", e.get("values").get("values").get(0).get("value").asText());
        ok("notifications.unsubscribe", t, obj("subscription", id));

        refused(400, "MAPI_E_INVALID_PARAMETER", "notifications.subscribeTable", t, obj("folder", inbox,
                "columns", List.of("PR_NOPE")));
        refused(403, "MAPI_E_NO_ACCESS", "notifications.subscribeTable", user("max"), obj("folder", inbox,
                "columns", List.of("PR_SUBJECT")));
    }

    @Test
    void everyNewOperationIsListed() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<?> listed = json.convertValue(json.readTree(r.body()).get("operations"), List.class);
        for (String op : List.of("stores.open", "stores.properties", "folders.copy", "folders.empty",
                "folders.properties", "folders.setProperties", "folders.findRow", "folders.bookmark", "folders.seek",
                "folders.createSearchFolder", "folders.setSearchCriteria", "folders.searchState", "messages.createAll",
                "messages.properties", "messages.restore", "messages.purgeDeleted", "attachments.add",
                "attachments.open", "attachments.delete", "contents.findRow", "contents.bookmark", "contents.seek",
                "permissions.list", "permissions.set", "permissions.rights", "namedProperties.ids",
                "namedProperties.names", "receiveFolders.get", "receiveFolders.set", "changes.exportServer",
                "outgoing.partlySent", "sendAs.list", "sendAs.grant", "sendAs.revoke", "delegates.list",
                "delegates.add", "delegates.remove")) {
            assertTrue(listed.contains(op), op + " missing from " + listed);
        }
    }
}
