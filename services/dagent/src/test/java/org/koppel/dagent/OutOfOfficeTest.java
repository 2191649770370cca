package org.koppel.dagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.RecipientResult;
import org.koppel.dagent.delivery.Resolution;
import org.koppel.dagent.delivery.SpamRule;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.inetmapi.StoredMessage;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.mapi.PropTags;
import org.koppel.store.api.OutOfOffice;
import org.koppel.store.api.OutOfOfficeMessage;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.StoreInfo;

/** Out-of-office replies through the delivery pipeline on a real engine: when they go out, and when never. */
class OutOfOfficeTest {

    private DagentFixture f;

    @BeforeEach
    void start() throws IOException {
        f = DagentFixture.start();
    }

    @AfterEach
    void stop() throws IOException {
        f.close();
    }

    @Test
    void oneReplyPerSenderPerPeriodWithAutoSubmittedHeader() throws IOException {
        away("alice", new OutOfOffice(true, "", "I am away until Monday.", Optional.empty(), Optional.empty()));
        deliver(f.delivery, "plain.eml", "sender@example.net", "alice@example.org");
        deliver(f.delivery, "plain.eml", "Sender@Example.NET", "alice@example.org");
        List<QueuedMessage> queued = queued("alice");
        assertEquals(1, queued.size(), "one reply to one sender within the period");

        MessageData reply = f.admin.messages().load(queued.get(0).message());
        assertEquals("Out of office: Lunch on Friday", DagentFixture.value(reply, PropTags.PR_SUBJECT));
        assertEquals("I am away until Monday.", DagentFixture.value(reply, PropTags.PR_BODY));
        assertEquals("<lunch-2@example.net>", DagentFixture.value(reply, PropTags.PR_IN_REPLY_TO_ID));
        assertEquals("<lunch-1@example.net> <lunch-2@example.net>",
                DagentFixture.value(reply, PropTags.PR_INTERNET_REFERENCES));
        assertEquals(1, reply.recipients().size());
        assertEquals("sender@example.net", reply.recipients().get(0).email());

        String mime = mime("alice", reply);
        assertTrue(mime.contains("\r\nAuto-Submitted: auto-replied\r\n"), mime);
        assertTrue(mime.contains("\r\nIn-Reply-To: <lunch-2@example.net>\r\n"), mime);
        assertTrue(mime.contains("\r\nTo: sender@example.net\r\n"), mime);
        assertTrue(mime.contains("alice@example.org"), mime);

        // Another sender gets their own reply; the first is remembered.
        deliver(f.delivery, "plain.eml", "other@example.net", "alice@example.org");
        assertEquals(2, queued("alice").size());
        assertEquals(2, OutOfOfficeMessage.of(f.admin, store("alice")).replied().size());
    }

    @Test
    void theSameSenderIsAnsweredAgainOnceThePeriodIsOver() throws IOException {
        away("alice", new OutOfOffice(true, "Away", "Back soon.", Optional.empty(), Optional.empty()));
        try (Delivery immediate = new Delivery(f.engine, new Credentials.Service("koppel-dagent", DagentFixture.SECRET,
                ""), new SpamRule("X-Spam-Status", "Yes"), f.dir(), Duration.ZERO)) {
            deliver(immediate, "plain.eml", "sender@example.net", "alice@example.org");
            deliver(immediate, "plain.eml", "sender@example.net", "alice@example.org");
        }
        assertEquals(2, queued("alice").size());
        assertEquals(1, OutOfOfficeMessage.of(f.admin, store("alice")).replied().size(), "one entry per sender");
        assertEquals("Away", DagentFixture.value(f.admin.messages().load(queued("alice").get(0).message()),
                PropTags.PR_SUBJECT));
    }

