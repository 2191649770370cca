package org.koppel.eas.email;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.email.EmailHarness.*;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.backend.Body;
import org.koppel.backend.BodyType;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.EmailItem;
import org.koppel.backend.EmailUpdate;
import org.koppel.backend.Flag;
import org.koppel.backend.Importance;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class EmailFieldsTest {
    private static final ProtocolVersion V14 = ProtocolVersion.V14_1;
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<ApplicationData xmlns=\"AirSync:\" xmlns:email=\"Email:\" xmlns:tasks=\"Tasks:\""
            + " xmlns:email2=\"Email2:\" xmlns:airsyncbase=\"AirSyncBase:\">";

    private static EmailFields inline(String children, ProtocolVersion v) throws DecodeException, IOException {
        return decode(CodecHarness.wbxml(HEAD + children + "</ApplicationData>", v), v);
    }

    private static DecodeException refused(String children, ProtocolVersion v, DecodeException.Reason reason) {
        DecodeException e = assertThrows(DecodeException.class, () -> inline(children, v));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    /** Written as a 16.1 client would, read as {@code v}: a client using tags its version lacks. */
    private static void refusedIn(String children, ProtocolVersion v) throws IOException {
        byte[] wbxml = CodecHarness.wbxml(HEAD + children + "</ApplicationData>", ProtocolVersion.V16_1);
        DecodeException e = assertThrows(DecodeException.class, () -> decode(wbxml, v));
        assertEquals(DecodeException.Reason.NOT_IN_VERSION, e.reason(), e.getMessage());
    }

    private static List<String> unconvertible(String children) throws Exception {
        EmailFields f = inline(children, V14);
        return assertThrows(EmailConversionException.class, f::toUpdate).problems();
    }

    @Test
    void changeWithReadAndATaskFlag() throws Exception {
        EmailUpdate u = decode("change-read-flag-14.1.xml", V14).toUpdate();
        assertEquals(Optional.of(true), u.read());
        // The UTC dates are kept; the local ones only checked. The task's Subject and sort keys
        // are accepted and dropped.
        assertEquals(Optional.of(new Flag(Flag.Status.ACTIVE, "for Follow Up",
                Optional.of(Instant.parse("2024-03-10T23:00:00Z")), Optional.of(Instant.parse("2024-03-14T23:00:00Z")),
                Optional.empty(), true, Optional.of(Instant.parse("2024-03-15T08:00:00Z")))), u.flag());
        assertEquals(Optional.empty(), u.categories());
    }

    @Test
    void changeMarkingTheFlagComplete() throws Exception {
        EmailUpdate u = decode("change-complete-14.1.xml", V14).toUpdate();
        assertEquals(Optional.of(Flag.complete(Instant.parse("2024-03-12T10:15:00Z"))), u.flag());
        assertEquals(Optional.empty(), u.read());
    }

    @Test
    void emptyFlagAndEmptyCategoriesClear() throws Exception {
        EmailUpdate u = decode("change-clear-14.1.xml", V14).toUpdate();
        assertEquals(new EmailUpdate(Optional.of(false), Optional.of(Flag.cleared()), Optional.of(List.of())), u);
        // Status 0 with leftovers clears too.
        assertEquals(Optional.of(Flag.cleared()), inline("<email:Flag><email:FlagStatus>0</email:FlagStatus>"
                + "<email:FlagType>x</email:FlagType></email:Flag>", V14).toUpdate().flag());
    }

    @Test
    void changeOfCategoriesIn16() throws Exception {
        EmailUpdate u = decode("change-categories-16.1.xml", ProtocolVersion.V16_1).toUpdate();
        assertEquals(EmailUpdate.categories(List.of("Rechnung", "Wichtig ★")), u);
    }

    @Test
    void aForeignElementIsAConversionErrorNotAProtocolError() throws Exception {
        EmailFields f = decode("change-subject-14.1.xml", V14);
        assertEquals(Optional.of(true), f.read(), "what follows a foreign element is still read");
        EmailConversionException e = assertThrows(EmailConversionException.class, f::toUpdate);
        assertTrue(e.getMessage().contains("Calendar:Attendees is not an element of the Email class"), e.getMessage());
        assertFalse(e.getMessage().contains("Email:Subject"), "a read-only Email element is no error");
    }

    /** [MS-ASCMD] 2.2.3.24: Email elements a client cannot change are ignored when sent along, not refused. */
    @Test
    void readOnlyElementsSentAlongAreIgnored() throws Exception {
        EmailFields f = inline("<email:Read>0</email:Read><email:Subject>updated</email:Subject>"
                + "<email:ThreadTopic>t</email:ThreadTopic>", V14);
        assertEquals(new EmailUpdate(Optional.of(false), Optional.empty(), Optional.empty()), f.toUpdate());
        assertEquals(java.util.Set.of("Email:Subject", "Email:ThreadTopic"), f.readOnlyElements());
    }

    @Test
    void flagsTheSpecificationAnswersWithStatus6() throws Exception {
        assertEquals(List.of("Email:Flag Status 5 is not 0, 1 or 2"),
                unconvertible("<email:Flag><email:FlagStatus>5</email:FlagStatus></email:Flag>"));
        assertEquals(List.of("Email:Flag without a Status"),
                unconvertible("<email:Flag><email:FlagType>x</email:FlagType></email:Flag>"));
        assertEquals(List.of("Email:Flag needs StartDate, DueDate, UtcStartDate and UtcDueDate together"),
                unconvertible("<email:Flag><email:FlagStatus>2</email:FlagStatus>"
                        + "<tasks:StartDate>2024-03-11T00:00:00.000Z</tasks:StartDate>"
                        + "<tasks:UtcStartDate>2024-03-11T00:00:00.000Z</tasks:UtcStartDate></email:Flag>"));
        assertEquals(List.of("Email:Flag starts after it is due"),
                unconvertible("<email:Flag><email:FlagStatus>2</email:FlagStatus>"
                        + "<tasks:StartDate>2024-03-12T00:00:00.000Z</tasks:StartDate>"
                        + "<tasks:DueDate>2024-03-11T00:00:00.000Z</tasks:DueDate>"
                        + "<tasks:UtcStartDate>2024-03-12T00:00:00.000Z</tasks:UtcStartDate>"
                        + "<tasks:UtcDueDate>2024-03-11T00:00:00.000Z</tasks:UtcDueDate></email:Flag>"));
        assertEquals(List.of("Email:Flag marked complete without CompleteTime"),
                unconvertible("<email:Flag><email:FlagStatus>1</email:FlagStatus></email:Flag>"));
        assertEquals(List.of("Email:Subject is not an element of Flag"),
                unconvertible("<email:Flag><email:FlagStatus>2</email:FlagStatus>"
                        + "<email:Subject>x</email:Subject></email:Flag>"));
    }

    @Test
    void draftAddIn16() throws Exception {
        EmailItem d = decode("draft-16.1.xml", ProtocolVersion.V16_1).toDraft();
        assertEquals(List.of(new EmailAddress("Anna Berg", "anna@example.org"),
                new EmailAddress("Berg, Carl", "carl@example.net")), d.to());
        assertEquals(List.of(EmailAddress.of("dana@example.com")), d.cc());
        assertEquals("Entwurf: Quartalszahlen", d.subject());
        assertEquals(Importance.LOW, d.importance());
        String text = "Die Zahlen folgen – grob geschätzt.";
        assertEquals(Optional.of(new Body(BodyType.PLAIN_TEXT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                false, Optional.of(new Body.Text(text)), Optional.empty())), d.body());
    }

    @Test
    void draftsWithWhatTheModelCannotKeepAreRefused() throws Exception {
        ProtocolVersion v = ProtocolVersion.V16_1;
        EmailFields bcc = inline("<email:To>a@example.org</email:To><email2:Bcc>b@example.org</email2:Bcc>", v);
        assertThrows(EmailConversionException.class, bcc::toDraft);
        EmailFields read = inline("<email:Subject>s</email:Subject><email:Read>1</email:Read>", v);
        assertEquals(List.of("Email:Read is not taken in a draft"),
                assertThrows(EmailConversionException.class, read::toDraft).problems());
        EmailFields attachments = inline("<airsyncbase:Attachments><airsyncbase:Add>"
                + "<airsyncbase:ClientId>1</airsyncbase:ClientId></airsyncbase:Add></airsyncbase:Attachments>", v);
        assertThrows(EmailConversionException.class, attachments::toDraft);
        EmailFields mime = inline("<airsyncbase:Body><airsyncbase:Type>4</airsyncbase:Type>"
                + "<airsyncbase:Data>x</airsyncbase:Data></airsyncbase:Body>", v);
        assertThrows(EmailConversionException.class, mime::toDraft);
        EmailFields badTo = inline("<email:To>\"Anna &lt;anna@example.org</email:To>", v);
        assertEquals(List.of("Email:To is not a list of mailboxes"),
                assertThrows(EmailConversionException.class, badTo::toDraft).problems());
    }

    @Test
    void malformedContentIsADecodeException() throws Exception {
        refused("<email:Read>2</email:Read>", V14, DecodeException.Reason.BAD_VALUE);
        refused("<email:Read>1</email:Read><email:Read>1</email:Read>", V14, DecodeException.Reason.DUPLICATE);
        refused("stray<email:Read>1</email:Read>", V14, DecodeException.Reason.UNEXPECTED);
        refused("<email:Flag><email:FlagStatus>two</email:FlagStatus></email:Flag>", V14,
                DecodeException.Reason.BAD_VALUE);
        refused("<email:Flag><email:CompleteTime>2024-03-12T10:15:00Z</email:CompleteTime></email:Flag>", V14,
                DecodeException.Reason.BAD_VALUE);
        refused("<email:DateReceived>2024-02-30T10:15:00.000Z</email:DateReceived>", V14,
                DecodeException.Reason.BAD_VALUE);
        refused("<email:DateReceived>2024-03-12T10:15:00.000+01:00</email:DateReceived>", V14,
                DecodeException.Reason.BAD_VALUE);
        refused("<email:Categories><email:Category/></email:Categories>", V14, DecodeException.Reason.BAD_VALUE);
        refused("<email:Categories><email:Subject>x</email:Subject></email:Categories>", V14,
                DecodeException.Reason.UNEXPECTED);
        refused("<airsyncbase:Body><airsyncbase:Data>x</airsyncbase:Data></airsyncbase:Body>", V14,
                DecodeException.Reason.MISSING);
        refused("<airsyncbase:Body><airsyncbase:Type>5</airsyncbase:Type></airsyncbase:Body>", V14,
                DecodeException.Reason.BAD_VALUE);
        refused("<email2:ConversationId>text, not opaque</email2:ConversationId>", V14,
                DecodeException.Reason.UNEXPECTED);
        refused("<airsyncbase:Attachments><airsyncbase:Attachment><airsyncbase:DisplayName>a</airsyncbase:DisplayName>"
                + "</airsyncbase:Attachment></airsyncbase:Attachments>", V14, DecodeException.Reason.MISSING);
        refused("<email:Read><email:Read>1</email:Read></email:Read>", V14, DecodeException.Reason.UNEXPECTED);
    }

    @Test
    void elementsOfLaterVersionsAreRefusedInEarlierOnes() throws Exception {
        refusedIn("<email:Categories/>", ProtocolVersion.V12_1);
        refusedIn("<email2:ConversationId/>", ProtocolVersion.V12_1);
        refusedIn("<email2:Bcc>a@example.org</email2:Bcc>", V14);
        refusedIn("<airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Preview>p</airsyncbase:Preview>"
                + "</airsyncbase:Body>", ProtocolVersion.V12_1);
    }

    @Test
    void tooMuchIsRefused() throws Exception {
        String category = "<email:Category>c</email:Category>";
        refused("<email:Categories>" + category.repeat(EmailFields.MAX_CATEGORIES + 1) + "</email:Categories>", V14,
                DecodeException.Reason.BAD_VALUE);
        refused("<email:Subject>" + "x".repeat(EmailFields.MAX_TEXT + 1) + "</email:Subject>", V14,
                DecodeException.Reason.BAD_VALUE);
        byte[] big = new byte[EmailFields.MAX_OPAQUE + 1];
        refused("<email2:ConversationIndex><?opaque " + java.util.Base64.getEncoder().encodeToString(big)
                + "?></email2:ConversationIndex>", V14, DecodeException.Reason.BAD_VALUE);
    }

    private static final List<String> CORPUS = List.of("item-14.1.xml", "change-read-flag-14.1.xml",
            "change-complete-14.1.xml", "change-clear-14.1.xml", "change-subject-14.1.xml");

    @Test
    void everyTruncationEndsInADecodeException() throws Exception {
        for (String name : CORPUS) {
            byte[] whole = EmailHarness.fixture(name, V14);
            for (int n = 0; n < whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                int at = n;
                DecodeException e = assertThrows(DecodeException.class, () -> decode(cut, V14), name + " cut at " + at);
                assertNotNull(e.reason());
            }
        }
    }

    @Test
    void randomMutationsEndInADecodeExceptionOrAValue() throws Exception {
        Random random = new Random(20240305);
        int refusedCount = 0;
        for (String name : CORPUS) {
            byte[] whole = EmailHarness.fixture(name, V14);
            for (int i = 0; i < 1000; i++) {
                byte[] m = whole.clone();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    m[4 + random.nextInt(m.length - 4)] = (byte) random.nextInt(256);
                }
                try {
                    EmailFields f = decode(m, V14);
                    assertNotNull(f.problems());
                } catch (DecodeException expected) {
                    refusedCount++;
                } catch (IOException | RuntimeException e) {
                    fail(name + " mutation " + i + " escaped as " + e, e);
                }
            }
        }
        assertTrue(refusedCount > 0);
    }
}
