package org.koppel.inetmapi.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Text bodies as they really are: the declared charset when the bytes fit it, UTF-8 when they are valid
 * UTF-8 (mislabelled or unlabelled 8-bit mail is mostly UTF-8 today), else Windows-1252, which never
 * fails and is what "8-bit Latin" mail nearly always is. Also RFC 3676 format=flowed.
 */
final class BodyText {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private BodyText() {
    }

    /** The text of a body and the charset it was read with. */
    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] bytes, String declared) {
        Optional<Charset> cs = charset(declared);
        if (cs.isPresent() && !cs.get().equals(StandardCharsets.US_ASCII)) {
            Optional<String> strict = strict(bytes, cs.get());
            if (strict.isPresent()) {
                return new Decoded(strict.get(), cs.get());
            }
        }
        if (isAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), cs.orElse(StandardCharsets.US_ASCII));
        }
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8);
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252);
    }

    /** A charset by its MIME name; unknown or malformed names are empty (the caller detects instead). */
    static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        // Mail calls Windows-1252 "iso-8859-1" more often than not; the superset reads both right.
        if (n.equals("iso-8859-1") || n.equals("latin1")) {
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strict(byte[] bytes, Charset cs) {
        try {
            return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Joins the soft line breaks of format=flowed text (RFC 3676 section 4): a line ending in a space
     * continues on the next; with DelSp=yes that space is deleted; space-stuffing is removed; quote depth
     * changes end a paragraph; the signature separator "-- " stays a line of its own.
     */
    static String unflow(String text, boolean delSp) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder para = null;
        int paraDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean flowed = line.endsWith(" ") && !line.equals("-- ");
            if (para != null && depth != paraDepth) {
                out.append(">".repeat(paraDepth)).append(paraDepth > 0 ? " " : "").append(para).append("\r\n");
                para = null;
            }
            if (para == null) {
                para = new StringBuilder();
                paraDepth = depth;
            }
            if (flowed) {
                para.append(delSp ? line.substring(0, line.length() - 1) : line);
            } else {
                para.append(line);
                out.append(">".repeat(depth)).append(depth > 0 ? " " : "").append(para).append("\r\n");
                para = null;
            }
        }
        if (para != null && para.length() > 0) {
            out.append(">".repeat(paraDepth)).append(paraDepth > 0 ? " " : "").append(para);
        }
        String s = out.toString();
        return s.endsWith("\r\n") && !text.endsWith("\n") ? s.substring(0, s.length() - 2) : s;
    }

    /** Plain text of an HTML body, for a message that has no text/plain alternative. */
    static String htmlToText(String html) {
        String s = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "");
        s = s.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|div|tr|h[1-6]|li)>", "\n");
        s = s.replaceAll("(?s)<[^>]*>", "");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        s = s.replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        return s.strip().replace("\n", "\r\n");
    }
}
