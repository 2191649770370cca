package org.koppel.store.core.engine;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SubObject;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageSearch;
import org.koppel.store.client.MessageSearchResult;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.TableRow;
import org.koppel.store.client.WellKnownFolder;

/** {@link org.koppel.store.client.Contents#search}: matches, recursion, order, paging, access and the time limit. */
public abstract class MessageSearchContract {

    protected abstract StoreServer server();

    protected abstract Session admin();

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Session alice;
    private StoreInfo store;
    private EntryId inbox;
    private EntryId sub;

    @BeforeEach
    void user() {
        alice = logon("ms");
        store = alice.stores().openOwn();
        inbox = store.folder(WellKnownFolder.INBOX);
        sub = alice.folders().create(inbox, "Projects", "IPF.Note", CollisionPolicy.FAIL);
    }

    private Session logon(String prefix) {
        String suffix = Long.toString(System.nanoTime(), 36);
        admin().directory().createUser(NewUser.of(prefix + suffix, "N", prefix + suffix + "@example.org", "pw" + suffix));
        return server().logon(new Credentials.Password(prefix + suffix, "pw" + suffix));
    }

    private static MessageContent mail(String subject, String body, int minutes, String to) {
        return new MessageContent(List.of(PropValue.of(PR_SUBJECT, subject), PropValue.of(PR_BODY, body),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, T0.plusSeconds(60L * minutes))),
                List.of(Recipient.of(RecipientType.MAPI_TO, "To " + to, to + "@example.net")), List.of(), false);
    }

    private static Restriction text(String word) {
        FuzzyLevel sub = FuzzyLevel.SUBSTRING.withIgnoreCase();
        return new Restriction.Or(List.of(
                new Restriction.Content(PR_SUBJECT, PropValue.of(PR_SUBJECT, word), sub),
                new Restriction.Content(PR_BODY, PropValue.of(PR_BODY, word), sub),
                new Restriction.SubRestriction(SubObject.RECIPIENTS,
                        new Restriction.Content(PR_SMTP_ADDRESS, PropValue.of(PR_SMTP_ADDRESS, word), sub))));
    }

    private MessageSearchResult search(Session s, List<EntryId> folders, boolean recursive, Restriction r, int offset,
            int limit) {
        return s.contents().search(new MessageSearch(folders, recursive, r, List.of(PR_SUBJECT, PR_PARENT_SOURCE_KEY),
                offset, limit, LIMIT));
    }

    private static List<String> subjects(MessageSearchResult r) {
        return r.rows().stream().map(TableRow::values).map(v -> (String) v.get(0).javaValue()).toList();
    }

    @Test
    void findsBySubjectBodyAndRecipientNewestFirstAcrossSubfolders() {
        alice.messages().create(inbox, mail("Budget 2026", "numbers", 1, "x"));
        alice.messages().create(inbox, mail("Lunch", "the BUDGET is tight", 3, "y"));
        alice.messages().create(sub, mail("Hello", "nothing", 2, "budgetcommittee"));
        alice.messages().create(sub, mail("Unrelated", "nothing", 4, "z"));

        MessageSearchResult deep = search(alice, List.of(inbox), true, text("budget"), 0, 10);
        assertTrue(deep.complete());
        assertEquals(3, deep.total());
        assertEquals(List.of("Lunch", "Hello", "Budget 2026"), subjects(deep));

        MessageSearchResult shallow = search(alice, List.of(inbox), false, text("budget"), 0, 10);
        assertEquals(List.of("Lunch", "Budget 2026"), subjects(shallow));
        assertEquals(List.of("Hello"), subjects(search(alice, List.of(sub), false, text("budget"), 0, 10)));
        assertEquals(0, search(alice, List.of(inbox), true, text("nowhere"), 0, 10).total());
    }

    @Test
    void pagesThroughTheMatchesWithTheTotal() {
        List<MessageContent> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(mail("Report " + i, "", i, "x"));
        }
        alice.messages().createAll(inbox, many);
        MessageSearchResult first = search(alice, List.of(inbox), false, text("report"), 0, 10);
        assertEquals(25, first.total());
        assertEquals("Report 24", subjects(first).get(0));
        MessageSearchResult last = search(alice, List.of(inbox), false, text("report"), 20, 10);
        assertEquals(List.of("Report 4", "Report 3", "Report 2", "Report 1", "Report 0"), subjects(last));
        assertTrue(search(alice, List.of(inbox), false, text("report"), 30, 10).rows().isEmpty());
    }

    @Test
    void anotherUsersFolderIsRefused() {
        alice.messages().create(inbox, mail("Secret plan", "", 1, "x"));
        Session bob = logon("mb");
        assertThrows(MapiException.NoAccess.class, () -> search(bob, List.of(inbox), true, text("secret"), 0, 10));
        EntryId bobsInbox = bob.stores().openOwn().folder(WellKnownFolder.INBOX);
        assertEquals(0, search(bob, List.of(bobsInbox), true, text("secret"), 0, 10).total());
    }

    @Test
    void aScanLongerThanTheTimeLimitStopsIncomplete() {
        for (int batch = 0; batch < 3; batch++) {
            List<MessageContent> many = new ArrayList<>();
            for (int i = 0; i < MessageScan.CHUNK; i++) {
                many.add(mail("Message " + i, "body", i, "x"));
            }
            alice.messages().createAll(inbox, many);
        }
        MessageSearchResult r = alice.contents().search(new MessageSearch(List.of(inbox), true, text("message"),
                List.of(PR_SUBJECT), 0, 10, Duration.ofNanos(1)));
        assertFalse(r.complete());
        assertTrue(r.rows().isEmpty());
        assertTrue(search(alice, List.of(inbox), true, text("message"), 0, 10).complete());
    }
}
