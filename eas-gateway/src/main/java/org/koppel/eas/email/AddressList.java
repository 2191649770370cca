package org.koppel.eas.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.backend.EmailAddress;

/**
 * The address lists of To, Cc, ReplyTo, From and email2:Bcc: RFC 5322 mailboxes
 * ({@code "Anna Berg" <anna@example.org>}) separated by commas. Parsing also takes semicolons as
 * separators, because clients type lists the way Outlook shows them; it handles quoted names
 * (with backslash escapes) and refuses unbalanced quotes or brackets. Groups and comments are not
 * understood: a group's name would become part of an address.
 */
final class AddressList {

    private AddressList() {
    }

    static String format(List<EmailAddress> addresses) {
        StringBuilder sb = new StringBuilder();
        for (EmailAddress a : addresses) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(format(a));
        }
        return sb.toString();
    }

    static String format(EmailAddress a) {
        if (a.name().isEmpty()) {
            return a.address();
        }
        return "\"" + a.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + a.address() + ">";
    }

    /** The mailboxes of {@code s}; empty when {@code s} is malformed. */
    static Optional<List<EmailAddress>> parse(String s) {
        List<EmailAddress> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < s.length()) {
                    part.append(c).append(s.charAt(++i));
                    continue;
                }
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                if (angle) {
                    return Optional.empty();
                }
                angle = true;
            } else if (c == '>') {
                if (!angle) {
                    return Optional.empty();
                }
                angle = false;
            } else if ((c == ',' || c == ';') && !angle) {
                if (!mailbox(part.toString(), out)) {
                    return Optional.empty();
                }
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        if (quoted || angle || !mailbox(part.toString(), out)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(out));
    }

    /** Adds the mailbox written in {@code raw}; blank parts (a trailing separator) add nothing. */
    private static boolean mailbox(String raw, List<EmailAddress> out) {
        String p = raw.strip();
        if (p.isEmpty()) {
            return true;
        }
        int lt = p.lastIndexOf('<');
        if (lt < 0) {
            if (p.indexOf('"') >= 0 || p.indexOf(' ') >= 0) {
                return false;
            }
            out.add(EmailAddress.of(p));
            return true;
        }
        if (!p.endsWith(">")) {
            return false;
        }
        String address = p.substring(lt + 1, p.length() - 1).strip();
        if (address.isEmpty()) {
            return false;
        }
        out.add(new EmailAddress(unquote(p.substring(0, lt).strip()), address));
        return true;
    }

    private static String unquote(String name) {
        if (name.length() < 2 || !name.startsWith("\"") || !name.endsWith("\"")) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length() - 1) {
                c = name.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
