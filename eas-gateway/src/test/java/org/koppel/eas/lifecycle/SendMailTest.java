package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.EmailItem;
import org.koppel.backend.ItemChange;
import org.koppel.backend.LastVerb;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.LongId;
import org.koppel.eas.composemail.ComposeMailRequest;
import org.koppel.eas.composemail.ComposeMailStatus;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.eas.wbxml.WbxmlXml;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.spooler.SmtpTls;
import org.koppel.spooler.Spooler;
import org.koppel.spooler.SpoolerConfig;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.WellKnownFolder;

/**
 * SendMail, SmartReply and SmartForward over real HTTP in every protocol version, against the in-process store
 * through the MAPI backend, with the real spooler sending what the gateway queued to GreenMail as the
 * smarthost: what arrives there is what the phone sent, completed from the source where it asked for that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendMailTest {

    private static final String REPORT = "%PDF-1.4 quarterly figures";

    private Gateway gw;
    private GreenMail smtp;
    private Spooler spooler;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        spooler = new Spooler(gw.engine, new Credentials.Service("koppel-spooler", Gateway.SECRET, ""),
                SpoolerConfig.defaults().withSmarthost("127.0.0.1", smtp.getSmtp().getPort())
                        .withStartTls(SpoolerConfig.StartTls.NO).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)),
                SmtpTls.system()).start();
    }

    @AfterAll
    void stop() throws IOException {
        spooler.close(Duration.ofSeconds(5));
        smtp.stop();
        gw.close();
    }

    // ---- helpers

    private record Phone(String login, ComposeClient compose, Client sync, String inbox) {
    }

    private Phone phone(ProtocolVersion v) {
        String login = gw.newUser();
        String device = "dev" + UUID.randomUUID().toString().substring(0, 8);
        String inbox = gw.collectionId(login, device, EasFolderType.INBOX);
        return new Phone(login, new ComposeClient(Gateway.PAGES, "http://127.0.0.1:" + gw.server.port(), login,
                "pw-" + login, device, v), gw.client(login, device, v), inbox);
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String plain(String login, String to, String subject, String text) {
        return "From: " + login + "@example.org\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
    }

    /** A message in the user's Inbox from carol, to the user and dave, with a PDF and the given HTML, if any. */
    private String deliverSource(String login, String subject, Optional<String> html) {
        var inbox = gw.admin.stores().openUserStore(login).folder(WellKnownFolder.INBOX);
        List<PropValue> props = new ArrayList<>(List.of(
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_BODY, "Figures attached.\r\nSecond line."),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, Instant.now()),
                PropValue.of(PR_SENT_REPRESENTING_NAME, "Carol"),
                PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, "carol@example.net"),
                PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, "carol@example.net")));
        html.ifPresent(h -> {
            props.add(PropValue.of(PR_HTML, h.getBytes(StandardCharsets.UTF_8)));
            props.add(PropValue.of(PR_INTERNET_CPID, 65001));
        });
        gw.admin.messages().create(inbox, new MessageContent(props, List.of(
                Recipient.of(RecipientType.MAPI_TO, "User", login + "@example.org"),
                Recipient.of(RecipientType.MAPI_CC, "Dave", "dave@example.net")),
                List.of(new AttachmentContent.ByValue(List.of(
                        PropValue.of(PR_ATTACH_METHOD, AttachMethod.ATTACH_BY_VALUE.code()),
                        PropValue.of(PR_ATTACH_LONG_FILENAME, "report.pdf"),
                        PropValue.of(PR_ATTACH_MIME_TAG, "application/pdf")),
                        InputStreamSource.ofBytes(REPORT.getBytes(StandardCharsets.US_ASCII)))), false));
        return gw.contents(login, EasFolderType.INBOX).stream()
                .filter(a -> ((EmailItem) a.item()).subject().equals(subject)).map(ItemChange.Added::itemId)
                .findFirst().orElseThrow();
    }

    /** The copies GreenMail got with this subject (one per envelope recipient), waiting for {@code n}. */
    private List<MimeMessage> arrived(String subject, int n) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<MimeMessage> got = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject() != null && m.getSubject().contains(subject)) {
                    got.add(m);
                }
            }
            if (got.size() >= n || System.nanoTime() > end) {
                return got;
            }
            Thread.sleep(50);
        }
    }

    private List<String> subjects(String login, EasFolderType type) {
        return gw.contents(login, type).stream().map(a -> ((EmailItem) a.item()).subject()).toList();
    }

    /** Waits until a folder of the user holds a message with the subject (the spooler moves sent mail). */
    private boolean eventuallyIn(String login, EasFolderType type, String subject) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (subjects(login, type).stream().anyMatch(s -> s.contains(subject))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String text(Part p) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(text(mp.getBodyPart(i)));
            }
            return sb.toString();
        }
        if (p.isMimeType("text/*") && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return p.getContent().toString();
        }
        return "";
    }

    private static List<String> attachments(Part p) throws Exception {
        List<String> names = new ArrayList<>();
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                names.addAll(attachments(mp.getBodyPart(i)));
            }
        } else if (p.getFileName() != null) {
            names.add(p.getFileName());
        }
        return names;
    }

    private static String content(BodyPart p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getDataHandler().writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String attachmentData(Part p, String name) throws Exception {
        Multipart mp = (Multipart) p.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart b = mp.getBodyPart(i);
            if (name.equals(b.getFileName())) {
                return content(b);
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    private static void ok(ComposeClient.Answer a) {
        assertTrue(a.ok(), () -> "expected an empty 200, got " + a);
    }

    /** The status a failure gets in the client's version: the Status element, or the HTTP status before 14.0. */
    private static void refused(ComposeClient c, ComposeMailStatus expected, ComposeClient.Answer a) {
        if (c.wbxml()) {
            assertEquals(200, a.http(), () -> "got " + a);
            assertEquals(Optional.of(expected), a.status());
        } else {
            assertEquals(expected.httpBefore14(), a.http(), () -> "got " + a);
        }
    }

    // ---- SendMail

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void sendMailReachesTheSmarthostAndSaveInSentKeepsACopy(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String kept = unique("kept " + v.header());
        ok(p.compose().send(ComposeClient.Send.mail(plain(p.login(), "erin@example.net", kept, "Hello from the phone"))
                .clientId(UUID.randomUUID().toString()).withSaveInSent()));
        List<MimeMessage> got = arrived(kept, 1);
        assertEquals(1, got.size());
        assertEquals("erin@example.net", got.get(0).getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString());
        assertTrue(text(got.get(0)).contains("Hello from the phone"));
        assertTrue(eventuallyIn(p.login(), EasFolderType.SENT_ITEMS, kept), "SaveInSent: a copy in Sent Items");

        String notKept = unique("not kept " + v.header());
        ok(p.compose().send(ComposeClient.Send.mail(plain(p.login(), "erin@example.net", notKept, "No copy"))));
        assertEquals(1, arrived(notKept, 1).size());
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!subjects(p.login(), EasFolderType.OUTBOX).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), subjects(p.login(), EasFolderType.OUTBOX), "the spooler is done");
        assertFalse(subjects(p.login(), EasFolderType.SENT_ITEMS).contains(notKept), "no copy without SaveInSent");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V14_0", "V14_1", "V16_0", "V16_1"})
    void aRepeatedClientIdIsAnsweredWithoutSendingAgain(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String subject = unique("once " + v.header());
        ComposeClient.Send send = ComposeClient.Send.mail(plain(p.login(), "frank@example.net", subject, "Once"))
                .clientId("retry-" + UUID.randomUUID());
        ok(p.compose().send(send));
        assertEquals(1, arrived(subject, 1).size());
        // [MS-ASCMD] 2.2.2: the repeat is told 118 MessagePreviouslySent
        refused(p.compose(), ComposeMailStatus.MESSAGE_PREVIOUSLY_SENT, p.compose().send(send));
        refused(p.compose(), ComposeMailStatus.MESSAGE_PREVIOUSLY_SENT, p.compose().send(send));
        // A new ClientId is a new message: once it arrives, a second copy of the first would have too.
        String after = unique("after " + v.header());
        ok(p.compose().send(ComposeClient.Send.mail(plain(p.login(), "frank@example.net", after, "Next"))
                .clientId("retry-" + UUID.randomUUID())));
        assertEquals(1, arrived(after, 1).size());
        Thread.sleep(300);
        assertEquals(1, arrived(subject, 0).size(), "the repeats were not sent");
    }

    // ---- SmartReply

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void smartReplyQuotesTheSourceAndMarksIt(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String source = unique("Figures " + v.header());
        String itemId = deliverSource(p.login(), source, Optional.empty());
        String key = syncedKey(p);
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_REPLY, p.inbox(), itemId,
                plain(p.login(), "carol@example.net", "Re: " + source, "Thanks, Carol!")).clientId("r1").withSaveInSent()));
        MimeMessage reply = arrived("Re: " + source, 1).get(0);
        String body = text(reply);
        assertTrue(body.contains("Thanks, Carol!"), body);
        assertTrue(body.contains("> Figures attached.") && body.contains("> Second line."), body);
        assertTrue(body.contains("From: Carol <carol@example.net>"), body);
        assertEquals(List.of(), attachments(reply), "a reply leaves the source's attachments out");
        EmailItem after = gw.item(p.login(), EasFolderType.INBOX, itemId);
        assertEquals(Optional.of(LastVerb.REPLY_TO_SENDER), after.lastVerbExecuted());
        assertTrue(after.lastVerbExecutionTime().isPresent());
        if (v.compareTo(ProtocolVersion.V14_0) >= 0) {
            String xml = syncXml(p, key);
            assertTrue(Pattern.compile("LastVerbExecuted[^>]*>1<").matcher(xml).find(), xml);
        }
        assertTrue(eventuallyIn(p.login(), EasFolderType.SENT_ITEMS, "Re: " + source));

        if (!p.compose().wbxml()) {
            return; // before 14.0 the query has no ReplaceMime: the source is always added
        }
        // ReplaceMime: the client sent the whole message; reply to all marks the source as such.
        String again = "Re: again " + source;
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_REPLY, p.inbox(), itemId,
                plain(p.login(), "carol@example.net, dave@example.net", again, "My own quote")).withReplaceMime()));
        List<MimeMessage> copies = arrived(again, 2);
        assertEquals(2, copies.size(), "one per recipient");
        String replaced = text(copies.get(0));
        assertTrue(replaced.contains("My own quote"));
        assertFalse(replaced.contains("Figures attached."), replaced);
        assertEquals(Optional.of(LastVerb.REPLY_TO_ALL),
                gw.item(p.login(), EasFolderType.INBOX, itemId).lastVerbExecuted());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_1", "V14_1", "V16_1"})
    void anHtmlReplyCarriesTheSourceHtml(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String source = unique("Html " + v.header());
        String itemId = deliverSource(p.login(), source, Optional.of(
                "<html><head><title>x</title></head><body><p>The <b>bold</b> figures</p></body></html>"));
        String mime = "From: " + p.login() + "@example.org\r\nTo: carol@example.net\r\nSubject: Re: " + source
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><body><p>Looks good</p></body></html>\r\n";
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_REPLY, p.inbox(), itemId, mime)));
        String body = text(arrived("Re: " + source, 1).get(0));
        assertTrue(body.contains("<p>Looks good</p>"), body);
        assertTrue(body.contains("<p>The <b>bold</b> figures</p>"), body);
        assertTrue(body.indexOf("Looks good") < body.indexOf("bold"), "the source comes below the reply");
    }

    // ---- SmartForward

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void smartForwardCarriesTheSourceAttachmentsBesideTheClientsOwn(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String source = unique("Report " + v.header());
        String itemId = deliverSource(p.login(), source, Optional.empty());
        String mine = "From: " + p.login() + "@example.org\r\nTo: gina@example.net\r\nSubject: Fw: " + source
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain\r\n\r\nSee below\r\n--b1\r\nContent-Type: text/plain\r\n"
                + "Content-Disposition: attachment; filename=mine.txt\r\n\r\nmy notes\r\n--b1--\r\n";
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_FORWARD, p.inbox(), itemId, mine)));
        MimeMessage fwd = arrived("Fw: " + source, 1).get(0);
        assertEquals(List.of("mine.txt", "report.pdf"), attachments(fwd).stream().sorted().toList());
        assertEquals(REPORT, attachmentData(fwd, "report.pdf"));
        String body = text(fwd);
        assertTrue(body.contains("See below") && body.contains("Figures attached."), body);
        assertEquals(Optional.of(LastVerb.FORWARD),
                gw.item(p.login(), EasFolderType.INBOX, itemId).lastVerbExecuted());

        if (!p.compose().wbxml()) {
            return; // before 14.0 the query has no ReplaceMime
        }
        String replaced = "Fw: replaced " + source;
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_FORWARD, p.inbox(), itemId,
                mine.replace("Subject: Fw: ", "Subject: Fw: replaced ")).withReplaceMime()));
        MimeMessage whole = arrived(replaced, 1).get(0);
        assertEquals(List.of("mine.txt"), attachments(whole), "ReplaceMime: only what the client sent");
        assertFalse(text(whole).contains("Figures attached."));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V16_0", "V16_1"})
    void forwardeesGetTheForwardToo(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String source = unique("Team " + v.header());
        String itemId = deliverSource(p.login(), source, Optional.empty());
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_FORWARD, p.inbox(), itemId,
                plain(p.login(), "gina@example.net", "Fw: " + source, "FYI"))
                .forwardees(List.of(new ComposeMailRequest.Forwardee("Hank", "hank@example.net")))));
        List<MimeMessage> got = arrived("Fw: " + source, 2);
        assertEquals(2, got.size(), "gina and the forwardee");
        assertTrue(Arrays.stream(got.get(0).getAllRecipients()).anyMatch(a -> a.toString().contains("hank@example.net")));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_1", "V14_1", "V16_1"})
    void aLongIdNamesTheSource(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        String source = unique("Found " + v.header());
        String itemId = deliverSource(p.login(), source, Optional.empty());
        String longId = new LongId(gw.folder(p.login(), EasFolderType.INBOX), itemId).text();
        ok(p.compose().send(ComposeClient.Send.smart(Command.SMART_FORWARD, p.inbox(), itemId,
                plain(p.login(), "ivan@example.net", "Fw: " + source, "From a search")).longId(longId, false)));
        assertEquals(List.of("report.pdf"), attachments(arrived("Fw: " + source, 1).get(0)));
    }

    // ---- refusals: a status each, nothing sent

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void badRequestsAreRefusedAndNothingIsSent(ProtocolVersion v) throws Exception {
        Phone p = phone(v);
        ComposeClient c = p.compose();
        String itemId = deliverSource(p.login(), unique("Source " + v.header()), Optional.empty());
        String tag = unique("refused " + v.header());

        refused(c, ComposeMailStatus.MESSAGE_HAS_NO_RECIPIENT, c.send(ComposeClient.Send.mail(
                "From: " + p.login() + "@example.org\r\nSubject: " + tag + " a\r\n\r\nNobody\r\n").clientId("a")));
        StringBuilder nested = new StringBuilder("To: jane@example.net\r\nSubject: " + tag + " b\r\n");
        for (int i = 0; i < 40; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=n").append(i).append("\r\n\r\n--n").append(i)
                    .append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        refused(c, ComposeMailStatus.INVALID_MIME, c.send(ComposeClient.Send.mail(nested.toString())));
        refused(c, ComposeMailStatus.ITEM_NOT_FOUND, c.send(ComposeClient.Send.smart(Command.SMART_REPLY, p.inbox(),
                "00" + itemId.substring(2), plain(p.login(), "jane@example.net", tag + " c", "gone"))));
        refused(c, ComposeMailStatus.ITEM_NOT_FOUND, c.send(ComposeClient.Send.smart(Command.SMART_FORWARD, "999",
                itemId, plain(p.login(), "jane@example.net", tag + " d", "no such folder"))));
        refused(c, ComposeMailStatus.ITEM_NOT_FOUND, c.send(ComposeClient.Send.smart(Command.SMART_FORWARD,
                p.inbox(), itemId, plain(p.login(), "jane@example.net", tag + " e", "x")).longId("not-ours", false)));
        if (c.wbxml()) {
            refused(c, ComposeMailStatus.INVALID_COMBINATION_OF_IDS, c.send(ComposeClient.Send.smart(
                    Command.SMART_REPLY, p.inbox(), itemId, plain(p.login(), "jane@example.net", tag + " f", "x"))
                    .longId("a:b", true)));
            refused(c, ComposeMailStatus.INVALID_WBXML, c.raw(ComposeClient.Send.mail("x"), new byte[] {2, 1, 106, 0, 0x45}));
            byte[] good = c.wbxmlBody(ComposeClient.Send.mail(plain(p.login(), "jane@example.net", tag + " g", "x")));
            refused(c, ComposeMailStatus.INVALID_WBXML, c.raw(ComposeClient.Send.mail("x"),
                    Arrays.copyOf(good, good.length - 3)));
            if (v.compareTo(ProtocolVersion.V14_1) >= 0) {
                refused(c, ComposeMailStatus.INVALID_ACCOUNT_ID, c.send(ComposeClient.Send.mail(
                        plain(p.login(), "jane@example.net", tag + " h", "x")).accountId("other@example.net")));
            }
        } else {
            assertEquals(400, c.send(ComposeClient.Send.smart(Command.SMART_REPLY, p.inbox(), itemId, "")).http(),
                    "no MIME");
        }
        // Past max_request_size (50 MB): 413 on the declared length, before the body is read. Without
        // 100-continue the server's close can race the upload and the client sees a reset instead.
        byte[] huge = new byte[50 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'a');
        assertEquals(413, c.rawAfterContinue(ComposeClient.Send.mail("x"), huge).http());

        // Nothing of it reached the smarthost or stayed queued; the ClientId of the refused one is free again.
        String last = unique("after the refusals " + v.header());
        ok(c.send(ComposeClient.Send.mail(plain(p.login(), "jane@example.net", last, "fine")).clientId("a")));
        assertEquals(1, arrived(last, 1).size());
        assertEquals(List.of(), arrived(tag, 0));
        assertEquals(List.of(), subjects(p.login(), EasFolderType.OUTBOX).stream()
                .filter(s -> s.contains(tag)).toList());
    }

    // ---- Sync, to see the last verb as the phone sees it

    private static final Pattern SYNC_KEY = Pattern.compile("SyncKey>([^<]+)<");

    /** Syncs the Inbox to its end; the last key. */
    private String syncedKey(Phone p) throws Exception {
        String key = "0";
        for (int i = 0; i < 10; i++) {
            String xml = syncXml(p, key);
            Matcher m = SYNC_KEY.matcher(xml);
            assertTrue(m.find(), xml);
            String next = m.group(1);
            if (next.equals(key) && !xml.contains("MoreAvailable")) {
                return key;
            }
            key = next;
        }
        return key;
    }

    private String syncXml(Phone p, String key) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new SyncCodec(Gateway.PAGES).encodeRequest(new WbxmlWriter(body, Gateway.PAGES, p.sync().version),
                Requests.sync(p.sync().version, key, p.inbox()));
        var r = p.sync().raw("Sync", body.toByteArray());
        assertEquals(200, r.statusCode());
        if (r.body().length == 0) {
            return "<Sync><SyncKey>" + key + "</SyncKey></Sync>";
        }
        return new WbxmlXml(Gateway.PAGES).toXml(r.body());
    }
}
