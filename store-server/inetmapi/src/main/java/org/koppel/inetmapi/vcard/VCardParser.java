package org.koppel.inetmapi.vcard;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads vCards (RFC 6350 4.0, RFC 2426 3.0, and the 2.1 forms still in the wild): unfolds lines, splits
 * groups, names, parameters and values, decodes quoted-printable and base64 values. Bounded: at most
 * {@link #MAX_PROPERTIES} lines per card and {@link #MAX_CARDS} cards; malformed lines are skipped.
 */
final class VCardParser {

    static final int MAX_PROPERTIES = 10_000;
    static final int MAX_CARDS = 100_000;

    private VCardParser() {
    }

    /** Each card between BEGIN:VCARD and END:VCARD, as its properties. */
    static List<List<VCardProperty>> parse(String text) {
        List<List<VCardProperty>> cards = new ArrayList<>();
        List<VCardProperty> current = null;
        for (String line : unfold(text)) {
            VCardProperty p = line(line);
            if (p == null) {
                continue;
            }
            if (p.name().equals("BEGIN") && p.value().equalsIgnoreCase("VCARD")) {
                if (cards.size() >= MAX_CARDS) {
                    throw new IllegalArgumentException("more than " + MAX_CARDS + " vCards");
                }
                current = new ArrayList<>();
            } else if (p.name().equals("END") && p.value().equalsIgnoreCase("VCARD")) {
                if (current != null) {
                    cards.add(current);
                }
                current = null;
            } else if (current != null) {
                if (current.size() >= MAX_PROPERTIES) {
                    throw new IllegalArgumentException("a vCard with more than " + MAX_PROPERTIES + " properties");
                }
                current.add(p);
            }
        }
        return cards;
    }

    /** Logical lines: a line starting with a space or tab continues the previous one (and 2.1 soft breaks). */
    private static List<String> unfold(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        boolean qpSoft = false;
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            if (cur != null && (qpSoft || (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t')))) {
                cur.append(qpSoft ? raw : raw.substring(1));
            } else {
                if (cur != null) {
                    out.add(cur.toString());
                }
                cur = new StringBuilder(raw);
            }
            String s = cur.toString();
            qpSoft = s.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE") && s.endsWith("=");
            if (qpSoft) {
                cur.setLength(cur.length() - 1);
            }
        }
        if (cur != null && cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static VCardProperty line(String line) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return null;
        }
        String head = line.substring(0, colon);
        String value = line.substring(colon + 1);
        List<String> parts = splitParams(head);
        String name = parts.get(0);
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        name = name.toUpperCase(Locale.ROOT);
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            int eq = p.indexOf('=');
            String pn = (eq < 0 ? "type" : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String pv = eq < 0 ? p : p.substring(eq + 1);
            if (pv.length() >= 2 && pv.startsWith("\"") && pv.endsWith("\"")) {
                pv = pv.substring(1, pv.length() - 1);
            }
            params.computeIfAbsent(pn, k -> new ArrayList<>()).add(pv);
        }
        String encoding = params.getOrDefault("encoding", List.of("")).get(0).toLowerCase(Locale.ROOT);
        Charset cs = StandardCharsets.UTF_8;
        if (params.containsKey("charset")) {
            try {
                cs = Charset.forName(params.get("charset").get(0));
            } catch (IllegalArgumentException unknown) {
                cs = StandardCharsets.UTF_8;
            }
        }
        byte[] binary = null;
        if (encoding.equals("b") || encoding.equals("base64")) {
            try {
                binary = Base64.getMimeDecoder().decode(value.strip());
            } catch (IllegalArgumentException bad) {
                binary = new byte[0];
            }
        } else if (encoding.equals("quoted-printable")) {
            value = new String(quotedPrintable(value), cs);
        } else if (value.regionMatches(true, 0, "data:", 0, 5) && value.contains(";base64,")) {
            try {
                binary = Base64.getMimeDecoder().decode(value.substring(value.indexOf(";base64,") + 8).strip());
            } catch (IllegalArgumentException bad) {
                binary = new byte[0];
            }
        }
        return new VCardProperty(name, params, value, binary);
    }

    private static List<String> splitParams(String head) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : head.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static byte[] quotedPrintable(String s) {
        return org.koppel.inetmapi.HexEscapes.decode(s, '=', StandardCharsets.UTF_8);
    }
}
