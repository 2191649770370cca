package org.koppel.backend.mapi;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** A message's properties by tag, with missing and error values read as absent. */
final class MessageProps {

    private final Map<PropTag, Object> values = new HashMap<>();

    MessageProps(List<PropValue> properties) {
        for (PropValue v : properties) {
            if (!(v instanceof PropValue.ErrorValue)) {
                values.put(v.tag(), v.javaValue());
            }
        }
    }

    Optional<Object> get(PropTag tag) {
        return Optional.ofNullable(values.get(tag));
    }

    Optional<Object> get(Optional<PropTag> tag) {
        return tag.flatMap(this::get);
    }

    String string(PropTag tag) {
        return get(tag).map(Object::toString).orElse("");
    }

    Optional<Integer> integer(PropTag tag) {
        return get(tag).filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    Optional<Instant> time(Optional<PropTag> tag) {
        return get(tag).filter(Instant.class::isInstance).map(Instant.class::cast);
    }

    Optional<byte[]> binary(PropTag tag) {
        return get(tag).filter(byte[].class::isInstance).map(byte[].class::cast);
    }
}