    @Test
    void neverToListsBulkAutomaticOwnOrNullSenders() throws IOException {
        away("alice", new OutOfOffice(true, "", "Away.", Optional.empty(), Optional.empty()));
        deliver(f.delivery, "list.eml", "koppel-users-bounces@lists.example.net", "alice@example.org");
        deliver(f.delivery, "unsubscribe.eml", "bounces@shop.example.net", "alice@example.org");
        deliver(f.delivery, "bulk.eml", "sender@example.net", "alice@example.org");
        deliver(f.delivery, "autoreplied.eml", "sender@example.net", "alice@example.org");
        deliver(f.delivery, "own.eml", "al@example.org", "alice@example.org");
        deliver(f.delivery, "own.eml", "relay@example.net", "alice@example.org"); // From: her alias
        deliver(f.delivery, "plain.eml", "", "alice@example.org");
        deliver(f.delivery, "plain.eml", "MAILER-DAEMON@mx.example.net", "alice@example.org");
        assertEquals(8, f.messages("alice", org.koppel.store.client.WellKnownFolder.INBOX).size(), "all delivered");
        assertEquals(List.of(), queued("alice"));
        assertEquals(List.of(), OutOfOfficeMessage.of(f.admin, store("alice")).replied());
    }

    @Test
    void onlyInsideTheWindowAndOnlyWhenEnabled() throws IOException {
        Instant now = Instant.now();
        away("alice", new OutOfOffice(true, "", "Away.", Optional.of(now.plus(Duration.ofDays(1))), Optional.empty()));
        deliver(f.delivery, "plain.eml", "early@example.net", "alice@example.org");
        away("alice", new OutOfOffice(true, "", "Away.", Optional.empty(), Optional.of(now.minus(Duration.ofDays(1)))));
        deliver(f.delivery, "plain.eml", "late@example.net", "alice@example.org");
        away("alice", new OutOfOffice(false, "", "Away.", Optional.empty(), Optional.empty()));
        deliver(f.delivery, "plain.eml", "off@example.net", "alice@example.org");
        deliver(f.delivery, "plain.eml", "nobody@example.net", "bob@example.org"); // bob never set one
        assertEquals(List.of(), queued("alice"));
        assertEquals(List.of(), queued("bob"));

        away("alice", new OutOfOffice(true, "", "Away.", Optional.of(now.minus(Duration.ofHours(1))),
                Optional.of(now.plus(Duration.ofHours(1)))));
        deliver(f.delivery, "plain.eml", "inside@example.net", "alice@example.org");
        assertEquals(1, queued("alice").size());
    }

    @Test
    void insideAndOutsideSendersGetTheirOwnTextOrNone() throws IOException {
        away("alice", new OutOfOffice(true, "", "Ask Bob.", Optional.empty(), Optional.empty(), true,
                OutOfOffice.ExternalAudience.ALL, "I am away."));
        deliver(f.delivery, "plain.eml", "colleague@example.org", "alice@example.org"); // her own domain
        deliver(f.delivery, "plain.eml", "stranger@example.net", "alice@example.org");
        List<QueuedMessage> replies = queued("alice");
        assertEquals(2, replies.size());
        assertEquals(List.of("Ask Bob.", "I am away."), replies.stream().map(q -> (String) DagentFixture.value(
                f.admin.messages().load(q.message()), PropTags.PR_BODY)).sorted().toList());

        away("alice", new OutOfOffice(true, "", "Ask Bob.", Optional.empty(), Optional.empty(), false,
                OutOfOffice.ExternalAudience.ALL, ""));
        deliver(f.delivery, "plain.eml", "colleague2@example.org", "alice@example.org");
        assertEquals(2, queued("alice").size(), "inside senders are not answered");
        deliver(f.delivery, "plain.eml", "stranger2@example.net", "alice@example.org");
        assertEquals(3, queued("alice").size(), "outside ones are, with the only text there is");

        for (OutOfOffice.ExternalAudience outside : List.of(OutOfOffice.ExternalAudience.NONE,
                OutOfOffice.ExternalAudience.KNOWN)) {
            away("alice", new OutOfOffice(true, "", "Ask Bob.", Optional.empty(), Optional.empty(), true, outside,
                    "I am away."));
            deliver(f.delivery, "plain.eml", "stranger3-" + outside + "@example.net", "alice@example.org");
            assertEquals(3, queued("alice").size(), outside + ": no outside sender is answered");
        }
    }

