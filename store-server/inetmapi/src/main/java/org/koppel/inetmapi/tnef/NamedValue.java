package org.koppel.inetmapi.tnef;

import java.util.Objects;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropValue;

/**
 * A named property from a TNEF stream: its name and type, and the value in the Java form of that type (as
 * {@link PropValue#javaValue()} gives it). The stream's own ids for names mean nothing outside it, so the
 * caller resolves the name in its store.
 */
public record NamedValue(NamedPropTag name, Object value) {

    public NamedValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The value under the tag the store maps the name to. */
    public PropValue resolve(NamedTagMap names) {
        return PropValue.of(names.resolve(name), value);
    }
}
