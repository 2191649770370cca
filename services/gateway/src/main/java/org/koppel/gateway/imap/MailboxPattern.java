package org.koppel.gateway.imap;

import java.util.regex.Pattern;
import org.koppel.gateway.mailbox.Mailbox;

/**
 * A LIST pattern (RFC 9051 6.3.9): {@code *} matches anything, {@code %} anything but the hierarchy
 * delimiter; the reference is prepended; INBOX matches in any case.
 */
record MailboxPattern(Pattern regex) {

    static MailboxPattern of(String reference, String pattern) {
        String full = reference + pattern;
        if (full.regionMatches(true, 0, Mailbox.INBOX, 0, 5)
                && (full.length() == 5 || full.charAt(5) == Mailbox.DELIMITER)) {
            full = Mailbox.INBOX + full.substring(5);
        }
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*' || c == '%') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : "[^" + Pattern.quote(String.valueOf(Mailbox.DELIMITER)) + "]*");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        return new MailboxPattern(Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
