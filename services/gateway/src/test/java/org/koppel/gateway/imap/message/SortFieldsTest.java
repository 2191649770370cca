package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.imap.syntax.ImapCommand;

class SortFieldsTest {

    @Test
    void fieldsFromHeaders() throws Exception {
        Headers h = TestMessages.reader("nested.eml").structure().headers();
        SortFields f = SortFields.of(4, Instant.EPOCH, 1320, h);
        assertEquals("CAF\u00c9 AFTERNOON", f.subject());
        assertEquals("FOOBAR", f.from());
        assertEquals("MOOCH", f.to());
        assertEquals("", f.cc(), "a group has no mailbox");
        assertEquals("FRED FOOBAR", f.displayFrom());
        assertEquals("MOOCH@OWATAGU.SIAM.EDU.EXAMPLE", f.displayTo());
        assertEquals(Instant.parse("1994-02-08T05:52:25Z"), f.sent());
    }

    @Test
    void orderByCriteriaThenId() {
        List<SortFields> messages = new ArrayList<>(List.of(
                new SortFields(1, Instant.ofEpochSecond(3), Instant.ofEpochSecond(3), 100, "b", "", "", "", "", ""),
                new SortFields(2, Instant.ofEpochSecond(1), Instant.ofEpochSecond(1), 300, "a", "", "", "", "", ""),
                new SortFields(3, Instant.ofEpochSecond(2), Instant.ofEpochSecond(2), 200, "a", "", "", "", "", "")));
        messages.sort(SortFields.order(List.of(new ImapCommand.SortCriterion(ImapCommand.SortKey.SUBJECT, false),
                new ImapCommand.SortCriterion(ImapCommand.SortKey.SIZE, true))));
        assertEquals(List.of(2L, 3L, 1L), messages.stream().map(SortFields::id).toList());
        messages.sort(SortFields.order(List.of(new ImapCommand.SortCriterion(ImapCommand.SortKey.ARRIVAL, true))));
        assertEquals(List.of(1L, 3L, 2L), messages.stream().map(SortFields::id).toList());
        messages.sort(SortFields.order(List.of(new ImapCommand.SortCriterion(ImapCommand.SortKey.CC, false))));
        assertEquals(List.of(1L, 2L, 3L), messages.stream().map(SortFields::id).toList());
    }
}
