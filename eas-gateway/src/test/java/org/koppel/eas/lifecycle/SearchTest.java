package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.command.LongId;
import org.koppel.eas.ping.PingLimits;
import org.koppel.eas.search.GalProperties;
import org.koppel.eas.search.MailboxQuery;
import org.koppel.eas.search.PictureStatus;
import org.koppel.eas.search.Range;
import org.koppel.eas.search.SearchOptions;
import org.koppel.eas.search.SearchRequest;
import org.koppel.eas.search.SearchResponse;
import org.koppel.eas.search.SearchStatus;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * Search over real HTTP against a real store, in every protocol version: the mailbox by subject, body and
 * sender, with Class and CollectionId filters, dates, DeepTraversal, Range and Total; never another user's
 * mail; the time limit; the GAL; and the statuses of requests the server cannot serve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static SearchRequest mailbox(MailboxQuery q, SearchOptions o) {
        return new SearchRequest(SearchRequest.MAILBOX, Optional.of(q), Optional.empty(), o);
    }

    private static MailboxQuery query(String text, List<String> collections) {
        return new MailboxQuery(List.of(ContentClass.EMAIL), collections, Optional.of(text), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }

    private static SearchResponse.Store<MailData> store(SearchResponse<MailData> r) {
        assertEquals(SearchStatus.SUCCESS, r.status());
        return r.store().orElseThrow();
    }

    private static Set<String> subjects(SearchResponse.Store<MailData> s) {
        return s.results().stream().map(r -> r.mail().orElseThrow().subject().orElseThrow()).collect(Collectors.toSet());
    }

    private static List<String> orderedSubjects(SearchResponse.Store<MailData> s) {
        return s.results().stream().map(r -> r.mail().orElseThrow().subject().orElseThrow()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void findsBySubjectBodyAndSenderAndNeverAnotherUsersMail(ProtocolVersion v) {
        String user = gw.newUser();
        String other = gw.newUser();
        StoreInfo store = gw.admin.stores().openUserStore(user);
        EntryId inbox = store.folder(WellKnownFolder.INBOX);
        String me = user + "@example.org";
        SearchCalls.put(gw, inbox, SearchCalls.mail("Quarterly Zorblax figures", "numbers", "Ann", "ann@example.net",
                me, T0));
        SearchCalls.put(gw, inbox, SearchCalls.mail("Lunch", "bring the zorblax slides", "Ann", "ann@example.net", me,
                T0.plusSeconds(60)));
        SearchCalls.put(gw, inbox, SearchCalls.mail("Hello", "nothing", "Zorblax Corp", "news@zorblax.example", me,
                T0.plusSeconds(120)));
        SearchCalls.put(gw, inbox, SearchCalls.mail("Unrelated", "nothing here", "Bob", "bob@example.net", me,
                T0.plusSeconds(180)));
        SearchCalls.put(gw, gw.admin.stores().openUserStore(other).folder(WellKnownFolder.INBOX),
                SearchCalls.mail("Other user's zorblax", "zorblax", "Eve", "eve@example.net", other + "@example.org",
                        T0));

        Client phone = gw.client(user, "search" + v.name(), v);
        String inboxId = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        SearchResponse.Store<MailData> found = store(new SearchCalls(phone).search(mailbox(query("zorblax", List.of()),
                SearchOptions.none().withRange(new Range(0, 9)).withBodyPreference(
                        new org.koppel.eas.sync.BodyPreference(1, Optional.of(1024L), Optional.empty(),
                                Optional.empty())))));
        assertEquals(SearchStatus.SUCCESS, found.status());
        assertEquals(Optional.of(3), found.total());
        assertEquals(Optional.of(new Range(0, 2)), found.range());
        // Newest first.
        assertEquals(List.of("Hello", "Lunch", "Quarterly Zorblax figures"), orderedSubjects(found));
        String inboxBackend = gw.folder(user, EasFolderType.INBOX);
        for (SearchResponse.Result<MailData> r : found.results()) {
            assertEquals(Optional.of("Email"), r.contentClass());
            assertEquals(Optional.of(inboxId), r.collectionId());
            LongId id = LongId.parse(r.longId().orElseThrow()).orElseThrow();
            assertEquals(inboxBackend, id.folderId());
        }
        assertEquals(Optional.of("bring the zorblax slides"), found.results().get(1).mail().get().body());

        // The other user finds only their own message.
        Client theirs = gw.client(other, "search-other" + v.name(), v);
        SearchResponse.Store<MailData> others = store(new SearchCalls(theirs).search(mailbox(query("zorblax",
                List.of()), SearchOptions.none())));
        assertEquals(Set.of("Other user's zorblax"), subjects(others));

        // Nothing found: success, no results, Total 0.
        SearchResponse.Store<MailData> none = store(new SearchCalls(phone).search(mailbox(query("qwxyzzy", List.of()),
                SearchOptions.none())));
        assertEquals(SearchStatus.SUCCESS, none.status());
        assertTrue(none.results().isEmpty());
        assertEquals(Optional.of(0), none.total());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void filtersByCollectionClassDateAndDeepTraversalAndPages(ProtocolVersion v) {
        String user = gw.newUser();
        StoreInfo store = gw.admin.stores().openUserStore(user);
        EntryId inbox = store.folder(WellKnownFolder.INBOX);
        EntryId sent = store.folder(WellKnownFolder.SENT_ITEMS);
        EntryId sub = gw.admin.folders().create(inbox, "Projects", "IPF.Note", CollisionPolicy.FAIL);
        String me = user + "@example.org";
        for (int i = 0; i < 12; i++) {
            SearchCalls.put(gw, inbox, SearchCalls.mail("Report " + i, "weekly", "Ann", "ann@example.net", me,
                    T0.plusSeconds(3600L * i)));
        }
        SearchCalls.put(gw, sent, SearchCalls.mail("Sent report", "weekly", "Me", me, "x@example.net", T0));
        SearchCalls.put(gw, sub, SearchCalls.mail("Project report", "weekly", "Ann", "ann@example.net", me, T0));

        Client phone = gw.client(user, "filter" + v.name(), v);
        SearchCalls calls = new SearchCalls(phone);
        String inboxId = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);

        // Whole mailbox (deep by nature), then the Inbox alone, then with its subfolders.
        assertEquals(Optional.of(14), store(calls.search(mailbox(query("report", List.of()), SearchOptions.none())))
                .total());
        SearchResponse.Store<MailData> inboxOnly = store(calls.search(mailbox(query("report", List.of(inboxId)),
                SearchOptions.none())));
        assertEquals(Optional.of(12), inboxOnly.total());
        SearchResponse.Store<MailData> deep = store(calls.search(mailbox(query("report", List.of(inboxId)),
                SearchOptions.none().withDeepTraversal(true))));
        assertEquals(Optional.of(13), deep.total());
        assertTrue(subjects(deep).contains("Project report"));
        // The subfolder was never synced to the device: no CollectionId for its hit.
        SearchResponse.Result<MailData> project = deep.results().stream()
                .filter(r -> r.mail().get().subject().get().equals("Project report")).findFirst().orElseThrow();
        assertTrue(project.collectionId().isEmpty());

        // Paging: Range 0-4 of 12, then 10-14 (two left).
        SearchResponse.Store<MailData> first = store(calls.search(mailbox(query("report", List.of(inboxId)),
                SearchOptions.none().withRange(new Range(0, 4)))));
        assertEquals(List.of("Report 11", "Report 10", "Report 9", "Report 8", "Report 7"), orderedSubjects(first));
        assertEquals(Optional.of(new Range(0, 4)), first.range());
        assertEquals(Optional.of(12), first.total());
        SearchResponse.Store<MailData> last = store(calls.search(mailbox(query("report", List.of(inboxId)),
                SearchOptions.none().withRange(new Range(10, 14)))));
        assertEquals(List.of("Report 1", "Report 0"), orderedSubjects(last));
        assertEquals(Optional.of(new Range(10, 11)), last.range());

        // Dates: after hour 3 and before hour 6 leaves hours 4 and 5.
        MailboxQuery dated = new MailboxQuery(List.of(ContentClass.EMAIL), List.of(inboxId), Optional.of("report"),
                Optional.empty(), Optional.of(T0.plusSeconds(3 * 3600)), Optional.of(T0.plusSeconds(6 * 3600)), false);
        assertEquals(Set.of("Report 4", "Report 5"), subjects(store(calls.search(mailbox(dated,
                SearchOptions.none())))));

        // Another class finds no mail.
        MailboxQuery calendar = new MailboxQuery(List.of(ContentClass.CALENDAR), List.of(), Optional.of("report"),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        assertEquals(Optional.of(0), store(calls.search(mailbox(calendar, SearchOptions.none()))).total());

        // A CollectionId the device was never given: FolderSync first.
        assertEquals(SearchStatus.FOLDER_SYNC_REQUIRED, store(calls.search(mailbox(query("report", List.of("999")),
                SearchOptions.none()))).status());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V14_0", "V16_1"})
    void requestsTheServerCannotServeGetTheirStatus(ProtocolVersion v) {
        String user = gw.newUser();
        SearchCalls calls = new SearchCalls(gw.client(user, "bad" + v.name(), v));
        assertEquals(SearchStatus.ACCESS_BLOCKED, store(calls.search(new SearchRequest(SearchRequest.DOCUMENT_LIBRARY,
                Optional.empty(), Optional.of("\\\\server\\share"), SearchOptions.none()))).status());
        assertEquals(SearchStatus.INVALID_REQUEST, store(calls.search(new SearchRequest("Calendars",
                Optional.empty(), Optional.of("x"), SearchOptions.none()))).status());
        // A mailbox search without any text.
        assertEquals(SearchStatus.INVALID_REQUEST, store(calls.search(mailbox(query("  ", List.of()),
                SearchOptions.none()))).status());
        // A GAL search needs text.
        assertEquals(SearchStatus.INVALID_REQUEST, store(calls.search(new SearchRequest(SearchRequest.GAL,
                Optional.empty(), Optional.of(""), SearchOptions.none()))).status());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void galFindsPeopleByNamePrefixAddressAndAlias(ProtocolVersion v) {
        String tag = "q" + Long.toString(System.nanoTime(), 36);
        gw.admin.directory().createUser(NewUser.of(tag + "zelda", "Zelda " + tag + "quirke",
                tag + ".zelda@example.org", "pw"));
        gw.admin.directory().createUser(NewUser.of(tag + "zeno", "Zeno " + tag + "quarles",
                tag + ".zeno@example.org", "pw"));
        String user = gw.newUser();
        SearchCalls calls = new SearchCalls(gw.client(user, "gal" + v.name(), v));

        SearchOptions options = SearchOptions.none().withRange(new Range(0, 9))
                .withPicture(new SearchOptions.Picture(Optional.of(10_000L), Optional.of(5)));
        SearchResponse.Store<MailData> both = store(calls.search(gal(tag + "q", options)));
        assertEquals(Optional.of(2), both.total());
        List<GalProperties> people = both.results().stream().map(r -> r.gal().orElseThrow()).toList();
        assertEquals(List.of("Zelda " + tag + "quirke", "Zeno " + tag + "quarles"),
                people.stream().map(p -> p.get("DisplayName").orElseThrow()).toList());
        assertEquals(Optional.of(tag + ".zelda@example.org"), people.get(0).get("EmailAddress"));
        assertEquals(Optional.of(tag + "zelda"), people.get(0).get("Alias"));
        Optional<PictureStatus> picture = v.compareTo(ProtocolVersion.V14_1) >= 0 ? Optional.of(PictureStatus.NO_PICTURE)
                : Optional.empty();
        assertEquals(picture, people.get(0).picture());

        assertEquals(Optional.of(1), store(calls.search(gal(tag + ".zeno@example.org", SearchOptions.none()))).total());
        assertEquals(Optional.of(1), store(calls.search(gal(tag + "zelda", SearchOptions.none()))).total());
        SearchResponse.Store<MailData> paged = store(calls.search(gal(tag + "q", SearchOptions.none()
                .withRange(new Range(1, 1)))));
        assertEquals(1, paged.results().size());
        assertEquals(Optional.of(2), paged.total());
        assertEquals(Optional.of(new Range(1, 1)), paged.range());
        assertEquals(Optional.of(0), store(calls.search(gal(tag + "nobody", SearchOptions.none()))).total());
    }

    private static SearchRequest gal(String text, SearchOptions o) {
        return new SearchRequest(SearchRequest.GAL, Optional.empty(), Optional.of(text), o);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V14_0", "V14_1", "V16_0", "V16_1"})
    void findsAConversation(ProtocolVersion v) {
        String user = gw.newUser();
        EntryId inbox = gw.admin.stores().openUserStore(user).folder(WellKnownFolder.INBOX);
        byte[] conversation = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) v.ordinal()};
        for (String subject : List.of("Thread start", "Re: Thread start", "Elsewhere")) {
            org.koppel.store.client.MessageContent m = SearchCalls.mail(subject, "text", "Ann", "ann@example.net",
                    user + "@example.org", T0);
            List<org.koppel.mapi.PropValue> props = new java.util.ArrayList<>(m.properties());
            if (!subject.equals("Elsewhere")) {
                props.add(org.koppel.mapi.PropValue.of(org.koppel.mapi.PropTags.PR_CONVERSATION_ID, conversation));
            }
            SearchCalls.put(gw, inbox, new org.koppel.store.client.MessageContent(props, m.recipients(),
                    m.attachments(), false));
        }
        MailboxQuery byConversation = new MailboxQuery(List.of(), List.of(), Optional.empty(),
                Optional.of(conversation), Optional.empty(), Optional.empty(), false);
        SearchCalls calls = new SearchCalls(gw.client(user, "conv" + v.name(), v));
        assertEquals(Set.of("Thread start", "Re: Thread start"), subjects(store(calls.search(mailbox(byConversation,
                SearchOptions.none().withDeepTraversal(true))))));
    }

    @Test
    void aSearchLongerThanTheTimeLimitAnswersTimedOut() throws IOException {
        try (Gateway slow = new Gateway(PingLimits.DEFAULTS, Duration.ofNanos(1))) {
            String user = slow.newUser();
            slow.deliver(user, "Timing", T0);
            for (ProtocolVersion v : List.of(ProtocolVersion.V12_1, ProtocolVersion.V14_1, ProtocolVersion.V16_1)) {
                SearchCalls calls = new SearchCalls(slow.client(user, "slow" + v.name(), v));
                assertEquals(SearchStatus.TIMED_OUT, store(calls.search(mailbox(query("timing", List.of()),
                        SearchOptions.none()))).status());
            }
        }
    }
}
