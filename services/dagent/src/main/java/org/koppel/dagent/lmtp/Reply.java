package org.koppel.dagent.lmtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One LMTP reply: a code and its lines (each already carrying its enhanced status code where it has one). */
record Reply(int code, List<String> lines) {

    Reply {
        if (code < 200 || code > 599 || lines.isEmpty()) {
            throw new IllegalArgumentException("not a reply: " + code + " " + lines);
        }
        lines = List.copyOf(lines);
    }

    /** A one-line reply with an enhanced status code (RFC 3463). */
    static Reply of(int code, String enhanced, String text) {
        return new Reply(code, List.of(enhanced + " " + text));
    }

    boolean positive() {
        return code < 400;
    }

    /** The reply as sent: "250-..." for every line but the last, "250 ..." for the last, CRLF each. */
    byte[] encode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return code + " " + String.join(" / ", lines);
    }
}
