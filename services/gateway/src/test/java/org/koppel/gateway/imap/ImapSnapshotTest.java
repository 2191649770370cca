package org.koppel.gateway.imap;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.WellKnownFolder;

/**
 * A SELECT starts from the gateway's snapshot of the folder and exports only what changed since: what the
 * second session sees must be exactly what a fresh read of the folder would show, whatever happened between.
 */
class ImapSnapshotTest {

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
    void aSelectFromTheSnapshotSeesEveryChangeSinceIt() throws Exception {
        List<Long> before;
        try (ImapClient first = ImapClient.login(fixture.port(), "alice")) {
            first.ok("SELECT INBOX");
            before = first.uids();
            assertEquals(3, before.size());
        }
        // Meanwhile, as Outlook, the delivery agent and another client would: flag one, deliver one, delete one.
        EntryId inbox = fixture.folder("alice", WellKnownFolder.INBOX);
        EntryId delivered = fixture.deliver("alice", ImapFixture.message("3.eml"));
        try (ImapClient other = ImapClient.login(fixture.port(), "alice")) {
            other.ok("SELECT INBOX");
            other.ok("UID STORE " + before.get(0) + " +FLAGS (\\Deleted)");
            other.ok("EXPUNGE");
        }
        List<EntryId> rows = fixture.admin.contents().query(inbox, new org.koppel.store.client.TableQuery(
                List.of(PropTags.PR_ENTRYID), java.util.Optional.empty(), org.koppel.mapi.SortOrderSet.none(), 0, 10,
                false)).rows().stream().map(r -> r.entryId()).toList();
        EntryId flagged = rows.stream().filter(id -> !id.equals(delivered)).findFirst().orElseThrow();
        fixture.admin.messages().update(flagged, List.of(PropValue.of(PropTags.PR_FLAG_STATUS, 2)), List.of());

        try (ImapClient second = ImapClient.login(fixture.port(), "alice")) {
            List<String> select = second.ok("SELECT INBOX");
            assertTrue(select.contains("* 3 EXISTS"), select.toString());
            List<Long> uids = second.uids();
            assertFalse(uids.contains(before.get(0)), "the expunged message is gone");
            assertTrue(uids.containsAll(before.subList(1, 3)), uids + " keeps " + before);
            assertTrue(uids.get(2) > before.get(2), "the delivered message has the newest UID");
            List<String> flags = second.ok("FETCH 1:* (FLAGS)");
            assertEquals(1, flags.stream().filter(l -> l.contains("\\Flagged")).count(), flags.toString());
        }
    }
}
