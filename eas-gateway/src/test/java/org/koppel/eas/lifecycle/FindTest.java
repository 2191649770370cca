package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.find.FindRequest;
import org.koppel.eas.find.FindResponse;
import org.koppel.eas.find.FindStatus;
import org.koppel.eas.search.MailboxQuery;
import org.koppel.eas.search.Range;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.WellKnownFolder;

/** Find over real HTTP: a mailbox query with a preview in 16.1, its statuses, and no Find before 16.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static FindRequest mailbox(String text, List<String> collections, Range range) {
        return new FindRequest("search-1", Optional.of(new MailboxQuery(List.of(ContentClass.EMAIL), collections,
                Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty(), false)), Optional.empty(),
                Optional.of(range), true);
    }

    @Test
    void findsMailWithAPreviewIn16_1() {
        String user = gw.newUser();
        String other = gw.newUser();
        EntryId inbox = gw.admin.stores().openUserStore(user).folder(WellKnownFolder.INBOX);
        String me = user + "@example.org";
        for (int i = 0; i < 3; i++) {
            SearchCalls.put(gw, inbox, SearchCalls.mail("Gribble " + i, "The gribble body number " + i, "Ann",
                    "ann@example.net", me, T0.plusSeconds(i)));
        }
        SearchCalls.put(gw, inbox, SearchCalls.mail("Other", "nothing", "Ann", "ann@example.net", me, T0));
        SearchCalls.put(gw, gw.admin.stores().openUserStore(other).folder(WellKnownFolder.INBOX),
                SearchCalls.mail("Gribble of someone else", "gribble", "Eve", "eve@example.net", other, T0));

        Client phone = gw.client(user, "find", ProtocolVersion.V16_1);
        String inboxId = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        SearchCalls calls = new SearchCalls(phone);
        FindResponse<SearchCalls.Summary> r = calls.find(mailbox("gribble", List.of(inboxId), new Range(0, 1)));
        assertEquals(FindStatus.SUCCESS, r.status());
        FindResponse.Response<SearchCalls.Summary> res = r.response().orElseThrow();
        assertEquals("Mailbox", res.store());
        assertEquals(FindStatus.SUCCESS, res.status());
        assertEquals(Optional.of(3), res.total());
        assertEquals(Optional.of(new Range(0, 1)), res.range());
        assertEquals(2, res.results().size());
        FindResponse.Result<SearchCalls.Summary> newest = res.results().get(0);
        assertEquals("Email", newest.contentClass());
        assertEquals(Optional.of(inboxId), newest.collectionId());
        assertFalse(newest.serverId().isEmpty());
        assertEquals(Optional.of("Gribble 2"), newest.properties().subject());
        assertEquals(Optional.of("The gribble body number 2"), newest.properties().preview());
        assertEquals(Optional.of(false), newest.properties().hasAttachments());

        // A range that does not start at 0.
        assertEquals(FindStatus.START_WITH_RANGE_ZERO,
                calls.find(mailbox("gribble", List.of(), new Range(2, 3))).response().orElseThrow().status());
        // An unknown CollectionId.
        assertEquals(FindStatus.FOLDER_SYNC_REQUIRED, calls.find(mailbox("gribble", List.of("999"), new Range(0, 9)))
                .status());
        // The GAL is not searched by Find yet.
        assertEquals(FindStatus.COMMAND_NOT_SUPPORTED, calls.find(new FindRequest("s2", Optional.empty(),
                Optional.of("someone"), Optional.empty(), false)).status());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0"})
    void thereIsNoFindBefore16_1(ProtocolVersion v) {
        String user = gw.newUser();
        SearchCalls calls = new SearchCalls(gw.client(user, "nofind" + v.name(), v));
        assertEquals(501, calls.findRaw(mailbox("x", List.of(), new Range(0, 9))).statusCode());
    }
}
