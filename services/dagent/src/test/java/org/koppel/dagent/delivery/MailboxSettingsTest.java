package org.koppel.dagent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.dagent.DagentFixture;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.RuleAction;
import org.koppel.store.api.OutOfOffice;
import org.koppel.store.api.OutOfOfficeMessage;
import org.koppel.store.api.Rules;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * The rules and out-of-office state delivery keeps per store: read once, kept while only deliveries happen,
 * read again after any change to them, whoever made it.
 */
class MailboxSettingsTest {

    private DagentFixture f;
    private MailboxSettings settings;
    private final AtomicInteger tableQueries = new AtomicInteger();
    private Session counted;
    private StoreInfo alice;

    @BeforeEach
    void start() throws Exception {
        f = DagentFixture.start();
        settings = new MailboxSettings(10);
        counted = counting(f.admin);
        alice = f.admin.stores().openUserStore("alice");
    }

    @AfterEach
    void stop() throws Exception {
        settings.close();
        f.close();
    }

    /** The session, counting the table queries made through it (reading rules or out-of-office is one each). */
    private Session counting(Session s) {
        InvocationHandler h = (proxy, method, args) -> {
            try {
                Object result = method.invoke(s, args);
                if (method.getName().equals("contents")) {
                    tableQueries.incrementAndGet();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, h);
    }

    private void deliverOrdinaryMail() {
        f.admin.messages().create(alice.folder(WellKnownFolder.INBOX), MessageContent.of(List.of(
                PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"), PropValue.of(PropTags.PR_SUBJECT, "hello"))));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void rulesAreReadOnceAndKeptWhileOnlyMailArrives() throws Exception {
        assertEquals(0, settings.rules(counted, alice).rules().size());
        int afterFirst = tableQueries.get();
        assertTrue(afterFirst > 0, "the first call reads the rules");
        for (int i = 0; i < 5; i++) {
            deliverOrdinaryMail();
        }
        Thread.sleep(200); // let the deliveries' notifications arrive
        for (int i = 0; i < 5; i++) {
            assertEquals(0, settings.rules(counted, alice).rules().size());
        }
        assertEquals(afterFirst, tableQueries.get(), "ordinary mail leaves the kept rules alone");
    }

    @Test
    void aNewRuleIsSeenByTheNextDeliveryAfterItsNotification() throws Exception {
        assertEquals(0, settings.rules(counted, alice).rules().size());
        Rules.of(f.admin, alice).add("to junk", new Restriction.Exist(PropTags.PR_SUBJECT), List.of(new RuleAction.Delete()),
                false);
        eventually(() -> settings.rules(counted, alice).rules().size() == 1);
        Rules.Table kept = settings.rules(counted, alice);
        Rules.of(f.admin, alice).disable(kept.rules().get(0).id());
        eventually(() -> !settings.rules(counted, alice).rules().get(0).enabled());
    }

    @Test
    void outOfOfficeChangesAreSeenAndTheStateIsKeptOtherwise() throws Exception {
        assertFalse(settings.outOfOffice(counted, alice).enabled());
        int afterFirst = tableQueries.get();
        deliverOrdinaryMail();
        Thread.sleep(200);
        assertFalse(settings.outOfOffice(counted, alice).enabled());
        assertEquals(afterFirst, tableQueries.get());

        OutOfOfficeMessage.of(f.admin, alice).write(new OutOfOffice(true, "Away", "Back on Monday", Optional.empty(),
                Optional.empty()));
        eventually(() -> settings.outOfOffice(counted, alice).enabled());
        assertEquals("Away", settings.outOfOffice(counted, alice).subject());
        OutOfOfficeMessage.of(f.admin, alice).write(OutOfOffice.off());
        eventually(() -> !settings.outOfOffice(counted, alice).enabled());
    }

    private List<RecipientResult> deliverOverTheAgent(String to) {
        byte[] eml = ("From: sender@example.net\r\nTo: " + to + "\r\nSubject: kept store\r\n"
                + "Message-ID: <" + System.nanoTime() + "@example.net>\r\n\r\nbody\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Resolution r = f.delivery.resolve(to);
        return f.delivery.deliver(InputStreamSource.ofBytes(eml), eml.length, "sender@example.net",
                List.of((Resolution.Mailbox) r), x -> { });
    }

    @Test
    void aStoreRecreatedSinceTheLastDeliveryIsOpenedAnew() {
        assertTrue(deliverOverTheAgent("bob@example.org").get(0).delivered()); // the agent keeps bob's store
        f.admin.directory().deleteUser("bob", true);
        f.admin.directory().createUser(NewUser.of("bob", "Bob Dylan", "bob@example.org", "bob-pw"));
        List<RecipientResult> again = deliverOverTheAgent("bob@example.org");
        assertTrue(again.get(0).delivered(), again.toString());
        assertEquals(1, f.messages("bob", WellKnownFolder.INBOX).size(), "in the new store's Inbox");
    }

    @Test
    void theBoundEvictsTheLeastRecentlyUsedStoreAndClearForgetsAll() throws Exception {
        MailboxSettings one = new MailboxSettings(1);
        try {
            StoreInfo bob = f.admin.stores().openUserStore("bob");
            one.rules(counted, alice);
            one.rules(counted, bob); // alice's entry is evicted
            int before = tableQueries.get();
            one.rules(counted, bob);
            assertEquals(before, tableQueries.get(), "bob's rules are kept");
            one.rules(counted, alice);
            assertTrue(tableQueries.get() > before, "alice's were evicted and are read again");
            one.clear();
            int cleared = tableQueries.get();
            one.rules(counted, alice);
            assertTrue(tableQueries.get() > cleared, "clear forgets what was kept");
        } finally {
            one.close();
        }
    }
}
