package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * WindowSize is kept exactly when many changes share one store change number (the Inbox emptied in one
 * operation): the deletions come a window at a time with MoreAvailable, none twice, none lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowSizeTest {

    private static final ProtocolVersion V = ProtocolVersion.V14_1;
    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    @Test
    void aBulkDeletionComesAWindowAtATime() {
        String user = gw.newUser();
        for (int i = 0; i < 12; i++) {
            gw.deliver(user, "bulk " + i, Instant.now());
        }
        Client phone = gw.client(user, "window", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String key = only(phone.sync(sync(V, "0", inbox))).syncKey().orElseThrow();
        Set<String> had = new HashSet<>();
        boolean more = true;
        while (more) {
            SyncResponse.Collection<MailData> page = only(phone.sync(sync(collection(V, key, inbox, Optional.of(50),
                    List.of()))));
            page.commands().forEach(c -> had.add(((SyncResponse.Add<MailData>) c).serverId()));
            key = page.syncKey().orElseThrow();
            more = page.moreAvailable();
        }
        assertEquals(12, had.size());

        gw.emptyInbox(user);
        Set<String> deleted = new HashSet<>();
        int pages = 0;
        more = true;
        while (more) {
            SyncResponse.Collection<MailData> page = only(phone.sync(sync(collection(V, key, inbox, Optional.of(5),
                    List.of()))));
            pages++;
            assertTrue(page.commands().size() <= 5, "a window of 5 got " + page.commands().size());
            for (SyncResponse.Command<MailData> c : page.commands()) {
                String id = switch (c) {
                    case SyncResponse.Delete<MailData> d -> d.serverId();
                    case SyncResponse.SoftDelete<MailData> d -> d.serverId();
                    default -> throw new AssertionError("not a deletion: " + c);
                };
                assertTrue(deleted.add(id), "deleted twice: " + id);
            }
            key = page.syncKey().orElseThrow();
            more = page.moreAvailable();
            assertTrue(pages < 20, "the deletions never end");
        }
        assertEquals(had, deleted);
        assertEquals(3, pages, "12 deletions in windows of 5");
        assertTrue(phone.sync(sync(V, key, inbox)).isEmpty(), "nothing left");
    }
}
