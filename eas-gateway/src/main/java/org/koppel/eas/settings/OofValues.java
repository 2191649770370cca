package org.koppel.eas.settings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The values of an Oof part as ActiveSync writes them, and the texts between its two body types: replies are
 * kept as plain text, HTML a device sends is reduced to its text, and a device that asks for HTML gets the text
 * escaped in a minimal document.
 */
final class OofValues {

    private OofValues() {
    }

    /** An MS-ASDTYPE dateTime ({@code 2026-07-01T08:00:00.000Z}; an offset or no fraction is taken too). */
    static Optional<Instant> dateTime(String s) {
        String t = s.strip();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** BodyType: "Text" or "HTML", in any case; empty for anything else. */
    static Optional<Boolean> isHtml(String bodyType) {
        return switch (bodyType.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(false);
            case "html" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    /** Enabled: 0 or 1. */
    static Optional<Boolean> flag(String s) {
        return switch (s.strip()) {
            case "0" -> Optional.of(false);
            case "1" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    /** The plain text of an HTML reply: tags dropped, line and paragraph breaks kept, entities decoded. */
    static String text(String html) {
        String s = html.replaceAll("(?is)<(script|style|head)\\b.*?</\\1\\s*>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6])\\s*>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t]*\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** A plain-text reply as an HTML document. */
    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r\n", "\n").replace("\n", "<br>\n");
        return "<html><body>" + escaped + "</body></html>";
    }
}
