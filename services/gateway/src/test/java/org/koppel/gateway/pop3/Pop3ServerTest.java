package org.koppel.gateway.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.script.ScriptedSession;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.store.client.MessageData;

/** POP3 over real sockets against a real store: UPDATE semantics, sizes, UIDs, locking, pop3s. */
class Pop3ServerTest {

    private Pop3Fixture fixture;
    private Pop3Server server;

    @BeforeEach
    void start() throws Exception {
        fixture = Pop3Fixture.start();
        server = Pop3Server.start(fixture.config(), fixture.engine);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fixture.close();
    }

    private ScriptedSession login(String user, String password) throws Exception {
        ScriptedSession s = ScriptedSession.connect("127.0.0.1", server.port());
        s.expect("\\+OK .*");
        s.send("USER " + user);
        s.expect("\\+OK .*");
        s.send("PASS " + password);
        s.expect("\\+OK Logged in.*");
        return s;
    }

    /** RETR's octets with the byte-stuffing undone, as a client sees them. */
    private static byte[] retr(ScriptedSession s, int n) throws Exception {
        s.send("RETR " + n);
        s.expect("\\+OK \\d+ octets");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            byte[] line = s.readLineBytes();
            if (line.length == 1 && line[0] == '.') {
                return out.toByteArray();
            }
            int from = line.length > 0 && line[0] == '.' ? 1 : 0;
            out.write(line, from, line.length - from);
            out.write('\r');
            out.write('\n');
        }
    }

    @Test
    void quitAppliesDeletionsAndADroppedConnectionDoesNot() throws Exception {
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("DELE 1");
            s.expect("\\+OK .*");
            s.send("DELE 3");
            s.expect("\\+OK .*");
            // Dropped without QUIT: nothing is deleted.
        }
        Thread.sleep(200);
        assertEquals(3, fixture.inboxSubjects("alice").size(), "a dropped connection deletes nothing");
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("DELE 1");
            s.expect("\\+OK .*");
            s.send("DELE 3");
            s.expect("\\+OK .*");
            s.send("QUIT");
            s.expect("\\+OK Logging out, 2 messages deleted");
            s.expectClosed();
        }
        assertEquals(List.of("Grüße with an attachment"), fixture.inboxSubjects("alice"));
    }

    @Test
    void sizesAreWhatRetrSendsForOriginalAndGeneratedMime() throws Exception {
        fixture.createWithoutMime("alice", "no MIME kept", "written by a MAPI client\r\n.with a dot\r\n");
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("LIST");
            s.expect("\\+OK 4 messages.*");
            List<Long> sizes = new ArrayList<>();
            for (String line : s.readUntil("\\.")) {
                sizes.add(Long.parseLong(line.split(" ")[1]));
            }
            for (int i = 1; i <= 3; i++) {
                byte[] original = Pop3Fixture.message(i + ".eml");
                assertArrayEquals(original, retr(s, i), "message " + i + " byte for byte");
                assertEquals(original.length, sizes.get(i - 1));
            }
            byte[] generated = retr(s, 4);
            assertEquals(sizes.get(3), generated.length, "generated MIME's size");
            assertTrue(new String(generated, StandardCharsets.UTF_8).contains("Subject: no MIME kept"));
            s.send("QUIT");
            s.expect("\\+OK .*");
        }
    }

    @Test
    void uniqueIdsStayAcrossSessionsAndRestarts() throws Exception {
        List<String> first;
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("UIDL");
            s.expect("\\+OK .*");
            first = s.readUntil("\\.");
            s.send("QUIT");
            s.expect("\\+OK .*");
        }
        server.close();
        server = Pop3Server.start(fixture.config(), fixture.engine);
        fixture.deliver("alice", Pop3Fixture.message("3.eml"));
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("UIDL");
            s.expect("\\+OK .*");
            List<String> second = s.readUntil("\\.");
            assertEquals(first, second.subList(0, 3));
            assertEquals(4, second.size());
            assertTrue(second.stream().map(l -> l.split(" ")[1]).distinct().count() == 4, "unique");
        }
    }

    @Test
    void retrMarksReadAndTopDoesNot() throws Exception {
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("TOP 2 1");
            s.expect("\\+OK .*");
            s.readUntil("\\.");
            retr(s, 1);
            s.send("QUIT");
            s.expect("\\+OK .*");
        }
        List<Boolean> read = new ArrayList<>();
        for (EntryId id : inbox()) {
            MessageData m = fixture.admin.messages().load(id);
            int flags = (Integer) m.property(PropTags.PR_MESSAGE_FLAGS).get().javaValue();
            read.add((flags & 0x1) != 0);
        }
        assertEquals(List.of(true, false, false), read);
    }

    private List<EntryId> inbox() {
        EntryId folder = fixture.admin.stores().openUserStore("alice")
                .folder(org.koppel.store.client.WellKnownFolder.INBOX);
        List<EntryId> ids = new ArrayList<>();
        org.koppel.store.client.ContentsExport e = fixture.admin.changes().exportContents(folder,
                org.koppel.store.client.SyncState.initial(), org.koppel.store.client.ContentsSyncOptions.defaults());
        e.changes().stream().sorted(java.util.Comparator.comparingLong(c -> c.uid()))
                .forEach(c -> ids.add(c.entryId().get()));
        return ids;
    }

    @Test
    void aSecondSessionForTheSameMaildropIsRefusedInUse() throws Exception {
        try (ScriptedSession first = login("alice", "alice-pw");
                ScriptedSession second = ScriptedSession.connect("127.0.0.1", server.port())) {
            second.expect("\\+OK .*");
            second.send("USER alice");
            second.expect("\\+OK .*");
            second.send("PASS alice-pw");
            second.expect("-ERR \\[IN-USE\\] .*");
            first.send("QUIT");
            first.expect("\\+OK .*");
            first.expectClosed();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String answer;
            do {
                second.send("USER alice");
                second.expect("\\+OK .*");
                second.send("PASS alice-pw");
                answer = second.readLine();
            } while (answer.startsWith("-ERR [IN-USE]") && System.nanoTime() < deadline);
            assertTrue(answer.startsWith("+OK Logged in"), answer);
        }
    }

    @Test
    void implicitTlsPort() throws Exception {
        try (ScriptedSession s = ScriptedSession.connectTls("127.0.0.1", server.tlsPort())) {
            s.expect("\\+OK .*");
            s.send("CAPA");
            s.expect("\\+OK .*");
            List<String> capa = s.readUntil("\\.");
            assertTrue(capa.contains("USER") && !capa.contains("STLS"), capa.toString());
            s.send("AUTH PLAIN " + Pop3ScriptTest.variables().get("plain_alice"));
            s.expect("\\+OK Logged in, 3 messages");
        }
    }

    @Test
    void aMessageDeletedByAnotherClientDuringTheSessionIsAnsweredErr() throws Exception {
        try (ScriptedSession s = login("alice", "alice-pw")) {
            fixture.admin.messages().delete(List.of(inbox().get(1)), true);
            s.send("RETR 2");
            s.expect("-ERR Message 2 is no longer in the maildrop");
            s.send("STAT");
            s.expect("\\+OK 3 \\d+");
            s.send("RETR 3");
            s.expect("\\+OK 149 octets");
            s.readUntil("\\.");
            s.send("QUIT");
            s.expect("\\+OK .*");
        }
    }

    @Test
    void anIdleConnectionIsClosedWithoutUpdate() throws Exception {
        server.close();
        org.koppel.gateway.GatewayConfig c = fixture.config();
        server = Pop3Server.start(new org.koppel.gateway.GatewayConfig(c.imapListen(), c.imapsListen(),
                c.pop3Listen(), c.pop3sListen(), c.tls(), c.dataDir(), c.hostname(), false, c.maxConnections(),
                c.imapIdleTimeout(), java.time.Duration.ofMillis(500), c.maxBadCommands(), c.maxLiteralSize(),
                c.maxLineLength(), c.loginMaxFailures(), c.loginThrottle(), c.onlyMailFolders(), c.publicFolders()),
                fixture.engine);
        try (ScriptedSession s = login("alice", "alice-pw")) {
            s.send("DELE 1");
            s.expect("\\+OK .*");
            s.expectClosed();
        }
        Thread.sleep(200);
        assertEquals(3, fixture.inboxSubjects("alice").size());
    }
}
