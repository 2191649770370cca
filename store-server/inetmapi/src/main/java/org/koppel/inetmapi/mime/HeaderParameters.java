package org.koppel.inetmapi.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The parameters of a structured header such as Content-Type or Content-Disposition, with RFC 2231
 * continuations ({@code name*0}, {@code name*1}) and charset-encoded values ({@code name*=utf-8''...})
 * assembled, and RFC 2047 encoded words in plain values (which many mailers use for file names) decoded.
 */
final class HeaderParameters {

    private HeaderParameters() {
    }

    /** The main value (before the first ';'), lowercased. */
    static String value(String header) {
        return header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Every parameter by lowercase name, decoded. */
    static Map<String, String> parse(String header) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> sections = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int eq = header.indexOf('=', i + 1);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < header.length() && Character.isWhitespace(header.charAt(j))) {
                j++;
            }
            String value;
            if (j < header.length() && header.charAt(j) == '"') {
                StringBuilder sb = new StringBuilder();
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    sb.append(c);
                    j++;
                }
                value = sb.toString();
                int semi = header.indexOf(';', j);
                i = semi;
            } else {
                int semi = header.indexOf(';', j);
                value = (semi < 0 ? header.substring(j) : header.substring(j, semi)).strip();
                i = semi;
            }
            boolean encoded = name.endsWith("*");
            String base = encoded ? name.substring(0, name.length() - 1) : name;
            int star = base.indexOf('*');
            if (star > 0) {
                try {
                    int section = Integer.parseInt(base.substring(star + 1));
                    sections.computeIfAbsent(base.substring(0, star), k -> new TreeMap<>())
                            .put(section, new String[] {value, encoded ? "1" : ""});
                    continue;
                } catch (NumberFormatException notASection) {
                    // an odd name: keep it as it is
                }
            }
            if (encoded) {
                plain.put(base, extended(value, null));
            } else if (!plain.containsKey(name)) {
                plain.put(name, DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT));
            }
        }
        for (var e : sections.entrySet()) {
            StringBuilder joined = new StringBuilder();
            Charset cs = null;
            boolean first = true;
            for (String[] part : e.getValue().values()) {
                if (part[1].isEmpty()) {
                    joined.append(part[0]);
                } else if (first) {
                    int q1 = part[0].indexOf('\'');
                    int q2 = q1 < 0 ? -1 : part[0].indexOf('\'', q1 + 1);
                    cs = q1 > 0 ? BodyText.charset(part[0].substring(0, q1)).orElse(StandardCharsets.UTF_8)
                            : StandardCharsets.UTF_8;
                    joined.append(percentDecode(q2 < 0 ? part[0] : part[0].substring(q2 + 1), cs));
                } else {
                    joined.append(percentDecode(part[0], cs == null ? StandardCharsets.UTF_8 : cs));
                }
                first = false;
            }
            plain.put(e.getKey(), joined.toString());
        }
        return plain;
    }

    /** An RFC 2231 extended value: charset'language'percent-encoded. */
    private static String extended(String value, Charset fallback) {
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return percentDecode(value, fallback == null ? StandardCharsets.UTF_8 : fallback);
        }
        Charset cs = BodyText.charset(value.substring(0, q1)).orElse(StandardCharsets.UTF_8);
        return percentDecode(value.substring(q2 + 1), cs);
    }

    private static String percentDecode(String s, Charset cs) {
        return new String(org.koppel.inetmapi.HexEscapes.decode(s, '%', cs), cs);
    }
}
