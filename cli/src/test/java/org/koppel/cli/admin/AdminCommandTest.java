package org.koppel.cli.admin;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import picocli.CommandLine;

/** koppel admin against a real endpoint on a real socket: local secret, remote admin, errors, exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandTest {

    private static final String SECRET = "admin-test-secret";
    private TestDatabase db;
    private Engine engine;
    private EndpointServer endpoint;
    private Path data;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabases.open(DatabaseKind.H2);
        data = Files.createTempDirectory("koppel-admin");
        Files.writeString(data.resolve("service.secret"), SECRET + "\n");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), data.resolve("files")),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        endpoint = EndpointServer.start(engine, new EndpointConfig("127.0.0.1", 0, Duration.ofMinutes(5), 100, "test"));
    }

    @AfterAll
    void stop() throws Exception {
        endpoint.close();
        engine.close();
        db.close();
        try (var walk = Files.walk(data)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = "--store";
        all[1] = "http://127.0.0.1:" + endpoint.port();
        all[2] = "--data";
        all[3] = data.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        int exit = cl.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void usersGroupsAndQuotasThroughTheLocalSecret() throws Exception {
        Run add = admin("user", "add", "dave", "--email", "dave@example.org", "--fullname", "Dave D",
                "--password", "dave-pw", "--alias", "d@example.org");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("Created user dave"));
        Run list = admin("user", "list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("dave") && list.out().contains("Dave D"), list.out());
        Run show = admin("user", "show", "dave", "--json");
        JsonNode u = new ObjectMapper().readTree(show.out());
        assertEquals("d@example.org", u.get("aliases").get(0).asText());
        Run features = admin("user", "features", "dave", "--disable", "pop3", "--disable", "imap", "--json");
        assertEquals(3, new ObjectMapper().readTree(features.out()).get("features").size(), features.out());
        Run quota = admin("quota", "set", "dave", "--warn", "1", "--soft", "2", "--hard", "3", "--json");
        assertEquals(3L << 20, new ObjectMapper().readTree(quota.out()).get("quota").get("hardBytes").asLong());
        assertEquals(0, admin("group", "add", "ops", "--email", "ops@example.org").exit());
        Run members = admin("group", "members", "add", "ops", "dave");
        assertTrue(members.out().contains("members:   dave"), members.out());
        assertEquals(0, admin("user", "set", "dave", "--active", "false").exit());
        assertTrue(admin("user", "show", "dave").out().contains("active:    no"));
        assertTrue(admin("user", "show", "d@example.org").out().contains("login:     dave"), "found by an alias too");
        assertEquals(0, admin("user", "delete", "dave").exit());
        Run gone = admin("user", "show", "dave");
        assertEquals(1, gone.exit());
        assertTrue(gone.err().contains("MAPI_E_NOT_FOUND: no user dave"), gone.err());
    }

    @Test
    void sendAsAndDelegatesAreGrantedListedAndRevoked() throws Exception {
        assertEquals(0, admin("users", "add", "boss", "--email", "boss@example.org").exit());
        assertEquals(0, admin("users", "add", "pa", "--email", "pa@example.org").exit());
        Run none = admin("users", "sendas", "list", "boss");
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("sendAs of boss: -"), none.out());
        Run add = admin("users", "sendas", "add", "boss", "pa");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("sendAs of boss: pa"), add.out());
        JsonNode listed = new ObjectMapper().readTree(admin("users", "sendas", "list", "boss", "--json").out());
        assertEquals("pa", listed.get("sendAs").get(0).asText());
        assertEquals(0, admin("users", "sendas", "remove", "boss", "pa").exit());
        Run again = admin("users", "sendas", "remove", "boss", "pa");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("MAPI_E_NOT_FOUND"), again.err());
        assertEquals(2, admin("users", "sendas", "add", "boss").exit(), "add needs a grantee");

        Run delegate = admin("users", "delegates", "add", "boss", "pa");
        assertEquals(0, delegate.exit(), delegate.err());
        assertTrue(delegate.out().contains("delegates of boss: pa"), delegate.out());
        assertTrue(admin("user", "delegates", "list", "boss").out().contains("delegates of boss: pa"));
        assertTrue(admin("users", "delegates", "remove", "boss", "pa").out().contains("delegates of boss: -"));

        assertEquals(0, admin("groups", "add", "frontdesk", "--email", "desk@example.org").exit());
        Run group = admin("groups", "sendas", "add", "frontdesk", "pa");
        assertEquals(0, group.exit(), group.err());
        assertTrue(group.out().contains("sendAs of frontdesk: pa"), group.out());
        assertEquals(1, admin("users", "sendas", "add", "boss", "nobody").exit(), "an unknown grantee");
    }

    @Test
    void aRemoteAdministratorLogsOnAndOthersAreRefused() {
        assertEquals(0, admin("user", "add", "root2", "--email", "root2@example.org", "--password", "r2-pw").exit());
        assertEquals(0, admin("user", "set", "root2", "--admin", "true").exit());
        assertEquals(0, admin("user", "add", "eve", "--email", "eve@example.org", "--password", "eve-pw").exit());
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        String store = "http://127.0.0.1:" + endpoint.port();
        assertEquals(0, cl.execute("--store", store, "--data", "/nonexistent", "--user", "root2", "--password", "r2-pw",
                "group", "list"));
        assertTrue(out.toString().contains("Everyone"), out.toString());
        StringWriter err = new StringWriter();
        CommandLine eve = new CommandLine(new AdminCommand());
        eve.setErr(new PrintWriter(err));
        eve.setOut(new PrintWriter(new StringWriter()));
        assertEquals(1, eve.execute("--store", store, "--user", "eve", "--password", "eve-pw", "user", "add", "x",
                "--email", "x@example.org"));
        assertTrue(err.toString().contains("MAPI_E_NO_ACCESS"), err.toString());
        CommandLine wrong = new CommandLine(new AdminCommand());
        StringWriter wrongErr = new StringWriter();
        wrong.setErr(new PrintWriter(wrongErr));
        assertEquals(1, wrong.execute("--store", store, "--user", "eve", "--password", "nope", "user", "list"));
        assertTrue(wrongErr.toString().contains("MAPI_E_LOGON_FAILED"), wrongErr.toString());
    }

    @Test
    void usageErrorsExitWithTwoAndAnUnreachableStoreWithOne() {
        assertEquals(2, admin("user").exit());
        assertEquals(2, admin("user", "add", "nomail").exit(), "--email is required");
        CommandLine cl = new CommandLine(new AdminCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("--store", "http://127.0.0.1:1", "--data", data.toString(), "user", "list"));
        assertTrue(err.toString().contains("cannot reach the store at http://127.0.0.1:1 (is koppel serve running?)"),
                err.toString());
        assertEquals(2, admin("--ca-file", "ca.pem", "user", "list").exit(), "--ca-file is for https stores");
        CommandLine ftp = new CommandLine(new AdminCommand());
        ftp.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, ftp.execute("--store", "ftp://127.0.0.1:1", "--data", data.toString(), "user", "list"),
                "not an http or https URL");
    }

    @Test
    void storesAndOrphansAreListed() throws Exception {
        assertEquals(0, admin("user", "add", "kept", "--email", "kept@example.org").exit());
        assertEquals(0, admin("store", "show", "kept").exit());
        assertEquals(0, admin("user", "delete", "kept", "--keep-store").exit());
        Run orphans = admin("store", "orphans", "--json");
        assertEquals(0, orphans.exit(), orphans.err());
        JsonNode list = new ObjectMapper().readTree(orphans.out());
        assertTrue(list.size() >= 1);
        list.forEach(s -> assertTrue(s.get("orphaned").asBoolean()));
        Run all = admin("store", "list");
        assertTrue(all.out().contains("PUBLIC"), all.out());
        assertTrue(all.out().contains("(orphaned)"), all.out());
        String orphan = list.get(0).get("entryId").asText();
        assertEquals(0, admin("store", "remove", orphan).exit());
        Run again = admin("store", "remove", orphan);
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("MAPI_E_NOT_FOUND"), again.err());
        JsonNode publicStore = new ObjectMapper().readTree(admin("store", "show", "public", "--json").out());
        Run refused = admin("store", "remove", publicStore.get("entryId").asText());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("MAPI_E_NO_ACCESS"), refused.err());
        Run ensured = admin("store", "create-public");
        assertEquals(0, ensured.exit(), ensured.err());
        assertTrue(ensured.out().contains(publicStore.get("entryId").asText()), ensured.out());
    }

    @Test
    void outOfOfficeSetShowDisable() throws Exception {
        assertEquals(0, admin("user", "add", "olga", "--email", "olga@example.org", "--password", "olga-pw").exit());
        Run off = admin("oof", "show", "olga", "--json");
        assertEquals(0, off.exit(), off.err());
        assertFalse(new ObjectMapper().readTree(off.out()).get("enabled").asBoolean(), off.out());

        Path text = data.resolve("away.txt");
        Files.writeString(text, "Back on Monday.\nUrgent: ops@example.org\n");
        Run set = admin("oof", "set", "olga", "--subject", "Away", "--text-file", text.toString(),
                "--from", "2026-07-01T00:00:00Z", "--until", "2026-08-01T00:00:00Z", "--json");
        assertEquals(0, set.exit(), set.err());
        JsonNode on = new ObjectMapper().readTree(admin("oof", "show", "olga", "--json").out());
        assertTrue(on.get("enabled").asBoolean());
        assertEquals("Away", on.get("subject").asText());
        assertEquals("Back on Monday.\nUrgent: ops@example.org\n", on.get("text").asText());
        assertEquals("2026-07-01T00:00:00Z", on.get("from").asText());
        assertEquals("2026-08-01T00:00:00Z", on.get("until").asText());
        assertTrue(on.get("internal").asBoolean(), "everyone is answered unless a phone said otherwise");
        assertEquals("all", on.get("external").asText());

        // Options not given keep their values; "none" removes a bound.
        assertEquals(0, admin("oof", "set", "olga", "--text", "Gone fishing.", "--until", "none").exit());
        Run shown = admin("oof", "show", "olga");
        assertTrue(shown.out().contains("enabled:   yes"), shown.out());
        assertTrue(shown.out().contains("subject:   Away"), shown.out());
        assertTrue(shown.out().contains("until:     -"), shown.out());
        assertTrue(shown.out().contains("Gone fishing."), shown.out());
        assertTrue(shown.out().contains("answers:   inside senders, all outside senders"), shown.out());

        Run disabled = admin("oof", "disable", "olga", "--json");
        assertEquals(0, disabled.exit(), disabled.err());
        JsonNode after = new ObjectMapper().readTree(admin("oof", "show", "olga", "--json").out());
        assertFalse(after.get("enabled").asBoolean());
        assertEquals("Gone fishing.", after.get("text").asText(), "disabling keeps the text");

        Run bad = admin("oof", "set", "olga", "--from", "2026-08-01", "--until", "2026-07-01");
        assertEquals(2, bad.exit(), bad.err());
        Run badDate = admin("oof", "set", "olga", "--from", "next tuesday");
        assertEquals(2, badDate.exit());
        assertTrue(badDate.err().contains("not an ISO date"), badDate.err());
        assertEquals(1, admin("oof", "show", "nobody").exit());
    }

    @Test
    void rulesAddListDisableEnableRemove() throws Exception {
        assertEquals(0, admin("user", "add", "rita", "--email", "rita@example.org", "--password", "rita-pw").exit());
        Run empty = admin("rules", "list", "rita");
        assertEquals(0, empty.exit(), empty.err());
        assertTrue(empty.out().contains("No rules."), empty.out());

        Run noFolder = admin("rules", "add", "rita", "Work", "--from", "boss@example.com", "--move-to", "Inbox/Work");
        assertEquals(1, noFolder.exit(), "the folder does not exist");
        assertTrue(noFolder.err().contains("MAPI_E_NOT_FOUND"), noFolder.err());
        Run noAction = admin("rules", "add", "rita", "Nothing", "--from", "x");
        assertEquals(2, noAction.exit());

        Run added = admin("rules", "add", "rita", "Boss", "--from", "boss@example.com", "--subject-contains", "urgent",
                "--header", "X-Priority:1", "--larger-than", "10K", "--mark-read", "--set-importance", "high",
                "--category", "Boss", "--forward", "assistant@example.org", "--stop", "--json");
        assertEquals(0, added.exit(), added.err());
        assertEquals(0, admin("rules", "add", "rita", "Lists", "--to-contains", "list@", "--delete").exit());
        JsonNode list = new ObjectMapper().readTree(admin("rules", "list", "rita", "--json").out());
        assertEquals(2, list.size());
        JsonNode boss = list.get(0);
        assertEquals("Boss", boss.get("name").asText());
        assertTrue(boss.get("enabled").asBoolean() && boss.get("stop").asBoolean());
        String condition = boss.get("condition").asText();
        assertTrue(condition.contains("boss@example.com") && condition.contains("urgent")
                && condition.contains("size gt 10240"), condition);
        List<String> actions = new ArrayList<>();
        boss.get("actions").forEach(a -> actions.add(a.asText()));
        assertEquals(List.of("forward to assistant@example.org", "mark read", "set importance = 2",
                "set 0x" + actions.get(3).substring(6, 10) + " = [Boss]"), actions);

        assertEquals(0, admin("rules", "disable", "rita", "boss").exit());
        assertFalse(new ObjectMapper().readTree(admin("rules", "list", "rita", "--json").out()).get(0)
                .get("enabled").asBoolean());
        assertEquals(0, admin("rules", "enable", "rita", "1").exit());
        assertEquals(0, admin("rules", "remove", "rita", "Lists").exit());
        Run shown = admin("rules", "list", "rita");
        assertTrue(shown.out().contains(" 1 enabled  Boss"), shown.out());
        assertFalse(shown.out().contains("Lists"), shown.out());
        assertEquals(1, admin("rules", "remove", "rita", "7").exit(), "no rule 7");
    }
}
