package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.lifecycle.Requests.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The second Options of a 14.0+ Inbox, for the SMS class: accepted and ignored (Koppel syncs no SMS), the
 * email Options apply whichever comes first; an SMS the device uploads is refused per item; two Options
 * that are not one SMS and one email are a protocol error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsOptionsTest {

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

    private static SyncOptions options(Optional<ContentClass> cls, int filterType) {
        return new SyncOptions(cls, Optional.of(filterType),
                List.of(new BodyPreference(1, Optional.of(32768L), Optional.empty(), Optional.empty())), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static SyncRequest<MailData> sync(String key, String inbox, List<SyncOptions> options,
            List<SyncRequest.Command<MailData>> commands) {
        return Requests.sync(new SyncRequest.Collection<>(Optional.empty(), key, inbox, List.of(),
                Optional.empty(), key.equals("0") ? Optional.empty() : Optional.of(true), Optional.empty(),
                Optional.empty(), options, commands));
    }

    @Test
    void smsOptionsAreAcceptedAndIgnored() {
        String user = gw.newUser();
        Client phone = gw.client(user, "sms-phone", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        gw.deliver(user, "Ten days old", Instant.now().minus(Duration.ofDays(10)));
        gw.deliver(user, "Fresh", Instant.now());

        // SMS first with a one-day window, then the Inbox's own email Options without one.
        List<SyncOptions> both = List.of(options(Optional.of(ContentClass.SMS), 1), options(Optional.empty(), 0));
        String key = only(phone.sync(sync("0", inbox, both, List.of()))).syncKey().orElseThrow();
        SyncResponse.Collection<MailData> page = only(phone.sync(sync(key, inbox, both, List.of())));
        assertEquals(SyncStatus.SUCCESS, page.status());
        assertEquals(2, page.commands().size(), "the email Options' window applies, not the SMS one's");
        key = page.syncKey().orElseThrow();

        // Only SMS Options now: the stored email Options stay (they are replaced only by email Options).
        gw.deliver(user, "Another", Instant.now());
        SyncResponse.Collection<MailData> smsOnly = only(phone.sync(sync(key, inbox,
                List.of(options(Optional.of(ContentClass.SMS), 1)), List.of())));
        assertEquals(1, smsOnly.commands().size());
        key = smsOnly.syncKey().orElseThrow();

        // An SMS the device uploads is refused (Status 6), not filed as an email.
        SyncResponse.Collection<MailData> upload = only(phone.sync(sync(key, inbox, List.of(), List.of(
                new SyncRequest.Add<>(Optional.of(ContentClass.SMS), "sms-1",
                        MailData.none().withRead(true).withBody("see you at 8"))))));
        assertEquals(SyncStatus.SUCCESS, upload.status());
        SyncResponse.AddResult<MailData> refused = assertInstanceOf(SyncResponse.AddResult.class,
                upload.responses().get(0));
        assertEquals(SyncStatus.CONVERSION_ERROR, refused.status());
        assertEquals("sms-1", refused.clientId());
        assertEquals(Optional.empty(), refused.serverId());
        assertEquals(3, gw.contents(user, EasFolderType.INBOX).size());
    }

    @Test
    void twoOptionsOfOneClassAreAProtocolError() {
        String user = gw.newUser();
        Client phone = gw.client(user, "two-options", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        for (List<SyncOptions> two : List.of(
                List.of(options(Optional.empty(), 0), options(Optional.of(ContentClass.EMAIL), 1)),
                List.of(options(Optional.of(ContentClass.SMS), 0), options(Optional.of(ContentClass.SMS), 1)))) {
            SyncResponse<MailData> r = phone.sync(sync("0", inbox, two, List.of())).orElseThrow();
            assertEquals(Optional.of(SyncStatus.PROTOCOL_ERROR), r.status());
        }
    }
}
