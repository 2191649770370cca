package org.koppel.inetmapi.vcard;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;

/** vCard 4.0, 3.0 and 2.1 to contacts, and back in both versions without losing a field. */
class VCardTest {

    private final LocalNamedTags names = new LocalNamedTags();

    private String resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/vcard/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private MessageContent one(String text) {
        List<MessageContent> cards = new VCardReader(names).read(text);
        assertEquals(1, cards.size());
        return cards.get(0);
    }

    private static Object v(MessageContent m, PropTag t) {
        return m.properties().stream().filter(p -> p.tag().equals(t)).map(PropValue::javaValue).findFirst().orElse(null);
    }

    private Object named(MessageContent m, org.koppel.mapi.NamedPropTag t) {
        return names.find(t).map(tag -> v(m, tag)).orElse(null);
    }

    @Test
    void version4HasEveryField() throws Exception {
        MessageContent c = one(resource("v4.vcf"));
        assertEquals("IPM.Contact", v(c, PropTags.PR_MESSAGE_CLASS));
        assertEquals("Dr. Jörg Müller-Lüdenscheidt Jr.", v(c, PropTags.PR_DISPLAY_NAME));
        assertEquals("Müller-Lüdenscheidt", v(c, PropTags.PR_SURNAME));
        assertEquals("Jörg", v(c, PropTags.PR_GIVEN_NAME));
        assertEquals("Maria", v(c, PropTags.PR_MIDDLE_NAME));
        assertEquals("Dr.", v(c, PropTags.PR_DISPLAY_NAME_PREFIX));
        assertEquals("Jr.", v(c, PropTags.PR_GENERATION));
        assertEquals("Müller-Lüdenscheidt, Jörg", named(c, NamedTags.FILE_UNDER));
        assertEquals("Beispiel GmbH", v(c, PropTags.PR_COMPANY_NAME));
        assertEquals("Entwicklung", v(c, PropTags.PR_DEPARTMENT_NAME));
        assertEquals("joerg@example.org", named(c, NamedTags.EMAIL1_EMAIL_ADDRESS));
        assertEquals("j.mueller@example.net", named(c, NamedTags.EMAIL2_EMAIL_ADDRESS));
        assertEquals("third@example.com", named(c, NamedTags.EMAIL3_EMAIL_ADDRESS));
        assertEquals("+49-221-1234567", v(c, PropTags.PR_BUSINESS_TELEPHONE_NUMBER));
        assertEquals("+49 221 7654321", v(c, PropTags.PR_HOME_TELEPHONE_NUMBER));
        assertEquals("+49 170 1111111", v(c, PropTags.PR_MOBILE_TELEPHONE_NUMBER));
        assertEquals("+49 221 1234568", v(c, PropTags.PR_BUSINESS_FAX_NUMBER));
        assertEquals("+49 221 99", v(c, PropTags.PR_PAGER_TELEPHONE_NUMBER));
        assertEquals("Domkloster 4\nHaus 2", v(c, PropTags.PR_BUSINESS_ADDRESS_STREET));
        assertEquals("Köln", v(c, PropTags.PR_BUSINESS_ADDRESS_CITY));
        assertEquals("50667", v(c, PropTags.PR_BUSINESS_ADDRESS_POSTAL_CODE));
        assertEquals("Postfach 12", v(c, PropTags.PR_HOME_ADDRESS_POST_OFFICE_BOX));
        assertEquals("Bonn", v(c, PropTags.PR_HOME_ADDRESS_CITY));
        assertEquals(Instant.parse("1980-02-14T00:00:00Z"), v(c, PropTags.PR_BIRTHDAY));
        assertEquals(Instant.parse("2010-06-12T00:00:00Z"), v(c, PropTags.PR_WEDDING_ANNIVERSARY));
        assertEquals(List.of("Kunden", "VIP"), named(c, NamedTags.KEYWORDS));
        assertEquals("Met at the conference, likes coffee.\nSecond line; with semicolon.", v(c, PropTags.PR_BODY));
        assertEquals("https://example.org/", v(c, PropTags.PR_BUSINESS_HOME_PAGE));
        assertEquals(1, c.attachments().size());
        assertEquals(Boolean.TRUE, named(c, NamedTags.HAS_PICTURE));
        assertEquals("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", named(c, ContactFields.UID));
    }

