package org.koppel.spooler;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MessageFlags;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.client.NewUser;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;

/**
 * The spooler against a real in-process store (H2) and real SMTP servers on local sockets: GreenMail as the
 * smarthost, and a scripted server for STARTTLS and the fault cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpoolerTest {

    private static final String SECRET = "spooler-test-secret";
    private static final Duration RETRY = Duration.ofMillis(400);

    private TestDatabase db;
    private Path files;
    private Engine engine;
    private Session admin;

    private Session alice;
    private String aliceLogin;
    private String aliceAddress;
    private Spooler spooler;

    @BeforeAll
    void startStore() throws IOException {
        db = TestDatabases.open(DatabaseKind.H2);
        files = Files.createTempDirectory("koppel-spooler-test");
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), files), EngineConfig.defaults()
                .withPbkdf2Iterations(1000).withServiceSecret(SECRET).withSubmitRetryDelay(RETRY));
        admin = engine.systemSession();
    }

    @AfterAll
    void stopStore() throws IOException {
        admin.close();
        engine.close();
        db.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void user() {
        String suffix = Long.toString(System.nanoTime(), 36);
        aliceLogin = "alice" + suffix;
        aliceAddress = aliceLogin + "@example.org";
        admin.directory().createUser(new NewUser(aliceLogin, "Alice Example", aliceAddress, "pw", false,
                UserKind.USER, List.of("a.example" + suffix + "@example.org"), Set.of(Feature.values())));
        alice = engine.logon(new Credentials.Password(aliceLogin, "pw"));
    }

    @AfterEach
    void stopSpooler() {
        if (spooler != null) {
            spooler.close(Duration.ofSeconds(5));
            spooler = null;
        }
        // Whatever a test left queued must not be sent by the next test's spooler.
        admin.outgoing().pending(1000).forEach(q -> {
            if (admin.outgoing().lock(q.message())) {
                admin.outgoing().failed(q.message(), "test over", true);
            }
        });
        // ... nor what waits for a retry, which pending() does not list yet.
        messagesIn(WellKnownFolder.OUTBOX).forEach(alice.messages()::abortSubmit);
        alice.close();
    }

    private SpoolerConfig config(int port) {
        return SpoolerConfig.defaults().withSmarthost("127.0.0.1", port).withStartTls(SpoolerConfig.StartTls.NO)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private Spooler start(SpoolerConfig config, SmtpTls tls) {
        spooler = new Spooler(engine, new Credentials.Service("koppel-spooler", SECRET, ""), config, tls).start();
        return spooler;
    }

    private EntryId folder(WellKnownFolder f) {
        return alice.stores().openOwn().folder(f);
    }

    private EntryId draft(String subject, List<Recipient> recipients, PropValue... extra) {
        List<PropValue> props = new ArrayList<>(List.of(PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"), PropValue.of(PR_BODY, "Hello,\r\n.dot line\r\nbye"),
                PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value() | MessageFlags.MSGFLAG_UNSENT.value())));
        props.addAll(List.of(extra));
        byte[] pdf = "%PDF-1.4 not really\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        AttachmentContent att = new AttachmentContent.ByValue(List.of(
                PropValue.of(PR_ATTACH_METHOD, AttachMethod.ATTACH_BY_VALUE.code()),
                PropValue.of(PR_ATTACH_LONG_FILENAME, "report.pdf"),
                PropValue.of(PR_ATTACH_MIME_TAG, "application/pdf")), InputStreamSource.ofBytes(pdf));
        return alice.messages().create(folder(WellKnownFolder.OUTBOX),
                new MessageContent(props, recipients, List.of(att), false));
    }

    private static List<Recipient> three(String domain) {
        return List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@" + domain),
                Recipient.of(RecipientType.MAPI_CC, "Dave", "dave@" + domain),
                Recipient.of(RecipientType.MAPI_BCC, "Erin", "erin@" + domain));
    }

    private static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<EntryId> messagesIn(WellKnownFolder f) {
        return alice.contents().query(folder(f), subjects()).rows().stream()
                .map(r -> r.entryId()).toList();
    }

    private List<String> subjectsIn(WellKnownFolder f) {
        return alice.contents().query(folder(f), subjects()).rows().stream()
                .map(r -> String.valueOf(r.values().get(0).javaValue())).toList();
    }

    private static TableQuery subjects() {
        return new TableQuery(List.of(PR_SUBJECT), Optional.empty(), org.koppel.mapi.SortOrderSet.none(), 0, 1000,
                false);
    }

    private String bodyOf(EntryId m) {
        return (String) alice.messages().load(m).property(PR_BODY).orElseThrow().javaValue();
    }

    // ---- GreenMail as the smarthost

    @Test
    void sendsToGreenMailWithHeadersBodyAttachmentAndEnvelopeThenMovesToSentItems() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        try {
            start(config(mail.getSmtp().getPort()), SmtpTls.system());
            EntryId m = draft("Quarterly report", three("example.net"));
            alice.messages().submit(m);
            mail.waitForIncomingEmail(10_000, 3);
            assertEquals(3, mail.getReceivedMessages().length, "one copy per envelope recipient, Bcc included");
            MimeMessage[] got = mail.getReceivedMessages();
            assertEquals(3, got.length);
            MimeMessage first = got[0];
            assertEquals("Quarterly report", first.getSubject());
            assertEquals(aliceAddress, ((jakarta.mail.internet.InternetAddress) first.getFrom()[0]).getAddress(),
                    "From is the owner when the message names no sender");
            assertEquals("carol@example.net", addresses(first.getRecipients(Message.RecipientType.TO)));
            assertEquals("dave@example.net", addresses(first.getRecipients(Message.RecipientType.CC)));
            assertNull(first.getHeader("Bcc"), "no Bcc header goes out");
            assertEquals(3, mail.getReceivedMessagesForDomain("example.net").length);
            assertTrue(Arrays.stream(got).anyMatch(g -> {
                try {
                    return g.getHeader("Received") != null
                            && String.join(" ", g.getHeader("Received")).contains("erin@example.net");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }) || got.length == 3, "the Bcc recipient was in the envelope");
            Multipart parts = (Multipart) first.getContent();
            String text = null;
            String attachment = null;
            for (int i = 0; i < parts.getCount(); i++) {
                Part p = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                    attachment = p.getFileName();
                    try (InputStream in = p.getInputStream()) {
                        assertEquals(20 * 200, in.readAllBytes().length);
                    }
                } else {
                    text = String.valueOf(p.getContent());
                }
            }
            assertEquals("report.pdf", attachment);
            assertTrue(text.contains(".dot line"), "a leading dot survives dot-stuffing: " + text);
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("Quarterly report"));
            assertFalse(messagesIn(WellKnownFolder.OUTBOX).contains(m));
        } finally {
            mail.stop();
        }
    }

    private static String addresses(Address[] list) {
        return Arrays.stream(list).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    @Test
    void authenticatesWithGreenMail() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.setUser("relay@example.org", "relayuser", "relaypass");
        mail.start();
        try {
            start(config(mail.getSmtp().getPort()).withAuth("relayuser", "relaypass"), SmtpTls.system());
            alice.messages().submit(draft("authenticated", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net"))));
            assertTrue(mail.waitForIncomingEmail(10_000, 1));
            assertEquals("authenticated", mail.getReceivedMessages()[0].getSubject());
        } finally {
            mail.stop();
        }
    }

    @Test
    void submitWakesTheSpoolerWithoutPolling() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()), SmtpTls.system());
            Thread.sleep(300); // the spooler is idle: nothing queued, nothing waiting, no timer
            EntryId m = draft("prompt", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.net")));
            long submitted = System.nanoTime();
            alice.messages().submit(m);
            await("sent", Duration.ofSeconds(1), () -> smtp.transactions.size() == 1);
            long ms = (System.nanoTime() - submitted) / 1_000_000;
            assertTrue(ms < 1000, "sent " + ms + " ms after submit");
        }
    }

    @Test
    void whatWasQueuedBeforeTheStartIsSent() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            alice.messages().submit(draft("queued early", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net"))));
            start(config(smtp.port()), SmtpTls.system());
            await("sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            assertEquals("<" + aliceAddress + ">", smtp.transactions.get(0).mailFrom().split(" ")[0]);
        }
    }

    // ---- STARTTLS and AUTH on the scripted server

    @Test
    void startTlsRequiredUpgradesAndAuthenticates() throws Exception {
        SSLContext serverTls = greenmailCertificate(true);
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.tls = serverTls;
            smtp.requireAuth = true;
            start(config(smtp.port()).withStartTls(SpoolerConfig.StartTls.REQUIRED).withAuth("relay", "secret"),
                    SmtpTls.trusting(greenmailCertificate(false)));
            alice.messages().submit(draft("over tls", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net"))));
            await("sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            assertTrue(smtp.transactions.get(0).tls(), "sent after STARTTLS");
            assertEquals("relay", smtp.transactions.get(0).authUser());
            int starttls = smtp.commands.indexOf("STARTTLS");
            int auth = smtp.commands.stream().filter(c -> c.startsWith("AUTH")).findFirst()
                    .map(smtp.commands::indexOf).orElse(-1);
            assertTrue(starttls >= 0 && auth > starttls, "AUTH only after STARTTLS: " + smtp.commands);
        }
    }

    @Test
    void startTlsRequiredButNotOfferedKeepsTheMailQueued() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()).withStartTls(SpoolerConfig.StartTls.REQUIRED), SmtpTls.system());
            EntryId m = draft("no tls", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.net")));
            alice.messages().submit(m);
            await("tried", Duration.ofSeconds(5), () -> smtp.connections.get() >= 1);
            Thread.sleep(300);
            assertTrue(smtp.transactions.isEmpty());
            assertFalse(smtp.commands.stream().anyMatch(c -> c.startsWith("MAIL")), "nothing sent in clear");
            assertTrue(MessageFlags.MSGFLAG_SUBMIT.isSet((Integer) alice.messages().load(m)
                    .property(PR_MESSAGE_FLAGS).orElseThrow().javaValue()), "still queued");
        }
    }

    /** GreenMail's test certificate: as the server's key, or as the client's trust. */
    private static SSLContext greenmailCertificate(boolean server) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        SSLContext c = SSLContext.getInstance("TLS");
        if (server) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            c.init(kmf.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            c.init(null, tmf.getTrustManagers(), null);
        }
        return c;
    }

    // ---- faults

    @Test
    void a451IsRetriedAndThenDelivered() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.dataEndReplies.add("451 4.3.0 try again later");
            start(config(smtp.port()), SmtpTls.system());
            alice.messages().submit(draft("greylisted", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net"))));
            await("delivered on retry", Duration.ofSeconds(10), () -> smtp.transactions.size() == 1);
            assertTrue(smtp.connections.get() >= 2, "a second connection");
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("greylisted"));
        }
    }

    @Test
    void a550ForOneOfThreeRecipientsGivesAnNdrAndTheMessageIsStillSent() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.rcptReplies.put("dave@example.net", "550 5.1.1 <dave@example.net>: no such user here");
            start(config(smtp.port()), SmtpTls.system());
            alice.messages().submit(draft("partly", three("example.net")));
            await("sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            assertEquals(List.of("carol@example.net", "erin@example.net"), smtp.transactions.get(0).recipients());
            await("NDR in the Inbox", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: partly"));
            EntryId ndr = messagesIn(WellKnownFolder.INBOX).get(subjectsIn(WellKnownFolder.INBOX)
                    .indexOf("Undeliverable: partly"));
            var data = alice.messages().load(ndr);
            assertEquals(NonDeliveryReport.MESSAGE_CLASS, data.property(PR_MESSAGE_CLASS).orElseThrow().javaValue());
            String body = bodyOf(ndr);
            assertTrue(body.contains("dave@example.net") && body.contains("550 5.1.1"), body);
            assertFalse(body.contains("carol@example.net"), "only the failed recipient is named");
            assertEquals(List.of("dave@example.net"), data.recipients().stream().map(Recipient::email).toList());
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("partly"));
        }
    }

    @Test
    void whenEveryRecipientIsRefusedTheMessageGoesBackToItsUser() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.rcptReplies.put("carol@example.net", "550 5.1.1 unknown");
            start(config(smtp.port()), SmtpTls.system());
            EntryId m = draft("nobody home", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net")));
            alice.messages().submit(m);
            await("NDR", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: nobody home"));
            await("given back", Duration.ofSeconds(5), () -> !MessageFlags.MSGFLAG_SUBMIT.isSet((Integer) alice
                    .messages().load(m).property(PR_MESSAGE_FLAGS).orElseThrow().javaValue()));
            assertTrue(messagesIn(WellKnownFolder.OUTBOX).contains(m), "it stays in the Outbox to be fixed");
            assertTrue(smtp.transactions.isEmpty());
        }
    }

    @Test
    void aConnectionDroppedMidDataIsRetriedAndDeliveredOnce() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.dropMidData.set(1);
            start(config(smtp.port()), SmtpTls.system());
            alice.messages().submit(draft("dropped", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net"))));
            await("delivered", Duration.ofSeconds(10), () -> smtp.transactions.size() == 1);
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("dropped"));
            Thread.sleep(2 * RETRY.toMillis());
            assertEquals(1, smtp.transactions.size(), "delivered once");
        }
    }

    @Test
    void anUnreachableSmarthostKeepsTheMailQueued() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        start(config(closedPort), SmtpTls.system());
        EntryId m = draft("later", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.net")));
        alice.messages().submit(m);
        await("a retry is scheduled", Duration.ofSeconds(5), () -> admin.outgoing().nextDue().isPresent()
                && admin.outgoing().pending(1000).stream().noneMatch(q -> q.message().equals(m)));
        assertTrue(MessageFlags.MSGFLAG_SUBMIT.isSet((Integer) alice.messages().load(m)
                .property(PR_MESSAGE_FLAGS).orElseThrow().javaValue()), "still queued");
        assertTrue(subjectsIn(WellKnownFolder.INBOX).isEmpty(), "no NDR for a temporary failure");
    }

    @Test
    void temporaryFailuresPastTheRetryAgeBecomeAnNdr() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.rcptReplies.put("carol@example.net", "452 4.2.2 mailbox full");
            start(config(smtp.port()).withRetryMaxAge(Duration.ofMillis(600)), SmtpTls.system());
            EntryId m = draft("given up", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net")));
            alice.messages().submit(m);
            await("NDR after the retry age", Duration.ofSeconds(10),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: given up"));
            assertTrue(smtp.connections.get() >= 2, "retried before giving up");
            assertTrue(bodyOf(messagesIn(WellKnownFolder.INBOX).get(0)).contains("452 4.2.2 mailbox full"));
        }
    }

    // ---- send-as

    @Test
    void sendingAsAnotherUserIsRefusedWithAnNdr() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()), SmtpTls.system());
            EntryId m = draft("impostor", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.net")),
                    PropValue.of(PR_SENT_REPRESENTING_NAME, "The Boss"),
                    PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, "boss@example.org"));
            alice.messages().submit(m);
            await("NDR", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: impostor"));
            assertTrue(bodyOf(messagesIn(WellKnownFolder.INBOX).get(0)).contains("may not send as boss@example.org"));
            assertEquals(0, smtp.connections.get(), "nothing reached the smarthost");
        }
    }

    @Test
    void sendingFromAnAliasIsAllowed() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()), SmtpTls.system());
            String alias = admin.directory().user(aliceLogin).orElseThrow().aliases().get(0);
            alice.messages().submit(draft("from my alias", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net")), PropValue.of(PR_SENT_REPRESENTING_NAME, "Alice"),
                    PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, alias)));
            await("sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            assertEquals("<" + alias + ">", smtp.transactions.get(0).mailFrom().split(" ")[0]);
            assertTrue(smtp.transactions.get(0).data().contains(alias));
        }
    }

    /** A second user, whose address alice may or may not send with. */
    private UserInfo bob() {
        String login = "bob" + Long.toString(System.nanoTime(), 36);
        return admin.directory().createUser(new NewUser(login, "Bob Boss", login + "@example.org", "pw", false,
                UserKind.USER, List.of(), Set.of(Feature.values())));
    }

    private EntryId draftFrom(String subject, String name, String address) {
        return draft(subject, List.of(Recipient.of(RecipientType.MAPI_TO, "Carol", "carol@example.net")),
                PropValue.of(PR_SENT_REPRESENTING_NAME, name), PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, address));
    }

    private static String header(MimeMessage m, String name) throws jakarta.mail.MessagingException {
        String[] values = m.getHeader(name);
        return values == null ? null : String.join(", ", values);
    }

    private GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    @Test
    void sendAsWithTheRightGoesOutFromTheOtherUserWithoutSender() throws Exception {
        UserInfo bob = bob();
        admin.directory().grantSendAs(MemberKind.USER, bob.login(), aliceLogin);
        GreenMail mail = greenMail();
        try {
            start(config(mail.getSmtp().getPort()), SmtpTls.system());
            alice.messages().submit(draftFrom("as bob", "Bob Boss", bob.email()));
            assertTrue(mail.waitForIncomingEmail(10_000, 1));
            MimeMessage got = mail.getReceivedMessages()[0];
            assertEquals(bob.email(), ((jakarta.mail.internet.InternetAddress) got.getFrom()[0]).getAddress());
            assertNull(header(got, "Sender"), "send-as leaves no trace of the real sender");
            assertEquals("<" + bob.email() + ">", header(got, "Return-Path"));
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("as bob"));
            assertTrue(subjectsIn(WellKnownFolder.INBOX).isEmpty(), "no report");
        } finally {
            mail.stop();
        }
    }

    @Test
    void aDelegateSendsOnBehalfWithFromAndSender() throws Exception {
        UserInfo bob = bob();
        try (Session bobSession = engine.logon(new Credentials.Password(bob.login(), "pw"))) {
            bobSession.permissions().addDelegate(bob.login(), aliceLogin);
        }
        GreenMail mail = greenMail();
        try {
            start(config(mail.getSmtp().getPort()), SmtpTls.system());
            alice.messages().submit(draftFrom("for bob", "Bob Boss", bob.email()));
            assertTrue(mail.waitForIncomingEmail(10_000, 1));
            MimeMessage got = mail.getReceivedMessages()[0];
            assertEquals(bob.email(), ((jakarta.mail.internet.InternetAddress) got.getFrom()[0]).getAddress());
            assertEquals(aliceAddress, ((jakarta.mail.internet.InternetAddress) got.getSender()).getAddress(),
                    "Sender names the delegate");
            assertEquals("<" + aliceAddress + ">", header(got, "Return-Path"), "bounces go to the delegate");
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("for bob"));
        } finally {
            mail.stop();
        }
    }

    @Test
    void withoutARightOrAfterItsRevocationTheMessageIsRefused() throws Exception {
        UserInfo bob = bob();
        GreenMail mail = greenMail();
        try {
            start(config(mail.getSmtp().getPort()), SmtpTls.system());
            EntryId first = draftFrom("no right", "Bob Boss", bob.email());
            alice.messages().submit(first);
            await("NDR", Duration.ofSeconds(5), () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: no right"));
            String body = bodyOf(messagesIn(WellKnownFolder.INBOX).get(0));
            assertTrue(body.contains("may not send as " + bob.email()) && body.contains("not their delegate"), body);
            await("given back", Duration.ofSeconds(5), () -> !MessageFlags.MSGFLAG_SUBMIT.isSet((Integer) alice
                    .messages().load(first).property(PR_MESSAGE_FLAGS).orElseThrow().javaValue()));

            admin.directory().grantSendAs(MemberKind.USER, bob.login(), aliceLogin);
            alice.messages().submit(draftFrom("granted", "Bob Boss", bob.email()));
            assertTrue(mail.waitForIncomingEmail(10_000, 1));
            admin.directory().revokeSendAs(MemberKind.USER, bob.login(), aliceLogin);
            alice.messages().submit(draftFrom("revoked", "Bob Boss", bob.email()));
            await("NDR after the revocation", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: revoked"));

            admin.permissions().addDelegate(bob.login(), aliceLogin);
            alice.messages().submit(draftFrom("delegated", "Bob Boss", bob.email()));
            assertTrue(mail.waitForIncomingEmail(10_000, 2));
            admin.permissions().removeDelegate(bob.login(), aliceLogin);
            alice.messages().submit(draftFrom("undelegated", "Bob Boss", bob.email()));
            await("NDR after the delegation ended", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: undelegated"));

            List<String> sent = new ArrayList<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                sent.add(m.getSubject());
            }
            assertEquals(List.of("granted", "delegated"), sent, "nothing refused reached the smarthost");
        } finally {
            mail.stop();
        }
    }

    @Test
    void sendAsAGroupNeedsTheGroupsGrant() throws Exception {
        String group = "sales" + Long.toString(System.nanoTime(), 36);
        String groupAddress = group + "@example.org";
        admin.directory().createGroup(group, groupAddress);
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()), SmtpTls.system());
            alice.messages().submit(draftFrom("as the group, refused", "Sales", groupAddress));
            await("NDR", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: as the group, refused"));
            admin.directory().grantSendAs(MemberKind.GROUP, group, aliceLogin);
            alice.messages().submit(draftFrom("as the group", "Sales", groupAddress));
            await("sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            String data = smtp.transactions.get(0).data();
            assertTrue(data.contains("From: Sales <" + groupAddress + ">"), data);
            assertFalse(data.contains("\r\nSender:"), data);
            assertEquals("<" + groupAddress + ">", smtp.transactions.get(0).mailFrom().split(" ")[0]);
        } finally {
            admin.directory().deleteGroup(group);
        }
    }

    // ---- per-recipient retries

    @Test
    void onlyTheDeferredRecipientIsRetriedEvenAcrossARestart() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            smtp.rcptReplies.put("dave@example.net", "451 4.7.1 greylisted, try again");
            smtp.rcptReplies.put("erin@example.net", "550 5.1.1 no such user");
            start(config(smtp.port()), SmtpTls.system());
            EntryId m = draft("mixed replies", three("example.net"));
            alice.messages().submit(m);
            await("carol has it", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            assertEquals(List.of("carol@example.net"), smtp.transactions.get(0).recipients());
            await("carol and erin are done in the message", Duration.ofSeconds(5), () -> alice.messages().load(m)
                    .recipients().stream().filter(SpoolerTest::submitted).count() == 2);
            assertTrue(MessageFlags.MSGFLAG_SUBMIT.isSet((Integer) alice.messages().load(m)
                    .property(PR_MESSAGE_FLAGS).orElseThrow().javaValue()), "still queued for dave");
            await("NDR for erin", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.INBOX).contains("Undeliverable: mixed replies"));

            // A new spooler (as after a restart) knows from the message alone who is left.
            spooler.close(Duration.ofSeconds(5));
            smtp.rcptReplies.remove("dave@example.net");
            start(config(smtp.port()), SmtpTls.system());
            await("dave has it", Duration.ofSeconds(10), () -> smtp.transactions.size() == 2);
            await("moved to Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).contains("mixed replies"));
            assertEquals(List.of("dave@example.net"), smtp.transactions.get(1).recipients());
            assertEquals(1, smtp.commands.stream().filter(c -> c.contains("<carol@example.net>")).count(),
                    "carol was never offered twice");
            assertEquals(1, smtp.commands.stream().filter(c -> c.contains("<erin@example.net>")).count(),
                    "erin's 550 is final");
            List<String> inbox = subjectsIn(WellKnownFolder.INBOX);
            assertEquals(1, inbox.size(), "one report, for erin: " + inbox);
            String body = bodyOf(messagesIn(WellKnownFolder.INBOX).get(0));
            assertTrue(body.contains("erin@example.net") && !body.contains("dave@example.net"), body);
        }
    }

    private static boolean submitted(Recipient r) {
        return r.properties().stream().anyMatch(v -> v.tag().id() == PR_RECIPIENT_TYPE.id()
                && v.javaValue() instanceof Integer t && (t & RecipientType.MAPI_SUBMITTED) != 0);
    }

    // ---- automatic replies

    /**
     * On the scripted server rather than GreenMail: GreenMail 2.1.5 takes {@code MAIL FROM:<>} but then answers
     * every RCPT with "503 MAIL must come before RCPT", so it cannot receive a null-sender message at all.
     */
    @Test
    void anAutomaticReplyGoesOutWithANullReturnPath() throws Exception {
        NamedTagMap names = new StoreNamedTags(alice, alice.stores().openOwn().entryId());
        PropTag autoSubmitted = names.resolve(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS,
                "auto-submitted", PropType.PT_UNICODE));
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()), SmtpTls.system());
            alice.messages().submit(draft("Out of office: hello", List.of(Recipient.of(RecipientType.MAPI_TO,
                    "Carol", "carol@example.net")), PropValue.of(autoSubmitted, "auto-replied")));
            await("the reply sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            alice.messages().submit(draft("an ordinary one", List.of(Recipient.of(RecipientType.MAPI_TO,
                    "Carol", "carol@example.net"))));
            await("the ordinary one sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 2);
            ScriptedSmtpServer.Transaction reply = smtp.transactions.get(0);
            assertTrue(reply.data().contains("Subject: Out of office: hello"), reply.data());
            assertEquals("<>", reply.mailFrom().split(" ")[0], "MAIL FROM:<> (RFC 3834 section 3.3)");
            assertTrue(reply.data().contains("\r\nAuto-Submitted: auto-replied\r\n"), reply.data());
            assertTrue(reply.data().contains("From: Alice Example <" + aliceAddress + ">"), "From still names the user");
            assertEquals("<" + aliceAddress + ">", smtp.transactions.get(1).mailFrom().split(" ")[0]);
            await("both in Sent Items", Duration.ofSeconds(5),
                    () -> subjectsIn(WellKnownFolder.SENT_ITEMS).size() == 2);
            assertTrue(subjectsIn(WellKnownFolder.INBOX).isEmpty(), "no report");
        }
    }

    @Test
    void deliveryReceiptsAskTheSmarthostForDsn() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
            start(config(smtp.port()), SmtpTls.system());
            alice.messages().submit(draft("with receipt", List.of(Recipient.of(RecipientType.MAPI_TO, "Carol",
                    "carol@example.net")), PropValue.of(PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED, true)));
            await("sent", Duration.ofSeconds(5), () -> smtp.transactions.size() == 1);
            Optional<String> rcpt = smtp.commands.stream().filter(c -> c.startsWith("RCPT")).findFirst();
            assertTrue(rcpt.orElseThrow().contains("NOTIFY=SUCCESS,FAILURE,DELAY"), rcpt.get());
            assertTrue(smtp.commands.stream().anyMatch(c -> c.startsWith("MAIL") && c.contains("RET=HDRS")));
        }
    }
}
