package org.koppel.inetmapi.ical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** Collects the properties of a message being made, named ones resolved through the store's map; last put wins. */
final class PropBuilder {

    private final NamedTagMap tags;
    private final Map<PropTag, PropValue> values = new LinkedHashMap<>();

    PropBuilder(NamedTagMap tags) {
        this.tags = tags;
    }

    PropBuilder put(PropTag tag, Object value) {
        if (value != null) {
            values.put(tag, PropValue.of(tag, value));
        }
        return this;
    }

    PropBuilder put(NamedPropTag named, Object value) {
        if (value != null) {
            put(tags.resolve(named), value);
        }
        return this;
    }

    List<PropValue> build() {
        return new ArrayList<>(values.values());
    }
}