    @Test
    void version3FoldedLinesAndBinaryPhoto() throws Exception {
        MessageContent c = one(resource("v3.vcf"));
        assertEquals("Ann Archer", v(c, PropTags.PR_DISPLAY_NAME));
        assertEquals("ann@example.org", named(c, NamedTags.EMAIL1_EMAIL_ADDRESS));
        assertEquals("+1 555 0100", v(c, PropTags.PR_BUSINESS_TELEPHONE_NUMBER));
        assertEquals("+1 555 0199", v(c, PropTags.PR_MOBILE_TELEPHONE_NUMBER));
        assertEquals(Instant.parse("2001-09-09T00:00:00Z"), v(c, PropTags.PR_WEDDING_ANNIVERSARY));
        assertTrue(((String) v(c, PropTags.PR_BODY)).endsWith("more than one line of text."), (String) v(c, PropTags.PR_BODY));
        try (InputStream in = ((AttachmentContent.ByValue) c.attachments().get(0)).data().open()) {
            byte[] jpeg = in.readAllBytes();
            assertEquals((byte) 0xFF, jpeg[0]);
            assertEquals((byte) 0xD8, jpeg[1]);
        }
    }

    @Test
    void version21QuotedPrintable() throws Exception {
        MessageContent c = one(resource("v21.vcf"));
        assertEquals("Ute Köhler", v(c, PropTags.PR_DISPLAY_NAME));
        assertEquals("Köhler", v(c, PropTags.PR_SURNAME));
        assertEquals("+49 160 2222", v(c, PropTags.PR_MOBILE_TELEPHONE_NUMBER));
        assertEquals("ute@example.org", named(c, NamedTags.EMAIL1_EMAIL_ADDRESS));
    }

    @Test
    void roundTripsThroughBothVersions() throws Exception {
        for (String file : List.of("v4.vcf", "v3.vcf", "v21.vcf")) {
            MessageContent first = one(resource(file));
            for (VCardWriter.Version version : VCardWriter.Version.values()) {
                String written = new VCardWriter(names, version).write(new ContentMessage(first));
                for (String line : written.split("\r\n")) {
                    assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
                }
                MessageContent second = one(written);
                Map<Integer, Object> expected = comparable(first);
                Map<Integer, Object> got = comparable(second);
                int uid = names.find(ContactFields.UID).map(PropTag::value).orElse(0);
                if (!expected.containsKey(uid)) {
                    assertNotNull(got.remove(uid), "a card without a UID gets one");
                }
                assertEquals(expected, got, file + " as " + version + ":\n" + written);
                assertEquals(first.attachments().size(), second.attachments().size());
            }
        }
    }

    private static Map<Integer, Object> comparable(MessageContent m) {
        Map<Integer, Object> out = new TreeMap<>();
        for (PropValue p : m.properties()) {
            Object o = p.javaValue();
            out.put(p.tag().value(), o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : o);
        }
        return out;
    }

    @Test
    void mutatedCardsNeverThrowAnythingButTheLimits() throws Exception {
        java.util.Random r = new java.util.Random(7);
        for (String file : List.of("v4.vcf", "v3.vcf", "v21.vcf")) {
            String text = resource(file);
            for (int i = 0; i < 500; i++) {
                StringBuilder b = new StringBuilder(text.substring(0, r.nextInt(text.length() + 1)));
                for (int k = 0; k < r.nextInt(8) && b.length() > 0; k++) {
                    String pool = ";:,\\=\r\n ABC";
                    b.setCharAt(r.nextInt(b.length()), pool.charAt(r.nextInt(pool.length())));
                }
                for (MessageContent c : new VCardReader(new LocalNamedTags()).read(b.toString())) {
                    new VCardWriter(names, VCardWriter.Version.V4).write(new ContentMessage(c));
                }
            }
        }
    }

    @Test
    void junkAndEmptyInputGiveNoCardsNotErrors() {
        assertEquals(0, new VCardReader(names).read("").size());
        assertEquals(0, new VCardReader(names).read("no vcard here\r\n:::\r\n").size());
        assertEquals(1, new VCardReader(names).read("BEGIN:VCARD\r\nthis line is junk\r\nFN:x\r\nEND:VCARD\r\n").size());
    }
}
