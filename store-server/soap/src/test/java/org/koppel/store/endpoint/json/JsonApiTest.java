package org.koppel.store.endpoint.json;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/** The JSON protocol through real HTTP on a real socket, against the engine on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonApiTest {

    private static final String SECRET = "service-secret-for-tests";
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
        files = Files.createTempDirectory("koppel-api");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), files),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        endpoint = EndpointServer.start(engine, new EndpointConfig("127.0.0.1", 0, Duration.ofSeconds(2), 1000, "test"));
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

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(String op, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/" + op))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), json.readTree(r.body()));
    }

    private String admin() throws Exception {
        Reply r = post("logon", null, "{\"service\":\"koppel-admin\",\"secret\":\"" + SECRET + "\"}");
        assertEquals(200, r.status(), r.body().toString());
        return r.body().get("token").asText();
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("ok", json.readTree(r.body()).get("status").asText());
    }

    @Test
    void anAdministratorManagesUsersGroupsAndQuotas() throws Exception {
        String admin = admin();
        Reply created = post("users.create", admin, "{\"login\":\"carol\",\"fullName\":\"Carol C\","
                + "\"email\":\"carol@example.org\",\"password\":\"carol-pw\",\"aliases\":[\"c@example.org\"]}");
        assertEquals(200, created.status(), created.body().toString());
        assertEquals("carol", created.body().get("login").asText());
        assertEquals("c@example.org", created.body().get("aliases").get(0).asText());
        assertEquals(409, post("users.create", admin, "{\"login\":\"carol\",\"email\":\"x@example.org\"}").status());

        Reply carol = post("logon", null, "{\"login\":\"carol\",\"password\":\"carol-pw\"}");
        assertEquals(200, carol.status());
        String token = carol.body().get("token").asText();
        assertEquals("Carol C", post("whoami", token, "{}").body().get("fullName").asText());
        Reply own = post("stores.own", token, "");
        assertEquals(200, own.status());
        assertTrue(own.body().get("wellKnownFolders").has("INBOX"));

        Reply denied = post("users.create", token, "{\"login\":\"mallory\",\"email\":\"m@example.org\"}");
        assertEquals(403, denied.status());
        assertEquals("MAPI_E_NO_ACCESS", denied.body().get("error").asText());
        assertEquals("0x80070005", denied.body().get("code").asText());

        assertEquals(200, post("groups.create", admin, "{\"name\":\"sales\",\"email\":\"sales@example.org\"}").status());
        Reply members = post("groups.addMember", admin, "{\"group\":\"sales\",\"login\":\"carol\"}");
        assertEquals("carol", members.body().get("members").get(0).asText());
        Reply quota = post("quotas.set", admin, "{\"login\":\"carol\",\"warnBytes\":1000,\"softBytes\":2000,"
                + "\"hardBytes\":3000}");
        assertEquals(200, quota.status(), quota.body().toString());
        assertEquals(3000, post("quotas.get", admin, "{\"login\":\"carol\"}").body().get("quota").get("hardBytes").asLong());

        Reply updated = post("users.update", admin, "{\"login\":\"carol\",\"features\":[\"mail\",\"imap\"],\"active\":true}");
        assertEquals(200, updated.status(), updated.body().toString());
        assertEquals(2, updated.body().get("features").size());
        assertEquals(200, post("users.delete", admin, "{\"login\":\"carol\"}").status());
        assertEquals(404, post("users.get", admin, "{\"login\":\"carol\"}").status());
        assertEquals(401, post("whoami", token, "{}").status(), "a deleted user's session is gone or refused");
    }

    @Test
    void badInputGetsClearErrors() throws Exception {
        Reply wrong = post("logon", null, "{\"login\":\"nobody\",\"password\":\"x\"}");
        assertEquals(401, wrong.status());
        assertEquals("MAPI_E_LOGON_FAILED", wrong.body().get("error").asText());
        assertEquals(401, post("users.list", null, "{}").status(), "no token");
        assertEquals(401, post("users.list", "forged", "{}").status(), "unknown token");
        String admin = admin();
        assertEquals(400, post("users.get", admin, "{not json").status());
        assertEquals(400, post("users.get", admin, "[1,2]").status());
        assertEquals(400, post("users.get", admin, "{\"login\":42}").status());
        assertEquals(400, post("users.create", admin, "{\"login\":\"k\",\"email\":\"k@example.org\",\"kind\":\"alien\"}").status());
        assertEquals(501, post("no.such.operation", admin, "{}").status());
        assertEquals(413, post("users.list", admin, "{\"pad\":\"" + "x".repeat(JsonApiServlet.MAX_BODY) + "\"}").status());
        assertEquals(200, post("logoff", admin, "").status());
        assertEquals(401, post("users.list", admin, "{}").status(), "logged off");
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        String admin = admin();
        assertEquals(200, post("users.list", admin, "{}").status());
        Thread.sleep(2_300);
        Reply expired = post("users.list", admin, "{}");
        assertEquals(401, expired.status());
        assertEquals("MAPI_E_END_OF_SESSION", expired.body().get("error").asText());
    }

    private String user(String login) throws Exception {
        String admin = admin();
        post("users.create", admin, "{\"login\":\"" + login + "\",\"email\":\"" + login + "@example.org\",\"password\":\"pw-"
                + login + "\"}");
        Reply r = post("logon", null, "{\"login\":\"" + login + "\",\"password\":\"pw-" + login + "\"}");
        assertEquals(200, r.status(), r.body().toString());
        return r.body().get("token").asText();
    }

    @Test
    void foldersMessagesAndTablesOverJson() throws Exception {
        String t = user("frank");
        String inbox = post("stores.own", t, "").body().get("wellKnownFolders").get("INBOX").asText();
        for (int i = 0; i < 5; i++) {
            Reply created = post("messages.create", t, "{\"folder\":\"" + inbox + "\",\"properties\":["
                    + "{\"tag\":\"PR_SUBJECT\",\"value\":\"hello " + i + "\"},"
                    + "{\"tag\":\"PR_MESSAGE_DELIVERY_TIME\",\"value\":\"2026-11-0" + (i + 1) + "T10:00:00Z\"},"
                    + "{\"tag\":\"0x00170003\",\"value\":" + (i % 3) + "}],"
                    + "\"recipients\":[{\"type\":\"to\",\"name\":\"Grace\",\"email\":\"grace@example.org\"}]}");
            assertEquals(200, created.status(), created.body().toString());
        }
        Reply table = post("contents.query", t, "{\"folder\":\"" + inbox + "\",\"columns\":[\"PR_SUBJECT\","
                + "\"PR_DISPLAY_TO\",\"PR_MESSAGE_DELIVERY_TIME\"],\"sort\":[{\"tag\":\"PR_MESSAGE_DELIVERY_TIME\","
                + "\"descending\":true}],\"restriction\":{\"property\":{\"op\":\"ge\",\"tag\":\"PR_IMPORTANCE\","
                + "\"value\":1}},\"limit\":10}");
        assertEquals(200, table.status(), table.body().toString());
        JsonNode rows = table.body().get("rows");
        assertEquals(3, table.body().get("totalRows").asInt(), table.body().toString());
        assertEquals("hello 4", rows.get(0).get("values").get(0).get("value").asText());
        assertEquals("PR_SUBJECT", rows.get(0).get("values").get(0).get("name").asText());
        assertEquals("Grace", rows.get(0).get("values").get(1).get("value").asText());
        assertEquals("2026-11-05T10:00:00Z", rows.get(0).get("values").get(2).get("value").asText());

        String message = rows.get(0).get("entryId").asText();
        assertEquals(200, post("messages.update", t, "{\"message\":\"" + message + "\",\"set\":[{\"tag\":"
                + "\"PR_SUBJECT\",\"value\":\"changed\"}]}").status());
        JsonNode loaded = post("messages.load", t, "{\"message\":\"" + message + "\"}").body();
        boolean found = false;
        for (JsonNode p : loaded.get("properties")) {
            found |= p.path("name").asText().equals("PR_SUBJECT") && p.get("value").asText().equals("changed");
        }
        assertTrue(found, loaded.toString());
        assertEquals("grace@example.org", loaded.get("recipients").get(0).get("email").asText());

        String folder = post("folders.create", t, "{\"parent\":\"" + inbox + "\",\"name\":\"Archive\"}").body()
                .get("entryId").asText();
        assertEquals(200, post("messages.move", t, "{\"messages\":[\"" + message + "\"],\"destination\":\"" + folder
                + "\"}").status());
        assertEquals(1, post("folders.get", t, "{\"folder\":\"" + folder + "\"}").body().get("contentCount").asInt());
        assertEquals(4, post("messages.setRead", t, "{\"folder\":\"" + inbox + "\",\"read\":true}").body()
                .get("changed").asInt());

        assertEquals(400, post("contents.query", t, "{\"folder\":\"" + inbox + "\",\"columns\":[\"PR_NOPE\"]}").status());
        assertEquals(404, post("folders.get", t, "{\"folder\":\"00\"}").status());
        String other = user("gina");
        assertEquals(403, post("folders.get", other, "{\"folder\":\"" + inbox + "\"}").status(),
                "another user's folder");
    }

    @Test
    void notificationsArriveByLongPoll() throws Exception {
        String t = user("hank");
        String inbox = post("stores.own", t, "").body().get("wellKnownFolders").get("INBOX").asText();
        Reply sub = post("notifications.subscribe", t, "{\"target\":\"" + inbox + "\",\"events\":[\"object_created\"]}");
        assertEquals(200, sub.status(), sub.body().toString());
        long t0 = System.nanoTime();
        Reply empty = post("notifications.poll", t, "{\"timeoutSeconds\":1}");
        assertEquals(0, empty.body().get("events").size());
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "an empty poll waits for its timeout");

        var pending = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/notifications.poll"))
                .header("Authorization", "Bearer " + t)
                .POST(HttpRequest.BodyPublishers.ofString("{\"timeoutSeconds\":30}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        long created = System.nanoTime();
        post("messages.create", t, "{\"folder\":\"" + inbox + "\",\"properties\":[{\"tag\":\"PR_SUBJECT\","
                + "\"value\":\"ping\"}]}");
        HttpResponse<String> r = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - created < 5_000_000_000L, "the poll returns when the event comes");
        JsonNode events = json.readTree(r.body()).get("events");
        assertEquals("OBJECT_CREATED", events.get(0).get("type").asText(), r.body());
        assertEquals(200, post("notifications.unsubscribe", t, "{\"subscription\":\""
                + sub.body().get("subscription").asText() + "\"}").status());
    }

    @Test
    void incrementalSyncOverJson() throws Exception {
        String t = user("ivy");
        String inbox = post("stores.own", t, "").body().get("wellKnownFolders").get("INBOX").asText();
        post("messages.create", t, "{\"folder\":\"" + inbox + "\",\"properties\":[{\"tag\":\"PR_SUBJECT\",\"value\":\"one\"}]}");
        Reply first = post("changes.exportContents", t, "{\"folder\":\"" + inbox + "\",\"columns\":[\"PR_SUBJECT\"]}");
        assertEquals(200, first.status(), first.body().toString());
        assertEquals("NEW", first.body().get("changes").get(0).get("kind").asText());
        assertTrue(first.body().get("complete").asBoolean());
        String state = first.body().get("state").asText();
        post("messages.create", t, "{\"folder\":\"" + inbox + "\",\"properties\":[{\"tag\":\"PR_SUBJECT\",\"value\":\"two\"}]}");
        Reply next = post("changes.exportContents", t, "{\"folder\":\"" + inbox + "\",\"state\":\"" + state
                + "\",\"columns\":[\"PR_SUBJECT\"]}");
        assertEquals(1, next.body().get("changes").size());
        assertEquals("two", next.body().get("changes").get(0).get("properties").get(0).get("value").asText());
        Reply bad = post("changes.exportContents", t, "{\"folder\":\"" + inbox + "\",\"state\":\"AAAA\"}");
        assertEquals(409, bad.status());
        assertEquals("MAPI_E_SYNC_INVALID_STATE", bad.body().get("error").asText());
        assertTrue(post("changes.imapState", t, "{\"folder\":\"" + inbox + "\"}").body().get("uidNext").asLong() > 0);
        String state2 = next.body().get("state").asText();
        String twoKey = next.body().get("changes").get(0).get("sourceKey").asText();
        Reply imported = post("changes.importContents", t, "{\"folder\":\"" + inbox + "\",\"state\":\"" + state2
                + "\",\"changes\":[{\"save\":{\"properties\":[{\"tag\":\"PR_SUBJECT\",\"value\":\"from client\"}]}},"
                + "{\"readState\":{\"sourceKey\":\"" + twoKey + "\",\"read\":true}}]}");
        assertEquals(200, imported.status(), imported.body().toString());
        assertEquals("APPLIED", imported.body().get("results").get(0).get("outcome").asText());
        Reply echo = post("changes.exportContents", t, "{\"folder\":\"" + inbox + "\",\"state\":\""
                + imported.body().get("state").asText() + "\"}");
        assertEquals(0, echo.body().get("changes").size(), "imports are not echoed: " + echo.body());
        String root = post("stores.own", t, "").body().get("wellKnownFolders").get("IPM_SUBTREE").asText();
        Reply tree = post("folders.hierarchy", t, "{\"folder\":\"" + root + "\",\"columns\":[\"PR_DISPLAY_NAME\"],"
                + "\"sort\":[{\"tag\":\"PR_DISPLAY_NAME\"}]}");
        assertEquals(200, tree.status(), tree.body().toString());
        assertTrue(tree.body().get("totalRows").asInt() >= 5);
        Reply folders = post("changes.exportHierarchy", t, "{\"folder\":\"" + root + "\"}");
        assertEquals(tree.body().get("totalRows").asInt(), folders.body().get("changes").size());
    }
}
