package org.koppel.gateway.imap.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What threading needs of one message (RFC 5256 section 2.2).
 *
 * @param id         the message number or UID that the THREAD response names
 * @param messageId  the normalised Message-ID, if valid
 * @param references the normalised References (or, without them, the first In-Reply-To id), oldest first
 * @param sent       the sent date, or the internal date when the Date header is missing or unparsable
 */
public record ThreadMessage(long id, Optional<String> messageId, List<String> references, BaseSubject subject,
        Instant sent) {

    private static final int MAX_REFERENCES = 500;

    public ThreadMessage {
        references = List.copyOf(references);
    }

    public static ThreadMessage of(long id, Instant internalDate, Headers headers) {
        List<String> ids = headers.text("Message-ID").map(ThreadMessage::messageIds).orElse(List.of());
        List<String> references = headers.text("References").map(ThreadMessage::messageIds).orElse(List.of());
        if (references.isEmpty()) {
            references = headers.text("In-Reply-To").map(ThreadMessage::messageIds).orElse(List.of()).stream()
                    .limit(1).toList();
        }
        return new ThreadMessage(id, ids.stream().findFirst(), references,
                BaseSubject.of(headers.text("Subject").orElse("")),
                SentDate.of(headers).map(OffsetDateTime -> OffsetDateTime.toInstant()).orElse(internalDate));
    }

    /**
     * The msg-ids in a header value, normalised so that quoting does not matter: {@code <"a b"@x>} equals
     * {@code <ab@x>} (RFC 5256 requires {@code <"01KF8JCEOCBS0045PS"@xxx.yyy.com>} to equal the unquoted form).
     */
    static List<String> messageIds(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (out.size() < MAX_REFERENCES) {
            int open = value.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = value.indexOf('>', open);
            if (close < 0) {
                break;
            }
            StringBuilder id = new StringBuilder();
            for (int k = open + 1; k < close; k++) {
                char c = value.charAt(k);
                if (c != '"' && c != '\\' && !Character.isWhitespace(c)) {
                    id.append(c);
                }
            }
            if (id.indexOf("@") > 0) {
                out.add(id.toString());
            }
            i = close + 1;
        }
        return out;
    }
}
