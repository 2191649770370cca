package org.koppel.gateway.imap.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses an RFC 5322 address-list header value (with the obsolete forms that occur in real mail) into envelope
 * addresses. Tolerant: what cannot be parsed is skipped up to the next comma.
 */
final class AddressList {

    private enum Kind { WORD, QUOTED, SPECIAL, COMMENT }

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
                StringBuilder comment = new StringBuilder();
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        i++;
                        d = s.charAt(i);
                    } else if (d == '(') {
                        depth++;
                        if (depth == 1) {
                            i++;
                            continue;
                        }
                    } else if (d == ')' && --depth == 0) {
                        i++;
                        break;
                    }
                    comment.append(d);
                    i++;
                }
                out.add(new Token(Kind.COMMENT, comment.toString().strip()));
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

    /** The next token that is not a comment (comments count only after a bare addr-spec), without taking it. */
    private Token peek() {
        int i = skipComments(pos);
        return i < tokens.size() ? tokens.get(i) : null;
    }

    /** Takes the token {@link #peek()} returned. */
    private void advance() {
        pos = skipComments(pos) + 1;
    }

    private int skipComments(int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.COMMENT) {
            i++;
        }
        return i;
    }

    /**
     * The first non-empty comment between here and the end of this address: {@code user@domain (Real Name)}, the
     * obsolete way of naming the person, which clients show as the name.
     */
    private Optional<String> trailingComment(boolean inGroup) {
        for (int i = pos; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(',') || inGroup && t.is(';')) {
                break;
            }
            if (t.kind() == Kind.COMMENT && !t.text().isEmpty()) {
                return Optional.of(t.text());
            }
        }
        return Optional.empty();
    }

    private List<EnvelopeAddress> list() {
        List<EnvelopeAddress> out = new ArrayList<>();
        while (peek() != null && out.size() < MAX_ADDRESSES) {
            if (peek().is(',')) {
                advance();
                continue;
            }
            int before = pos;
            item(out, false);
            if (pos == before) {
                advance();
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
                advance();
                angle(out, phrase);
                return;
            }
            if (t.is(':') && !inGroup) {
                advance();
                group(out, words(phrase, " "));
                return;
            }
            if (t.is('@')) {
                advance();
                String domain = domain();
                out.add(new EnvelopeAddress.Mailbox(trailingComment(inGroup), Optional.empty(), local(phrase),
                        domain));
                skipToSeparator(inGroup);
                return;
            }
            if (t.is(',') || t.is(';') || t.is('>')) {
                if (!phrase.isEmpty()) {
                    out.add(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), local(phrase),
                            EnvelopeAddress.MISSING_DOMAIN));
                }
                if (t.is('>')) {
                    advance();
                }
                return;
            }
            phrase.add(t);
            advance();
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
                advance();
                continue;
            }
            int before = pos;
            item(out, true);
            if (pos == before) {
                advance();
            }
        }
        if (peek() != null) {
            advance();
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
                advance();
                StringBuilder r = new StringBuilder();
                while (peek() != null && !peek().is(':') && !peek().is('>')) {
                    Token rt = peek();
                    r.append(rt.is(',') ? "," : rt.is('@') ? "@" : rt.text());
                    advance();
                }
                if (peek() != null && peek().is(':')) {
                    advance();
                    route.append('@').append(r);
                }
            } else if (t.is('@')) {
                advance();
                domain = domain();
            } else {
                local.add(t);
                advance();
            }
        }
        if (peek() != null) {
            advance();
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
            advance();
        }
        return sb.isEmpty() ? EnvelopeAddress.MISSING_DOMAIN : sb.toString();
    }

    private void skipToSeparator(boolean inGroup) {
        while (peek() != null && !peek().is(',') && !(inGroup && peek().is(';'))) {
            advance();
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
