package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two clients and the delivery agent on one mailbox: what a client hears while it idles (RFC 2177), and when it
 * may hear of expunges (RFC 9051 7.5.1: not during FETCH, STORE or SEARCH by sequence number). Each test uses its
 * own user's Inbox, so the tests share one store.
 */
class ImapConcurrencyTest {

    private static ImapFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void idleSeesDeliveryAndAnotherSessionsFlags() throws Exception {
        try (ImapClient a = ImapClient.login(fixture.port(), "alice");
                ImapClient b = ImapClient.login(fixture.port(), "alice")) {
            a.ok("SELECT INBOX");
            b.ok("SELECT INBOX");
            long uid1 = a.uids().get(0);
            String tag = a.tag();
            a.s.send(tag + " IDLE");
            a.s.expect("\\+ .+");
            // the delivery agent stores a message: an EXISTS while idling, no command needed
            fixture.deliver("alice", ImapFixture.message("1.eml"));
            a.s.expect("\\* 4 EXISTS");
            a.s.expect("\\* 1 RECENT"); // the idling session is the first to be told of it (RFC 3501 2.3.2)
            // another session flags message 1
            b.ok("STORE 1 +FLAGS (\\Flagged)");
            a.s.expect("\\* 1 FETCH \\(UID " + uid1 + " FLAGS \\(\\\\Flagged\\)\\)");
            // and expunges message 2: under IDLE the server may tell at once
            b.ok("STORE 2 +FLAGS.SILENT (\\Deleted)");
            a.s.expect("\\* 2 FETCH \\(UID \\d+ FLAGS \\(\\\\Deleted\\)\\)");
            b.ok("EXPUNGE");
            a.s.expect("\\* 2 EXPUNGE");
            a.s.send("DONE");
            a.s.expect(tag + " OK IDLE terminated\\.");
            a.ok("NOOP");
            assertEquals(3, a.uids().size());
        }
    }

    @Test
    void noExpungeDuringFetchStoreSearchBySequenceNumber() throws Exception {
        for (int i = 0; i < 3; i++) {
            fixture.deliver("bob", ImapFixture.message((i + 1) + ".eml"));
        }
        try (ImapClient a = ImapClient.login(fixture.port(), "bob");
                ImapClient b = ImapClient.login(fixture.port(), "bob")) {
            a.ok("SELECT INBOX");
            List<Long> uids = a.uids();
            b.ok("SELECT INBOX");
            b.ok("STORE 2 +FLAGS.SILENT (\\Deleted)");
            b.ok("EXPUNGE");

            // A still numbers 1..3; it must not be told of the expunge yet
            List<String> fetch = a.ok("FETCH 1:3 (UID)");
            assertTrue(fetch.stream().noneMatch(l -> l.contains("EXPUNGE")), fetch::toString);
            assertTrue(fetch.contains("* 3 FETCH (UID " + uids.get(2) + ")"), fetch::toString);
            // the expunged message 2 still answers what the client knows of it (RFC 2180 4.1.1); its text is gone
            assertTrue(fetch.contains("* 2 FETCH (UID " + uids.get(1) + ")"), fetch::toString);
            List<String> flags = a.ok("FETCH 2 (FLAGS UID)");
            assertEquals("* 2 FETCH (FLAGS () UID " + uids.get(1) + ")", flags.get(0));
            List<String> body = a.ok("FETCH 2 (BODY.PEEK[])");
            assertTrue(body.stream().noneMatch(l -> l.startsWith("* 2 FETCH")), body::toString);
            List<String> store = a.ok("STORE 3 +FLAGS (\\Seen)");
            assertTrue(store.stream().noneMatch(l -> l.contains("EXPUNGE")), store::toString);
            assertTrue(store.stream().anyMatch(l -> l.matches("\\* 3 FETCH \\(FLAGS \\(\\\\Seen\\) UID " + uids.get(2)
                    + "\\)")), store::toString);
            List<String> search = a.ok("SEARCH ALL");
            assertTrue(search.stream().noneMatch(l -> l.contains("EXPUNGE")), search::toString);
            assertEquals("* SEARCH 1 3", search.get(0));

            // NOOP may tell it, and from then on message 3 is message 2
            List<String> noop = a.ok("NOOP");
            assertTrue(noop.contains("* 2 EXPUNGE"), noop::toString);
            assertEquals(List.of(uids.get(0), uids.get(2)), a.uids());
            List<String> after = a.ok("FETCH 2 (FLAGS)");
            assertTrue(after.contains("* 2 FETCH (FLAGS (\\Seen))"), after::toString);
        }
    }

    @Test
    void uidCommandsMayReportExpungesAtOnce() throws Exception {
        try (ImapClient a = ImapClient.login(fixture.port(), "alice");
                ImapClient b = ImapClient.login(fixture.port(), "alice")) {
            a.ok("CREATE Race");
            a.ok("APPEND Race {12+}\r\nSubject: a\r\n");
            a.ok("APPEND Race {12+}\r\nSubject: b\r\n");
            a.ok("SELECT Race");
            long second = a.uids().get(1);
            b.ok("SELECT Race");
            b.ok("STORE 1 +FLAGS.SILENT (\\Deleted)");
            b.ok("EXPUNGE");
            // a UID STORE reads the store's changes at once (not only on notification), so this is deterministic
            List<String> uidStore = a.ok("UID STORE " + second + " +FLAGS (\\Seen)");
            // the FETCH numbers as the client knows it (2), then the EXPUNGE renumbers
            assertEquals("* 2 FETCH (FLAGS (\\Seen \\Recent) UID " + second + ")", uidStore.get(0));
            assertEquals("* 1 EXPUNGE", uidStore.get(1));
        }
    }

    @Test
    void selectedMailboxDeletedByAnotherSession() throws Exception {
        try (ImapClient a = ImapClient.login(fixture.port(), "alice");
                ImapClient b = ImapClient.login(fixture.port(), "alice")) {
            a.ok("CREATE Doomed");
            a.ok("APPEND Doomed {12+}\r\nSubject: d\r\n");
            a.ok("SELECT Doomed");
            b.ok("DELETE Doomed");
            // nothing sensible is left to number: the session ends, as Dovecot and Cyrus do (RFC 9051 7.1.5 BYE)
            a.s.send("x1 NOOP");
            a.s.expect("\\* BYE .+");
            a.s.expectClosed();
        }
    }
}
