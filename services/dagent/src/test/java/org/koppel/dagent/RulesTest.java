package org.koppel.dagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.RuleSettings;
import org.koppel.dagent.delivery.SpamRule;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.dagent.plugin.DeliveryPlugin;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.inetmapi.StoredMessage;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.RuleAction;
import org.koppel.store.api.Folder;
import org.koppel.store.api.Importance;
import org.koppel.store.api.Rule;
import org.koppel.store.api.RuleCondition;
import org.koppel.store.api.Rules;
import org.koppel.store.api.Server;
import org.koppel.store.api.Store;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.WellKnownFolder;

/**
 * Inbox rules through LMTP on a real socket and a real engine: every condition kind, every action kind, stop
 * processing, the forward whitelist, the loop guard, and a rule that cannot be evaluated.
 */
class RulesTest {

    private DagentFixture f;
    private Delivery delivery;
    private LmtpServer lmtp;
    private Server server;

    @BeforeEach
    void start() throws Exception {
        f = DagentFixture.start();
        server = new Server(f.admin);
        startAgent(new RuleSettings(List.of("example.com", "*.example.net"), 3), List.of());
    }

    private void startAgent(RuleSettings settings, List<DeliveryPlugin> plugins) throws Exception {
        if (lmtp != null) {
            lmtp.close(Duration.ofSeconds(5));
            delivery.close();
        }
        delivery = new Delivery(f.engine, new Credentials.Service("koppel-dagent", DagentFixture.SECRET, ""),
                new SpamRule("X-Spam-Status", "Yes"), f.dir(), Duration.ofDays(1), settings, plugins);
        lmtp = LmtpServer.start(f.config(), delivery);
    }

    @AfterEach
    void stop() throws IOException {
        lmtp.close(Duration.ofSeconds(5));
        delivery.close();
        f.close();
    }

    private Store alice() {
        return server.user("alice").store();
    }

    private Rules rules() {
        return alice().rules();
    }

    private RuleAction.Move moveTo(Folder folder) {
        return new RuleAction.Move(folder.store().entryId(), folder.entryId());
    }

