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
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
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
