package org.koppel.dagent.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpamRuleTest {

    private static final SpamRule RULE = new SpamRule("X-Spam-Status", "Yes");

    private static boolean spam(SpamRule rule, String message) throws IOException {
        return rule.matches(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theTopLevelHeaderDecides() throws IOException {
        assertTrue(spam(RULE, "Subject: hi\r\nX-Spam-Status: Yes, score=9\r\n\r\nbody\r\n"));
        assertTrue(spam(RULE, "x-spam-status:   yes\r\n\r\n"), "names and values compare case-insensitively");
        assertFalse(spam(RULE, "Subject: hi\r\nX-Spam-Status: No, score=0\r\n\r\nbody\r\n"));
        assertFalse(spam(RULE, "Subject: hi\r\n\r\nbody\r\n"));
    }

    @Test
    void aFoldedValueIsJoined() throws IOException {
        assertTrue(spam(RULE, "X-Spam-Status:\r\n\tYes, score=12.1\r\nSubject: x\r\n\r\n"));
        assertFalse(spam(RULE, "X-Spam-Status: No,\r\n Yes\r\n\r\n"));
    }

    @Test
    void theBodyAndAnEmbeddedReportDoNotCount() throws IOException {
        assertFalse(spam(RULE, "Subject: report\r\n\r\nX-Spam-Status: Yes\r\n"));
        assertFalse(spam(RULE, "Subject: fwd\r\nContent-Type: message/rfc822\r\n\r\nX-Spam-Status: Yes\r\n\r\n"));
    }

    @Test
    void bareLineFeedsAndAHeaderWithoutBodyWork() throws IOException {
        assertTrue(spam(RULE, "Subject: hi\nX-Spam-Status: Yes\n\nbody\n"));
        assertTrue(spam(RULE, "Subject: hi\r\nX-Spam-Status: Yes"), "the header ends at the end of the message");
        assertFalse(spam(RULE, ""));
    }

    @Test
    void aHeaderNameThatOnlyStartsTheSameDoesNotCount() throws IOException {
        assertFalse(spam(RULE, "X-Spam-Status-Old: Yes\r\n\r\n"));
        assertFalse(spam(RULE, "X-Spam: Yes\r\n\r\n"));
    }

    @Test
    void aRuleWithoutHeaderNameIsOff() throws IOException {
        assertFalse(spam(new SpamRule("", "Yes"), "X-Spam-Status: Yes\r\n\r\n"));
    }
}
