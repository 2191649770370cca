package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.sync.BodyPreference;
import org.koppel.eas.sync.SyncOptions;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * MIMESupport ([MS-ASCMD] 2.2.3.110.3) with a signed message delivered through inetmapi (class
 * IPM.Note.SMIME.MultipartSigned): 1 sends MIME for S/MIME messages only, 2 for all messages, in the export
 * and in Fetch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmimeBodyTest {

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

    private static SyncRequest<MailData> sync(String key, String inbox, int mimeSupport,
            List<SyncRequest.Command<MailData>> commands) {
        SyncOptions options = new SyncOptions(Optional.of(ContentClass.EMAIL), Optional.of(0),
                List.of(new BodyPreference(1, Optional.of(32768L), Optional.empty(), Optional.empty()),
                        new BodyPreference(4, Optional.empty(), Optional.empty(), Optional.empty())),
                List.of(), Optional.empty(), Optional.of(mimeSupport), Optional.empty(), Optional.empty(),
                Optional.empty());
        return Requests.sync(new SyncRequest.Collection<>(Optional.empty(), key, inbox, List.of(), Optional.empty(),
                key.equals("0") ? Optional.empty() : Optional.of(true), Optional.empty(), Optional.empty(),
                List.of(options), commands));
    }

    /** Subject to body of the items a Sync brought. */
    private static Map<String, String> bodies(SyncResponse.Collection<MailData> c) {
        return c.commands().stream().map(cmd -> ((SyncResponse.Add<MailData>) cmd).data())
                .collect(Collectors.toMap(d -> d.subject().orElseThrow(), d -> d.body().orElseThrow()));
    }

    private static boolean isMime(String body) {
        return body.contains("Content-Type: multipart/signed") && body.contains("BEGIN PGP SIGNATURE");
    }

    @Test
    void mimeSupportOneSendsMimeForSignedMailOnlyAndTwoForAll() throws IOException {
        String user = gw.newUser();
        gw.deliver(user, "Ordinary", Instant.now());
        try (InputStream signed = getClass().getResourceAsStream("multipart-signed.eml")) {
            gw.deliverMime(user, signed);
        }
        assertEquals(2, gw.contents(user, EasFolderType.INBOX).size());

        Client one = gw.client(user, "mime-one", V);
        String inbox = gw.collectionId(user, one.deviceId, EasFolderType.INBOX);
        String key = only(one.sync(sync("0", inbox, 1, List.of()))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> page = only(one.sync(sync(key, inbox, 1, List.of())));
        Map<String, String> got = bodies(page);
        assertTrue(isMime(got.get("test")), "the signed message as MIME: " + got.get("test"));
        assertEquals("Body of Ordinary", got.get("Ordinary"), "ordinary mail keeps its plain-text body");

        // Fetch follows the same rule.
        String signedId = page.commands().stream().map(c -> (SyncResponse.Add<MailData>) c)
                .filter(a -> a.data().subject().equals(Optional.of("test"))).findFirst().orElseThrow().serverId();
        SyncResponse.Collection<MailData> fetched = only(one.sync(sync(page.syncKey().orElseThrow(), inbox, 1,
                List.of(new SyncRequest.Fetch<>(signedId)))));
        SyncResponse.FetchResult<MailData> f = assertInstanceOf(SyncResponse.FetchResult.class,
                fetched.responses().get(0));
        assertTrue(isMime(f.data().orElseThrow().body().orElseThrow()));

        Client two = gw.client(user, "mime-two", V);
        String inbox2 = gw.collectionId(user, two.deviceId, EasFolderType.INBOX);
        String key2 = only(two.sync(sync("0", inbox2, 2, List.of()))).syncKey().orElseThrow();
        Map<String, String> all = bodies(only(two.sync(sync(key2, inbox2, 2, List.of()))));
        assertTrue(isMime(all.get("test")));
        assertTrue(all.get("Ordinary").contains("Subject: Ordinary"), "MIME for every message: " + all);
    }
}
