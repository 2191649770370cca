package org.koppel.dagent.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The spam filter's verdict as it wrote it into the message: a header (X-Spam-Status) whose value starts with
 * a configured word (Yes). Only the top-level header is read, and at most {@link #MAX_HEADER_BYTES} of it, so a
 * forwarded spam report inside a clean message does not count.
 */
public record SpamRule(String headerName, String valuePrefix) {

    static final int MAX_HEADER_BYTES = 1 << 20;

    public SpamRule {
        headerName = headerName == null ? "" : headerName.strip();
        valuePrefix = valuePrefix == null ? "" : valuePrefix.strip();
    }

    public boolean enabled() {
        return !headerName.isEmpty();
    }

    /** Whether the message (read from its start) carries the spam header with the configured value. */
    public boolean matches(InputStream message) throws IOException {
        if (!enabled()) {
            return false;
        }
        byte[] head = message.readNBytes(MAX_HEADER_BYTES);
        // 8-bit header bytes stay as they are (ISO-8859-1 maps every byte); only ASCII is compared.
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String wanted = headerName.toLowerCase(Locale.ROOT) + ":";
        String prefix = valuePrefix.toLowerCase(Locale.ROOT);
        StringBuilder field = null;
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (field != null) {
                    field.append(' ').append(line.strip());
                }
                continue;
            }
            if (field != null && isSpam(field.toString(), prefix)) {
                return true;
            }
            field = null;
            if (line.isEmpty()) {
                return false; // end of the header
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(wanted)) {
                field = new StringBuilder(line.substring(wanted.length()).strip());
            }
        }
        return field != null && isSpam(field.toString(), prefix);
    }

    private static boolean isSpam(String value, String prefix) {
        return value.toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
