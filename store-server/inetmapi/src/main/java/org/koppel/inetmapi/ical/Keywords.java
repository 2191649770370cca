package org.koppel.inetmapi.ical;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.koppel.mapi.NamedTags;

/** CATEGORIES <-> PidNameKeywords: every CATEGORIES property's values, in order, without repeats. */
final class Keywords {

    private Keywords() {
    }

    static void read(Component c, PropBuilder props) {
        Set<String> all = new LinkedHashSet<>();
        for (Property p : ICal.props(c, "CATEGORIES")) {
            all.addAll(split(p.getValue()));
        }
        if (!all.isEmpty()) {
            props.put(NamedTags.KEYWORDS, new ArrayList<>(all));
        }
    }

    static void write(PropReader message, ContentLines out) {
        List<String> keywords = message.strings(NamedTags.KEYWORDS);
        if (!keywords.isEmpty()) {
            out.raw("CATEGORIES", String.join(",", keywords.stream().map(ContentLines::escape).toList()));
        }
    }

    /** A TEXT list split at unescaped commas, with escapes undone. */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                cur.append(n == 'n' || n == 'N' ? '\n' : n);
            } else if (c == ',') {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
