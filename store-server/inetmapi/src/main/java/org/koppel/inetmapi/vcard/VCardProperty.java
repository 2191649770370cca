package org.koppel.inetmapi.vcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One content line of a vCard (RFC 6350 section 3.3): its name, parameters (lowercase names, values as
 * given) and value, after unfolding and transfer decoding (quoted-printable, base64) but before the
 * text-value unescaping that depends on the property.
 */
record VCardProperty(String name, Map<String, List<String>> params, String value, byte[] binary) {

    /** The TYPE parameter values, lowercased, whether given as TYPE=a,b, TYPE=a;TYPE=b or (2.1) bare. */
    List<String> types() {
        List<String> out = new ArrayList<>();
        for (String t : params.getOrDefault("type", List.of())) {
            for (String one : t.split(",")) {
                out.add(one.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    boolean hasType(String type) {
        return types().contains(type);
    }

    /** PREF (4.0) or TYPE=pref (3.0): lower is preferred; 100 when absent. */
    int preference() {
        List<String> pref = params.get("pref");
        if (pref != null && !pref.isEmpty()) {
            try {
                return Integer.parseInt(pref.get(0).strip());
            } catch (NumberFormatException ignored) {
                return 100;
            }
        }
        return hasType("pref") ? 1 : 100;
    }

    /** The value's components split at unescaped ';' (N, ADR, ORG), each unescaped. */
    List<String> components() {
        return VCardText.split(value, ';');
    }

    /** The value as text, unescaped. */
    String text() {
        return VCardText.unescape(value);
    }
}
