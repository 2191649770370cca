package org.koppel.dagent.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Whether the message (read from its start) carries the spam header with the configured value. Reads the
     * header only, line by line, and stops at its end: the body is never read.
     */
    public boolean matches(InputStream message) throws IOException {
        if (!enabled()) {
            return false;
        }
        InputStream in = new BufferedInputStream(message, 8192);
        String wanted = headerName.toLowerCase(Locale.ROOT) + ":";
        String prefix = valuePrefix.toLowerCase(Locale.ROOT);
        StringBuilder field = null;
        long budget = MAX_HEADER_BYTES;
        StringBuilder line = new StringBuilder(128);
        while (budget > 0) {
            line.setLength(0);
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && --budget > 0) {
                // 8-bit header bytes stay as they are (ISO-8859-1 maps every byte); only ASCII is compared.
                line.append((char) b);
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            boolean last = b < 0 || budget <= 0;
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (field != null) {
                    field.append(' ').append(line.toString().strip());
                }
            } else {
                if (field != null && isSpam(field.toString(), prefix)) {
                    return true;
                }
                field = null;
                if (line.isEmpty()) {
                    return false; // end of the header
                }
                if (line.length() >= wanted.length()
                        && line.substring(0, wanted.length()).toLowerCase(Locale.ROOT).equals(wanted)) {
                    field = new StringBuilder(line.substring(wanted.length()).strip());
                }
            }
            if (last) {
                break;
            }
        }
        return field != null && isSpam(field.toString(), prefix);
    }

    private static boolean isSpam(String value, String prefix) {
        return value.strip().toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
