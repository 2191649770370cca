package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.BackendSession;
import org.koppel.backend.ClientChange;
import org.koppel.backend.ConflictPolicy;
import org.koppel.backend.ContentSync;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.ExportOptions;
import org.koppel.backend.ExportPage;
import org.koppel.backend.FilterType;
import org.koppel.backend.Folders;
import org.koppel.backend.ImportResults;
import org.koppel.backend.Items;
import org.koppel.backend.MailSubmission;
import org.koppel.backend.Push;
import org.koppel.backend.UserDetails;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.SyncPoint;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * A Sync whose Adds were imported but whose new key could not be issued, because another request of the
 * device advanced the collection in between (Status 16): the device retries with the same key and gets the
 * same ServerId, and the store holds the draft once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetriedAddTest {

    private static final ProtocolVersion V = ProtocolVersion.V16_1;
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
    void anAddWhoseKeyWasNotIssuedIsNotMadeAgainOnTheRetry() {
        String user = gw.newUser();
        Client phone = gw.client(user, "racer", V);
        String drafts = gw.collectionId(user, phone.deviceId, EasFolderType.DRAFTS);
        String key = only(phone.sync(sync(V, "0", drafts))).syncKey().orElseThrow();
        DeviceAccount account = new DeviceAccount(user, phone.deviceId);

        // Right after the import, "another request" of the device issues the next key from the same one.
        AtomicBoolean race = new AtomicBoolean(true);
        String raced = key;
        gw.sessions = s -> new RacingSession(s, () -> {
            if (race.getAndSet(false)) {
                SyncPoint<byte[]> p = (SyncPoint<byte[]>) gw.state.syncStates().lookup(account, drafts, raced);
                gw.state.syncStates().issue(p, ((SyncPoint.Current<byte[]>) p).state(), null, null);
            }
        });
        SyncRequest<MailData> add = sync(V, key, drafts, List.of(new SyncRequest.Add<>(Optional.empty(), "c-1",
                MailData.none().withSubject("Raced draft").withBody("text"))));
        SyncResponse.Collection<MailData> lost;
        try {
            lost = only(phone.sync(add));
        } finally {
            gw.sessions = s -> s;
        }
        assertEquals(SyncStatus.RETRY, lost.status(), "the key could not be issued");
        assertEquals(Optional.empty(), lost.syncKey());
        assertEquals(1, draftsNamed(user, "Raced draft"), "the import itself went through");

        SyncResponse.Collection<MailData> retried = only(phone.sync(add));
        assertEquals(SyncStatus.SUCCESS, retried.status());
        SyncResponse.AddResult<MailData> again = assertInstanceOf(SyncResponse.AddResult.class,
                retried.responses().get(0));
        assertEquals(SyncStatus.SUCCESS, again.status());
        String serverId = again.serverId().orElseThrow();
        assertEquals(1, draftsNamed(user, "Raced draft"), "not added a second time");
        assertTrue(gw.contents(user, EasFolderType.DRAFTS).stream().anyMatch(a -> a.itemId().equals(serverId)),
                "the ServerId is the draft's");

        // A later request may use the same ClientId for a new draft: it is a new Add.
        String next = retried.syncKey().orElseThrow();
        SyncResponse.Collection<MailData> another = only(phone.sync(sync(V, next, drafts, List.of(
                new SyncRequest.Add<>(Optional.empty(), "c-1", MailData.none().withSubject("Second draft")
                        .withBody("text"))))));
        SyncResponse.AddResult<MailData> second = assertInstanceOf(SyncResponse.AddResult.class,
                another.responses().get(0));
        assertNotEquals(Optional.of(serverId), second.serverId());
        assertEquals(1, draftsNamed(user, "Second draft"));
    }

    private long draftsNamed(String user, String subject) {
        return gw.contents(user, EasFolderType.DRAFTS).stream()
                .filter(a -> a.item() instanceof org.koppel.backend.EmailItem e && subject.equals(e.subject()))
                .count();
    }

    /** The backend session with a hook run after each import, before the gateway issues its key. */
    private record RacingSession(BackendSession inner, Runnable afterImport) implements BackendSession {
        @Override
        public UserDetails user() {
            return inner.user();
        }

        @Override
        public Folders folders() {
            return inner.folders();
        }

        @Override
        public ContentSync contents() {
            ContentSync c = inner.contents();
            return new ContentSync() {
                @Override
                public ExportPage export(String folderId, byte[] state, ExportOptions options) {
                    return c.export(folderId, state, options);
                }

                @Override
                public int estimate(String folderId, byte[] state, FilterType filter) {
                    return c.estimate(folderId, state, filter);
                }

                @Override
                public ImportResults importChanges(String folderId, byte[] state, List<ClientChange> changes,
                        ConflictPolicy policy) {
                    ImportResults r = c.importChanges(folderId, state, changes, policy);
                    afterImport.run();
                    return r;
                }
            };
        }

        @Override
        public Items items() {
            return inner.items();
        }

        @Override
        public MailSubmission mail() {
            return inner.mail();
        }

        @Override
        public Push push() {
            return inner.push();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