    @Test
    void settingsRoundTripThroughTheStore() {
        OutOfOfficeMessage stored = OutOfOfficeMessage.of(f.admin, store("alice"));
        assertEquals(OutOfOffice.off(), stored.read());
        Instant from = Instant.parse("2026-07-01T00:00:00Z");
        OutOfOffice on = new OutOfOffice(true, "Holiday", "Back in August.", Optional.of(from),
                Optional.of(Instant.parse("2026-08-01T00:00:00Z")));
        stored.write(on);
        assertEquals(on, stored.read());
        OutOfOffice open = new OutOfOffice(true, "Holiday", "Back some day.", Optional.of(from), Optional.empty());
        stored.write(open);
        assertEquals(open, stored.read(), "the end is removed");
        stored.write(open.disabled());
        assertFalse(stored.read().enabled());
        OutOfOffice audience = new OutOfOffice(true, "", "Inside.", Optional.empty(), Optional.empty(), false,
                OutOfOffice.ExternalAudience.KNOWN, "Outside.");
        stored.write(audience);
        assertEquals(audience, stored.read());
        assertEquals(1, f.admin.contents().query(store("alice").folder(org.koppel.store.client.WellKnownFolder.ROOT),
                new org.koppel.store.client.TableQuery(List.of(PropTags.PR_ENTRYID), Optional.empty(),
                        org.koppel.mapi.SortOrderSet.none(), 0, 10, true)).totalRows(), "one hidden message");
    }

    @Test
    void rememberedSendersAreBounded() {
        OutOfOfficeMessage stored = OutOfOfficeMessage.of(f.admin, store("alice"));
        stored.write(new OutOfOffice(true, "", "Away.", Optional.empty(), Optional.empty()));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < OutOfOfficeMessage.MAX_REMEMBERED + 5; i++) {
            assertTrue(stored.claimReply("s" + i + "@example.net", t.plusSeconds(i), Duration.ofDays(1)));
        }
        List<String> replied = stored.replied();
        assertEquals(OutOfOfficeMessage.MAX_REMEMBERED, replied.size());
        assertTrue(replied.get(0).endsWith(" s5@example.net"), replied.get(0));
        assertFalse(stored.claimReply("s7@example.net", t.plusSeconds(2000), Duration.ofDays(1)));
        assertTrue(stored.claimReply("s0@example.net", t.plusSeconds(2000), Duration.ofDays(1)), "forgotten");
    }

    private void away(String login, OutOfOffice oof) {
        OutOfOfficeMessage.of(f.admin, store(login)).write(oof);
    }

    private StoreInfo store(String login) {
        return f.admin.stores().openUserStore(login);
    }

    private List<QueuedMessage> queued(String login) {
        return f.admin.outgoing().pending(1000).stream().filter(q -> q.ownerLogin().equals(login)).toList();
    }

    private String mime(String login, MessageData reply) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MimeWriter(new StoreNamedTags(f.admin, store(login).entryId()))
                .write(new StoredMessage(f.admin, reply.entryId()), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void deliver(Delivery delivery, String file, String sender, String to) throws IOException {
        byte[] eml;
        try (InputStream in = OutOfOfficeTest.class.getResourceAsStream("/oof/" + file)) {
            eml = in.readAllBytes();
        }
        Resolution.Mailbox mailbox = (Resolution.Mailbox) delivery.resolve(to);
        List<RecipientResult> results = delivery.deliver(InputStreamSource.ofBytes(eml), eml.length, sender,
                List.of(mailbox), r -> { });
        assertTrue(results.get(0).delivered(), results.toString());
    }
}
