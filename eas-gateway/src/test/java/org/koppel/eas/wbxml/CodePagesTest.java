package org.koppel.eas.wbxml;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodePagesTest {
    private final CodePages pages = CodePages.load();

    @Test
    void hasTheTwentySixPagesOfMsAswbxmlInOrder() {
        List<String> names = pages.pages().stream().map(CodePage::name).toList();
        assertEquals(List.of("AirSync", "Contacts", "Email", "AirNotify", "Calendar", "Move", "GetItemEstimate",
                "FolderHierarchy", "MeetingResponse", "Tasks", "ResolveRecipients", "ValidateCert", "Contacts2",
                "Ping", "Provision", "Search", "Gal", "AirSyncBase", "Settings", "DocumentLibrary", "ItemOperations",
                "ComposeMail", "Email2", "Notes", "RightsManagement", "Find"), names);
        for (int i = 0; i < 26; i++) {
            assertEquals(i, pages.page(i).orElseThrow().number());
            assertFalse(pages.page(i).orElseThrow().tags().isEmpty(), "page " + i);
        }
        assertTrue(pages.page(26).isEmpty());
        assertTrue(pages.page(-1).isEmpty());
    }

    @Test
    void tagsKnowTheirPageTokenAndLookupsAgree() {
        for (CodePage p : pages.pages()) {
            for (Tag t : p.tags()) {
                assertEquals(p.number(), t.page());
                assertTrue(t.token() >= 0x05 && t.token() <= 0x3F, t.toString());
                assertSame(t, p.tag(t.token()).orElseThrow());
                assertSame(t, pages.tag(p.name(), t.name()).orElseThrow());
            }
        }
    }

    /** Pages 10, 12 and 25 re-typed from the specification's tables, as a second entry. */
    @Test
    void pagesCheckedTokenByTokenAgainstTheSpecification() {
        assertPage(12, "05 CustomerId, 06 GovernmentId, 07 IMAddress, 08 IMAddress2, 09 IMAddress3, 0A ManagerName, "
                + "0B CompanyMainPhone, 0C AccountName, 0D NickName, 0E MMS");
        assertPage(10, "05 ResolveRecipients, 06 Response, 07 Status, 08 Type, 09 Recipient, 0A DisplayName, "
                + "0B EmailAddress, 0C Certificates, 0D Certificate, 0E MiniCertificate, 0F Options, 10 To, "
                + "11 CertificateRetrieval, 12 RecipientCount, 13 MaxCertificates, 14 MaxAmbiguousRecipients, "
                + "15 CertificateCount, 16 Availability, 17 StartTime, 18 EndTime, 19 MergedFreeBusy, 1A Picture, "
                + "1B MaxSize, 1C Data, 1D MaxPictures");
        assertPage(25, "05 Find, 06 SearchId, 07 ExecuteSearch, 08 MailBoxSearchCriterion, 09 Query, 0A Status, "
                + "0B FreeText, 0C Options, 0D Range, 0E DeepTraversal, 11 Response, 12 Result, 13 Properties, "
                + "14 Preview, 15 HasAttachments, 16 Total, 17 DisplayCc, 18 DisplayBcc, 19 GalSearchCriterion, "
                + "20 MaxPictures, 21 MaxSize, 22 Picture");
    }

    private void assertPage(int number, String expected) {
        String actual = pages.page(number).orElseThrow().tags().stream()
                .sorted(java.util.Comparator.comparingInt(Tag::token))
                .map(t -> String.format("%02X %s", t.token(), t.name()))
                .collect(Collectors.joining(", "));
        assertEquals(expected, actual, "page " + number);
    }

    @Test
    void versionsFollowTheTable() {
        Tag heartbeat = pages.require("AirSync", "HeartbeatInterval");
        assertFalse(heartbeat.existsIn(ProtocolVersion.V12_1));
        assertTrue(heartbeat.existsIn(ProtocolVersion.V14_0));
        assertTrue(heartbeat.existsIn(ProtocolVersion.V16_1));
        assertEquals(java.util.Set.of(ProtocolVersion.V16_1), pages.require("Find", "Find").versions());
        assertEquals(java.util.Set.of(ProtocolVersion.V2_5), pages.require("Email", "Body").versions());
        assertEquals(7, pages.require("AirSync", "Sync").versions().size());
        assertEquals(java.util.Set.of(ProtocolVersion.V2_5, ProtocolVersion.V12_0, ProtocolVersion.V12_1),
                pages.require("GetItemEstimate", "Class").versions());
        assertTrue(pages.require("ResolveRecipients", "Availability").existsIn(ProtocolVersion.V14_0));
        assertFalse(pages.require("ResolveRecipients", "Picture").existsIn(ProtocolVersion.V14_0));
    }

    @Test
    void namespacesWithAndWithoutColonFindThePage() {
        assertEquals(0, pages.pageForNamespace("AirSync:").orElseThrow().number());
        assertEquals(0, pages.pageForNamespace("AirSync").orElseThrow().number());
        assertEquals(17, pages.pageForNamespace("airsyncbase").orElseThrow().number());
        assertTrue(pages.pageForNamespace("urn:other").isEmpty());
        assertTrue(pages.pageForNamespace(null).isEmpty());
        assertEquals("Email:", pages.page(2).orElseThrow().namespace());
        assertEquals("email", pages.page(2).orElseThrow().prefix());
    }

    @Test
    void aBrokenTableIsRefusedAtStartUp() {
        assertThrows(IOException.class, () -> CodePages.parse(new StringReader("page 0 A a\n0x05 X All\n0x05 Y All\n")));
        assertThrows(IOException.class, () -> CodePages.parse(new StringReader("page 0 A a\n0x05 X All\n0x06 X All\n")));
        assertThrows(IOException.class, () -> CodePages.parse(new StringReader("page 0 A a\n0x05 X 13.0\n")));
        assertThrows(IOException.class, () -> CodePages.parse(new StringReader("page 0 A a\n0x04 X All\n")));
        assertThrows(IOException.class, () -> CodePages.parse(new StringReader("page 1 A a\n0x05 X All\n")));
        assertThrows(IOException.class, () -> CodePages.parse(new StringReader("0x05 X All\n")));
    }

    @Test
    void eachLoadIsAnIndependentImmutableValue() {
        CodePages other = CodePages.load();
        assertNotSame(pages, other);
        assertEquals(pages.require("Ping", "Ping"), other.require("Ping", "Ping"));
        assertThrows(UnsupportedOperationException.class, () -> pages.pages().set(0, null));
        assertThrows(UnsupportedOperationException.class, () -> pages.page(0).orElseThrow().tags().clear());
    }
}
