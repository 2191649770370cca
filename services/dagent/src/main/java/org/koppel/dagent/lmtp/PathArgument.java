package org.koppel.dagent.lmtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The argument of MAIL FROM and RCPT TO (RFC 5321 4.1.2): a path in angle brackets (a source route before
 * the address is dropped; quoted local parts are kept as written) and then ESMTP parameters {@code KEY[=VALUE]},
 * keys upper-cased. A space after the colon and a path without brackets are tolerated.
 */
record PathArgument(String address, Map<String, String> parameters) {

    PathArgument {
        parameters = Map.copyOf(parameters);
    }

    /** Parses {@code FROM:<a@b> SIZE=10}; empty when it is not of that form. */
    static Optional<PathArgument> parse(String argument, String keyword) {
        String arg = argument.strip();
        if (!arg.regionMatches(true, 0, keyword + ":", 0, keyword.length() + 1)) {
            return Optional.empty();
        }
        String rest = arg.substring(keyword.length() + 1).stripLeading();
        String path;
        int end;
        if (rest.startsWith("<")) {
            end = closing(rest);
            if (end < 0) {
                return Optional.empty();
            }
            path = rest.substring(1, end);
            end++;
        } else {
            end = rest.indexOf(' ');
            end = end < 0 ? rest.length() : end;
            path = rest.substring(0, end);
            if (path.isEmpty()) {
                return Optional.empty();
            }
        }
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            path = path.substring(colon + 1); // RFC 5321 4.1.2: source routes are ignored
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        String tail = rest.substring(end).strip();
        if (!tail.isEmpty()) {
            if (end < rest.length() && rest.charAt(end) != ' ') {
                return Optional.empty();
            }
            for (String p : tail.split(" +")) {
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT);
                if (key.isEmpty() || !key.matches("[A-Z0-9][A-Z0-9-]*")) {
                    return Optional.empty();
                }
                params.put(key, eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        return Optional.of(new PathArgument(path, params));
    }

    /** The index of the '>' closing the path, skipping quoted strings. */
    private static int closing(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
