package org.koppel.gateway.imap.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses an RFC 5322 address-list header value (with the obsolete forms that occur in real mail) into envelope
 * addresses. Tolerant: what cannot be parsed is skipped up to the next comma.
 */
final class AddressList {

    private enum Kind { WORD, QUOTED, SPECIAL }

    private record Token(Kind kind, String text) {
        boolean is(char c) {
            return kind == Kind.SPECIAL && text.charAt(0) == c;
        }
    }

    private static final int MAX_ADDRESSES = 1000;

    private final List<Token> tokens;
    private int pos;

    private AddressList(String value) {
        this.tokens = tokenize(value);
    }

    static List<EnvelopeAddress> parse(String value) {
        return new AddressList(value).list();
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                int depth = 0;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\\') {
                        i++;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        i++;
                        break;
                    }
                    i++;
                }
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                i++;
                out.add(new Token(Kind.QUOTED, sb.toString()));
            } else if ("<>,:;@[]".indexOf(c) >= 0) {
                if (c == '[') {
                    int end = s.indexOf(']', i);
                    end = end < 0 ? n : end + 1;
                    out.add(new Token(Kind.WORD, s.substring(i, end)));
                    i = end;
                } else {
                    out.add(new Token(Kind.SPECIAL, String.valueOf(c)));
                    i++;
                }
            } else if (c == ')') {
                i++; // unbalanced: ignored
            } else {
                int start = i;
                while (i < n && " \t\r\n()\"<>,:;@[]".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i)));
            }
        }
        return out;
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private List<EnvelopeAddress> list() {
        List<EnvelopeAddress> out = new ArrayList<>();
        while (peek() != null && out.size() < MAX_ADDRESSES) {
            if (peek().is(',')) {
                pos++;
                continue;
            }
            int before = pos;
            item(out, false);
            if (pos == before) {
                pos++;
            }
        }
        return out;
    }

    /** A mailbox or, outside a group, a group. */
    private void item(List<EnvelopeAddress> out, boolean inGroup) {
        List<Token> phrase = new ArrayList<>();
        while (peek() != null) {
            Token t = peek();
            if (t.is('<')) {
                pos++;
                angle(out, phrase);
                return;
            }
            if (t.is(':') && !inGroup) {
                pos++;
                group(out, words(phrase, " "));
                return;
            }
            if (t.is('@')) {
                pos++;
                String domain = domain();
                out.add(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), local(phrase), domain));
                skipToSeparator(inGroup);
                return;
            }
            if (t.is(',') || t.is(';') || t.is('>')) {
                if (!phrase.isEmpty()) {
                    out.add(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), local(phrase),
                            EnvelopeAddress.MISSING_DOMAIN));
                }
                if (t.is('>')) {
                    pos++;
                }
                return;
            }
            phrase.add(t);
            pos++;
        }
        if (!phrase.isEmpty()) {
            out.add(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), local(phrase),
                    EnvelopeAddress.MISSING_DOMAIN));
        }
    }

    private void group(List<EnvelopeAddress> out, String name) {
        out.add(new EnvelopeAddress.GroupStart(name));
        while (peek() != null && !peek().is(';') && out.size() < MAX_ADDRESSES) {
            if (peek().is(',')) {
                pos++;
                continue;
            }
            int before = pos;
            item(out, true);
            if (pos == before) {
                pos++;
            }
        }
        if (peek() != null) {
            pos++;
        }
        out.add(new EnvelopeAddress.GroupEnd());
    }

    /** After {@code <}: [route ":"] local "@" domain {@code >}. */
    private void angle(List<EnvelopeAddress> out, List<Token> phrase) {
        StringBuilder route = new StringBuilder();
        List<Token> local = new ArrayList<>();
        String domain = null;
        while (peek() != null && !peek().is('>')) {
            Token t = peek();
            if (t.is('@') && local.isEmpty() && domain == null) {
                // obsolete route: @a,@b:
                pos++;
                StringBuilder r = new StringBuilder();
                while (peek() != null && !peek().is(':') && !peek().is('>')) {
                    Token rt = peek();
                    r.append(rt.is(',') ? "," : rt.is('@') ? "@" : rt.text());
                    pos++;
                }
                if (peek() != null && peek().is(':')) {
                    pos++;
                    route.append('@').append(r);
                }
            } else if (t.is('@')) {
                pos++;
                domain = domain();
            } else {
                local.add(t);
                pos++;
            }
        }
        if (peek() != null) {
            pos++;
        }
        String name = words(phrase, " ");
        String mailbox = local.isEmpty() ? EnvelopeAddress.MISSING_MAILBOX : local(local);
        out.add(new EnvelopeAddress.Mailbox(name.isEmpty() ? Optional.empty() : Optional.of(name),
                route.isEmpty() ? Optional.empty() : Optional.of(route.toString()), mailbox,
                domain == null || domain.isEmpty() ? EnvelopeAddress.MISSING_DOMAIN : domain));
    }

    private String domain() {
        StringBuilder sb = new StringBuilder();
        while (peek() != null && peek().kind() == Kind.WORD) {
            sb.append(peek().text());
            pos++;
        }
        return sb.isEmpty() ? EnvelopeAddress.MISSING_DOMAIN : sb.toString();
    }

    private void skipToSeparator(boolean inGroup) {
        while (peek() != null && !peek().is(',') && !(inGroup && peek().is(';'))) {
            pos++;
        }
    }

    private static String local(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(t.kind() == Kind.QUOTED ? quote(t.text()) : t.text());
        }
        return sb.isEmpty() ? EnvelopeAddress.MISSING_MAILBOX : sb.toString();
    }

    private static String quote(String s) {
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c > ' ' && c < 127 && "()<>[]:;@\\,.\"".indexOf(c) < 0;
        }
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String words(List<Token> tokens, String separator) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (!sb.isEmpty()) {
                sb.append(separator);
            }
            sb.append(t.text());
        }
        return sb.toString();
    }
}
