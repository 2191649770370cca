package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.imap.syntax.SearchKey;

class ContentSearchTest {

    private final SectionReader reader = TestMessages.reader("nested.eml");

    @Test
    void headersAreMatchedDecodedAndCaseInsensitively() throws Exception {
        Headers h = reader.structure().headers();
        assertTrue(ContentSearch.headerContains(h, "Subject", "caf\u00c9 AFTER"));
        assertTrue(ContentSearch.headerContains(h, "from", "blurdybloop"));
        assertTrue(ContentSearch.headerContains(h, "X-Long", "line continued"));
        assertTrue(ContentSearch.headerContains(h, "Subject", ""));
        assertFalse(ContentSearch.headerContains(h, "Bcc", ""));
        assertFalse(ContentSearch.headerContains(h, "Subject", "evening"));
    }

    /** FROM, TO, CC, BCC match what ENVELOPE gives too (RFC 9051 6.4.4), comments and spaces gone. */
    @Test
    void addressFieldsMatchTheirEnvelopeForm() throws Exception {
        Headers h = TestMessages.reader("address-comments.eml").structure().headers();
        assertTrue(ContentSearch.headerContains(h, "From", "user-from@domain.org"));
        assertTrue(ContentSearch.headerContains(h, "To", "JANE@EXAMPLE.ORG"));
        assertTrue(ContentSearch.headerContains(h, "To", "j\u00f6rg"), "the decoded display name");
        assertTrue(ContentSearch.headerContains(h, "Cc", "bob@example.org"), "a member of a group");
        assertFalse(ContentSearch.headerContains(h, "From", "nobody@domain.org"));
        assertFalse(ContentSearch.headerContains(h, "Subject", "user-from@domain.org"), "only address fields");
    }

    @Test
    void bodySearchDecodesTransferEncodingAndCharset() throws Exception {
        ContentSearch search = new ContentSearch(TestMessages.source(TestMessages.bytes("nested.eml")), reader.structure());
        assertTrue(search.bodyContains("caf\u00e9?"), "quoted-printable ISO-8859-1 text");
        assertTrue(search.bodyContains("INNER HTML"), "text part of an embedded message");
        assertTrue(search.bodyContains("Inner Sender"), "header of an embedded message is body text");
        assertFalse(search.bodyContains("Fred Foobar"), "the message's own header is not body");
        assertFalse(search.bodyContains("AAECAwQF"), "non-text parts are not searched");
        assertTrue(search.textContains("Fred Foobar"));
        assertTrue(search.textContains("Second line"));
    }

    @Test
    void sentDatesCompareTheCalendarDateAsWritten() throws Exception {
        Headers h = reader.structure().headers(); // Mon, 7 Feb 1994 21:52:25 -0800: 8 Feb in UTC
        LocalDate feb7 = LocalDate.of(1994, 2, 7);
        assertTrue(ContentSearch.sentDateMatches(h, SearchKey.DateComparison.ON, feb7));
        assertTrue(ContentSearch.sentDateMatches(h, SearchKey.DateComparison.SINCE, feb7));
        assertFalse(ContentSearch.sentDateMatches(h, SearchKey.DateComparison.BEFORE, feb7));
        assertTrue(ContentSearch.sentDateMatches(h, SearchKey.DateComparison.BEFORE, feb7.plusDays(1)));
        assertFalse(ContentSearch.sentDateMatches(new Headers(java.util.List.of()), SearchKey.DateComparison.SINCE, feb7));
    }

    @Test
    void matchesAcrossChunkBoundaries() throws Exception {
        String text = "x".repeat(8190) + "needle" + "y".repeat(100);
        assertTrue(ContentSearch.contains(new StringReader(text), "needle"));
        assertFalse(ContentSearch.contains(new StringReader(text), "needles"));
    }
}