    static String eml(String name) throws IOException {
        try (InputStream in = RulesTest.class.getResourceAsStream("/rules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> send(String file, String... to) throws IOException {
        try (LmtpClient c = new LmtpClient(lmtp.port())) {
            return c.send("sender@example.net", List.of(to), eml(file));
        }
    }

    private static List<String> subjects(Folder folder) {
        return folder.items().iterator().hasNext()
                ? java.util.stream.StreamSupport.stream(folder.items().spliterator(), false)
                        .map(i -> i.subject()).toList()
                : List.of();
    }

    private List<QueuedMessage> queued(String login) {
        return f.admin.outgoing().pending(1000).stream().filter(q -> q.ownerLogin().equals(login)).toList();
    }

    private String mime(String login, QueuedMessage q) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MimeWriter(new StoreNamedTags(f.admin, f.admin.stores().openUserStore(login).entryId()))
                .write(new StoredMessage(f.admin, q.message()), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyConditionKindRoutesItsMessage() throws IOException {
        Folder inbox = alice().inbox();
        Map<String, RuleCondition> conditions = new java.util.LinkedHashMap<>();
        conditions.put("from", new RuleCondition.From("boss@example.com"));
        conditions.put("to-cc", new RuleCondition.ToOrCcContains("team@lists"));
        conditions.put("subject", new RuleCondition.SubjectContains("QUARTERLY"));
        conditions.put("body", new RuleCondition.BodyContains("bring the budget"));
        conditions.put("header", new RuleCondition.HeaderContains("X-Project", "apollo"));
        conditions.put("larger", new RuleCondition.LargerThan(400));
        conditions.put("attachment", new RuleCondition.HasAttachment());
        conditions.put("importance", new RuleCondition.WithImportance(Importance.HIGH));
        conditions.put("only-me", new RuleCondition.SentOnlyToMe());
        // Each rule alone, then one message that should and one that should not match.
        Map<String, List<String>> expect = Map.of(
                "from", List.of("shared.eml", "plain.eml"),
                "to-cc", List.of("shared.eml", "plain.eml"),
                "subject", List.of("plain.eml", "shared.eml"),
                "body", List.of("shared.eml", "plain.eml"),
                "header", List.of("shared.eml", "plain.eml"),
                "larger", List.of("attachment.eml", "plain.eml"),
                "attachment", List.of("attachment.eml", "shared.eml"),
                "importance", List.of("shared.eml", "plain.eml"),
                "only-me", List.of("plain.eml", "shared.eml"));
        for (var e : conditions.entrySet()) {
            Folder target = inbox.createFolder("by-" + e.getKey());
            Rule rule = rules().add(e.getKey(), e.getValue().restriction(), List.of(moveTo(target)), false);
            List<String> files = expect.get(e.getKey());
            assertTrue(send(files.get(0), "alice@example.org").get(0).startsWith("250"));
            assertTrue(send(files.get(1), "alice@example.org").get(0).startsWith("250"));
            assertEquals(1, target.count(), e.getKey() + " should take " + files.get(0) + " only");
            String moved = subjects(target).get(0);
            assertEquals(eml(files.get(0)).lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow()
                    .substring(9), moved, e.getKey());
            rules().remove(rule.id());
        }
        assertEquals(conditions.size(), inbox.count(), "each second message stayed in the Inbox");
    }

    @Test
    void markReadImportanceCategoryAndCopyToAnotherStore() throws IOException {
        Store bob = server.user("bob").store();
        Folder shared = bob.inbox().createFolder("From Alice's rules");
        PropTag keywords = f.admin.namedProperties().tag(alice().entryId(),
                NamedProperty.name(PropertySets.PS_PUBLIC_STRINGS, "Keywords"), PropType.PT_MV_UNICODE);
        rules().add("tag", new RuleCondition.SubjectContains("quarterly").restriction(), List.of(
                new RuleAction.MarkAsRead(), new RuleAction.Tag(PropValue.of(PropTags.PR_IMPORTANCE, 2)),
                new RuleAction.Tag(PropValue.of(keywords, List.of("Finance"))),
                new RuleAction.Copy(bob.entryId(), shared.entryId())), false);
        assertTrue(send("plain.eml", "alice@example.org").get(0).startsWith("250"));
        MessageData m = f.messages("alice", WellKnownFolder.INBOX).get(0);
        assertEquals(MessageFlags.MSGFLAG_READ.value(),
                ((Integer) DagentFixture.value(m, PropTags.PR_MESSAGE_FLAGS)) & MessageFlags.MSGFLAG_READ.value());
        assertEquals(2, DagentFixture.value(m, PropTags.PR_IMPORTANCE));
        assertEquals(List.of("Finance"), DagentFixture.value(m, keywords));
        assertEquals(List.of("Quarterly numbers"), subjects(shared), "the copy in bob's store");
    }

    @Test
    void deleteAndStopProcessing() throws IOException {
        Folder first = alice().inbox().createFolder("First");
        rules().add("first", new RuleCondition.From("sender@").restriction(), List.of(moveTo(first)), true);
        rules().add("never", new RuleCondition.From("sender@").restriction(), List.of(new RuleAction.Delete()), false);
        assertTrue(send("plain.eml", "alice@example.org").get(0).startsWith("250"));
        assertEquals(1, first.count(), "the first rule moved it and stopped");

        Rule stop = rules().list().get(0);
        rules().disable(stop.id());
        List<String> replies = send("plain.eml", "alice@example.org");
        assertTrue(replies.get(0).startsWith("250") && replies.get(0).contains("deleted by a rule"), replies.get(0));
        assertEquals(1, first.count());
        assertEquals(0, alice().inbox().count(), "deleted, not delivered");
        assertFalse(rules().list().get(0).enabled());
    }

    @Test
    void forwardRedirectAttachmentAndTemplateReply() throws IOException {
        rules().add("fwd", new RuleCondition.SubjectContains("quarterly").restriction(), List.of(
                RuleAction.Forward.to(List.of("accountant@example.com"), 0),
                RuleAction.Forward.to(List.of("archive@mail.example.net"), RuleAction.Forward.FWD_PRESERVE_SENDER
                        | RuleAction.Forward.FWD_DO_NOT_MUNGE_MSG),
                RuleAction.Forward.to(List.of("bob@example.org"), RuleAction.Forward.FWD_AS_ATTACHMENT),
                rules().replyTemplate("Thanks", "Your numbers arrived.")), false);
        assertTrue(send("plain.eml", "alice@example.org").get(0).startsWith("250"));
        List<QueuedMessage> out = queued("alice");
        assertEquals(4, out.size());
        Map<String, String> byTo = new java.util.HashMap<>();
        for (QueuedMessage q : out) {
            MessageData m = f.admin.messages().load(q.message());
            byTo.put(m.recipients().get(0).email(), mime("alice", q));
            if (m.recipients().get(0).email().equals("bob@example.org")) {
                assertEquals(1, m.attachments().size());
                AttachmentInfo a = m.attachments().get(0);
                assertTrue(a.properties().stream().anyMatch(p -> p.tag().equals(PropTags.PR_ATTACH_METHOD)
                        && Integer.valueOf(5).equals(p.javaValue())), "embedded message");
            }
        }
        String fwd = byTo.get("accountant@example.com");
        assertTrue(fwd.contains("Subject: FW: Quarterly numbers"), fwd);
        assertTrue(fwd.contains("Auto-Submitted: auto-generated; koppel-hops=1"), fwd);
        assertTrue(fwd.contains("Here are the numbers you asked for."), fwd);
        String redirect = byTo.get("archive@mail.example.net");
        assertTrue(redirect.contains("Subject: Quarterly numbers"), redirect);
        String reply = byTo.get("sender@example.net");
        assertTrue(reply.contains("Subject: Thanks") && reply.contains("Your numbers arrived."), reply);
        assertTrue(reply.contains("Auto-Submitted: auto-replied"), reply);
        // The original was delivered as usual.
        assertEquals(1, alice().inbox().count());
        // Removing the rule removes its template.
        rules().remove(rules().list().get(0).id());
        assertEquals(0, f.admin.contents().query(alice().inbox().entryId(), new org.koppel.store.client.TableQuery(
                List.of(PropTags.PR_ENTRYID), java.util.Optional.empty(), org.koppel.mapi.SortOrderSet.none(), 0, 10,
                true)).rows().size(), "no rule or template left");
    }

    @Test
    void forwardOutsideTheWhitelistIsRefused() throws IOException {
        rules().add("leak", Restriction.and(), List.of(RuleAction.Forward.to(List.of("me@gmail.test"), 0)), false);
        assertTrue(send("plain.eml", "alice@example.org").get(0).startsWith("250"));
        assertEquals(0, queued("alice").size(), "nothing goes to a domain not on the whitelist");
        assertEquals(1, alice().inbox().count(), "the message itself is delivered");
    }

    @Test
    void loopGuardStopsForwardingAfterTheHopLimit() throws IOException {
        rules().add("fwd", Restriction.and(), List.of(RuleAction.Forward.to(List.of("x@example.com"), 0)), false);
        assertTrue(send("looped.eml", "alice@example.org").get(0).startsWith("250"));
        assertEquals(0, queued("alice").size(), "three hops made already: not forwarded again");
        assertTrue(send("plain.eml", "alice@example.org").get(0).startsWith("250"));
        assertEquals(1, queued("alice").size());
        assertEquals(2, alice().inbox().count());
    }

    @Test
    void aRuleThatCannotBeEvaluatedIsSkippedAndMarked() throws IOException {
        Folder target = alice().inbox().createFolder("Never");
        // Exponential backtracking (which the JDK does not memoize away for a counted group): the evaluator's
        // step budget ends it with MAPI_E_TOO_COMPLEX.
        rules().add("bad", Restriction.regex(PropTags.PR_SUBJECT, "(.*x){20}y"), List.of(moveTo(target)), false);
        Folder later = alice().inbox().createFolder("Later");
        rules().add("later", new RuleCondition.From("sender@example.net").restriction(), List.of(moveTo(later)), false);
        assertTrue(send("backtrack.eml", "alice@example.org").get(0).startsWith("250"));
        assertEquals(0, target.count());
        assertEquals(1, later.count(), "the rules after it still ran");
        assertTrue(rules().list().get(0).error(), "marked ST_ERROR");
    }
}
