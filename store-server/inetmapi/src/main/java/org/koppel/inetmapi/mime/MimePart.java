package org.koppel.inetmapi.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.stream.Field;
import org.koppel.inetmapi.Spool;

/**
 * One entity of a parsed message: its header fields as they came, and either a body (spooled), child
 * parts (a multipart) or an embedded message (message/rfc822).
 */
final class MimePart {

    final List<Field> fields = new ArrayList<>();
    final List<MimePart> children = new ArrayList<>();
    String mimeType = "text/plain";
    String charset;
    MimePart embedded;
    Spool body;
    final int depth;

    MimePart(int depth) {
        this.depth = depth;
    }

    /** The first field of a name, case-insensitively. */
    Optional<Field> field(String name) {
        for (Field f : fields) {
            if (f.getName().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The unfolded body of the first field of a name. Raw 8-bit bytes (headers sent without RFC 2047
     * encoding) are read as UTF-8 when they are valid UTF-8, else as Windows-1252.
     */
    Optional<String> header(String name) {
        return field(name).map(f -> f.getBody() == null ? "" : eightBit(f.getBody()).replaceAll("\r?\n[ \t]", " ")
                .strip());
    }

    private static String eightBit(String latin1) {
        boolean high = false;
        for (int i = 0; i < latin1.length() && !high; i++) {
            high = latin1.charAt(i) >= 0x80;
        }
        if (!high || latin1.chars().anyMatch(c -> c > 0xFF)) {
            return latin1;
        }
        return BodyText.decode(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null).text();
    }

    boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    boolean is(String type) {
        return mimeType.equals(type.toLowerCase(Locale.ROOT));
    }

    void close() {
        if (body != null) {
            body.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        children.forEach(MimePart::close);
    }
}
