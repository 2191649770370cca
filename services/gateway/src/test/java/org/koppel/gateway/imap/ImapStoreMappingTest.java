package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.WellKnownFolder;

/**
 * IMAP over the store: UIDs and UIDVALIDITY survive a gateway restart and a MOVE (RFC 9051 2.3.1.1, RFC 6851),
 * and flags are the MAPI properties Outlook and ActiveSync see, both ways.
 */
class ImapStoreMappingTest {

    private ImapFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = ImapFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void uidsSurviveARestartAndMove() throws Exception {
        String validity;
        List<Long> before;
        String movedTo;
        String archiveValidity;
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            c.ok("CREATE Archive");
            validity = ImapClient.find(c.ok("SELECT INBOX"), "\\* OK \\[UIDVALIDITY (\\d+)\\] .+");
            before = c.uids();
            List<String> move = c.ok("UID MOVE " + before.get(1) + " Archive");
            archiveValidity = ImapClient.find(move, "\\* OK \\[COPYUID (\\d+) \\d+ \\d+\\] .+");
            movedTo = ImapClient.find(move, "\\* OK \\[COPYUID \\d+ " + before.get(1) + " (\\d+)\\] .+");
            assertTrue(move.contains("* 2 EXPUNGE"), move::toString);
            assertEquals(List.of(before.get(0), before.get(2)), c.uids());
            // the old UID is gone for good
            List<String> old = c.ok("UID FETCH " + before.get(1) + " (FLAGS)");
            assertEquals(1, old.size(), old::toString);
        }
        fixture.restartServer();
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            assertEquals(validity, ImapClient.find(c.ok("SELECT INBOX"), "\\* OK \\[UIDVALIDITY (\\d+)\\] .+"));
            assertEquals(List.of(before.get(0), before.get(2)), c.uids());
            assertEquals(archiveValidity, ImapClient.find(c.ok("SELECT Archive"),
                    "\\* OK \\[UIDVALIDITY (\\d+)\\] .+"));
            assertEquals(List.of(Long.parseLong(movedTo)), c.uids());
            // a new message gets a UID above every earlier one, restart or not
            String appended = ImapClient.find(c.ok("APPEND INBOX {12+}\r\nSubject: n\r\n"),
                    "\\S+ OK \\[APPENDUID \\d+ (\\d+)\\] .+");
            assertTrue(Long.parseLong(appended) > before.get(2));
        }
    }

    @Test
    void imapFlagsAreMapiProperties() throws Exception {
        EntryId id = fixture.deliver("alice", ImapFixture.message("1.eml"));
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            c.ok("SELECT INBOX");
            List<String> store = c.ok("STORE 4 +FLAGS (\\Seen \\Flagged \\Answered \\Draft \\Deleted $Forwarded)");
            assertEquals("* 4 FETCH (FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Forwarded) UID "
                    + c.uids().get(3) + ")", store.get(0));
            Map<PropTag, Object> p = properties(id);
            int read = MessageFlags.MSGFLAG_READ.value();
            assertTrue(((Integer) p.get(PropTags.PR_MESSAGE_FLAGS) & read) != 0, p::toString);
            assertEquals(2, p.get(PropTags.PR_FLAG_STATUS), p::toString);
            int status = (Integer) p.get(PropTags.PR_MSG_STATUS);
            assertEquals(0x0200 | 0x0100 | 0x0008, status & 0x0308, p::toString);
            assertEquals(104, p.get(PropTags.PR_LAST_VERB_EXECUTED), p::toString);

            c.ok("STORE 4 -FLAGS (\\Seen \\Flagged \\Answered $Forwarded)");
            p = properties(id);
            assertEquals(0, (Integer) p.get(PropTags.PR_MESSAGE_FLAGS) & read, p::toString);
            assertFalse(p.containsKey(PropTags.PR_FLAG_STATUS), p::toString);
            assertFalse(p.containsKey(PropTags.PR_LAST_VERB_EXECUTED), p::toString);
            assertEquals(0x0100 | 0x0008, (Integer) p.get(PropTags.PR_MSG_STATUS) & 0x0308, p::toString);
        }
    }

    @Test
    void answeredAndForwardedBothStick() throws Exception {
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            c.ok("SELECT INBOX");
            c.ok("STORE 1 +FLAGS (\\Answered)");
            List<String> store = c.ok("STORE 1 +FLAGS ($Forwarded)");
            assertTrue(store.get(0).startsWith("* 1 FETCH (FLAGS (\\Answered $Forwarded) "), store::toString);
            c.ok("STORE 1 -FLAGS (\\Answered)");
            List<String> fetch = c.ok("FETCH 1 (FLAGS)");
            assertEquals("* 1 FETCH (FLAGS ($Forwarded))", fetch.get(0));
        }
    }

    @Test
    void storeChangesReachAnImapSessionAtItsNextCommand() throws Exception {
        EntryId id = fixture.deliver("alice", ImapFixture.message("2.eml"));
        EntryId inbox = fixture.folder("alice", WellKnownFolder.INBOX);
        try (ImapClient c = ImapClient.login(fixture.port(), "alice")) {
            c.ok("SELECT INBOX");
            long uid = c.uids().get(3);
            // as Outlook flags a message and marks it read
            fixture.admin.messages().update(id, List.of(PropValue.of(PropTags.PR_FLAG_STATUS, 2)), List.of());
            fixture.admin.messages().setReadFlags(inbox, List.of(id), true);
            List<String> noop = c.ok("NOOP");
            assertTrue(noop.contains("* 4 FETCH (UID " + uid + " FLAGS (\\Seen \\Flagged))"), noop::toString);
            // as a phone replies to it
            fixture.admin.messages().update(id, List.of(PropValue.of(PropTags.PR_LAST_VERB_EXECUTED, 102)), List.of());
            noop = c.ok("NOOP");
            assertTrue(noop.contains("* 4 FETCH (UID " + uid + " FLAGS (\\Seen \\Answered \\Flagged))"),
                    noop::toString);
            List<String> search = c.ok("SEARCH ANSWERED FLAGGED SEEN");
            assertEquals("* SEARCH 4", search.get(0));
        }
    }

    @Test
    void quotaIsTheStoresQuota() throws Exception {
        fixture.admin.quotas().set("bob", new org.koppel.store.client.Quota(0, 0, 8 * 1024));
        try (ImapClient c = ImapClient.login(fixture.port(), "bob")) {
            List<String> root = c.ok("GETQUOTAROOT INBOX");
            assertEquals("* QUOTAROOT INBOX \"\"", root.get(0));
            assertEquals("* QUOTA \"\" (STORAGE 0 8)", root.get(1));
            StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
            while (big.length() < 20_000) {
                big.append("0123456789012345678901234567890123456789012345678901234567890123456789\r\n");
            }
            // RFC 9208 4.3.1 / RFC 5530: a store over its hard limit refuses with OVERQUOTA
            String last = c.command("APPEND INBOX {" + big.length() + "+}\r\n" + big).getLast();
            assertTrue(last.matches("\\S+ NO \\[OVERQUOTA\\] .+"), last);
            c.ok("APPEND INBOX {12+}\r\nSubject: s\r\n");
            List<String> quota = c.ok("GETQUOTA \"\"");
            assertTrue(quota.get(0).matches("\\* QUOTA \"\" \\(STORAGE [1-8] 8\\)"), quota::toString);
        }
    }

    private Map<PropTag, Object> properties(EntryId id) {
        Map<PropTag, Object> out = new HashMap<>();
        for (PropValue v : fixture.admin.messages().properties(id, List.of(PropTags.PR_MESSAGE_FLAGS,
                PropTags.PR_FLAG_STATUS, PropTags.PR_MSG_STATUS, PropTags.PR_LAST_VERB_EXECUTED))) {
            out.put(v.tag(), v.javaValue());
        }
        return out;
    }
}
