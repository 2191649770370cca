package org.koppel.gateway.imap.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entity of a message as it lies in the raw octets: where its header and body are, how many lines the body
 * has, and its sub-entities. Offsets are absolute within the message.
 *
 * @param headerStart first octet of the header
 * @param bodyStart   first octet of the body (after the blank line that ends the header)
 * @param bodyEnd     end of the body, excluding the line break that belongs to a following boundary
 * @param bodyLines   line breaks in the body, plus one if its last line has none
 * @param children    the parts of a multipart
 * @param embedded    the message inside a message/rfc822 (or global) part
 */
public record MimePart(Headers headers, ContentType contentType, long headerStart, long bodyStart, long bodyEnd,
        long bodyLines, List<MimePart> children, Optional<MimePart> embedded) {

    public MimePart {
        children = List.copyOf(children);
    }

    public long bodySize() {
        return bodyEnd - bodyStart;
    }

    /** The header octets, terminating blank line included. */
    public long headerSize() {
        return bodyStart - headerStart;
    }

    /** The Content-Transfer-Encoding, lower case; "7bit" by default. */
    public String transferEncoding() {
        return headers.text("Content-Transfer-Encoding").map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).orElse("7bit");
    }

    /** Whether this part contains a message (message/rfc822, or message/global of RFC 6532). */
    public boolean isMessage() {
        return embedded.isPresent();
    }

    /**
     * The part a section-part path names (RFC 9051 6.4.5), with this part as the message: numbers count the parts of
     * a multipart; in a message/rfc822 part they apply to the embedded message; a message whose body is not
     * multipart has just part 1, its body.
     */
    public Optional<MimePart> part(List<Integer> path) {
        MimePart current = this;
        boolean messageLevel = true;
        for (int number : path) {
            boolean message = messageLevel || current.isMessage();
            MimePart container = messageLevel ? current : current.embedded().orElse(current);
            if (container.contentType().multipart()) {
                if (number < 1 || number > container.children().size()) {
                    return Optional.empty();
                }
                current = container.children().get(number - 1);
            } else if (message && number == 1) {
                current = container;
            } else {
                return Optional.empty();
            }
            messageLevel = false;
        }
        return Optional.of(current);
    }
}
