package org.koppel.gateway.imap.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The header fields of a message or body part, in order. */
public record Headers(List<HeaderField> fields) {

    public Headers {
        fields = List.copyOf(fields);
    }

    /** The first field of that name (case-insensitive). */
    public Optional<HeaderField> first(String name) {
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public List<HeaderField> all(String name) {
        List<HeaderField> out = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first field's value as text, if present. */
    public Optional<String> text(String name) {
        return first(name).map(HeaderField::text);
    }
}
