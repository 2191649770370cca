package org.koppel.inetmapi.ical;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** Typed reads of a property list, named properties looked up (never created) in the store's map. */
final class PropReader {

    private final List<PropValue> values;
    private final NamedTagMap tags;

    PropReader(List<PropValue> values, NamedTagMap tags) {
        this.values = values;
        this.tags = tags;
    }

    Optional<Object> get(PropTag tag) {
        for (PropValue v : values) {
            if (v.tag().equals(tag)) {
                return Optional.of(v.javaValue());
            }
        }
        return Optional.empty();
    }

    Optional<Object> get(NamedPropTag named) {
        return tags.find(named).flatMap(this::get);
    }

    Optional<String> string(PropTag tag) {
        return get(tag).filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isEmpty());
    }

    Optional<String> string(NamedPropTag tag) {
        return get(tag).filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isEmpty());
    }

    Optional<Instant> time(PropTag tag) {
        return get(tag).filter(Instant.class::isInstance).map(Instant.class::cast);
    }

    Optional<Instant> time(NamedPropTag tag) {
        return get(tag).filter(Instant.class::isInstance).map(Instant.class::cast);
    }

    Optional<Integer> integer(PropTag tag) {
        return get(tag).filter(Integer.class::isInstance).map(Integer.class::cast);
    }

    Optional<Integer> integer(NamedPropTag tag) {
        return get(tag).filter(Integer.class::isInstance).map(Integer.class::cast);
    }

    boolean flag(NamedPropTag tag) {
        return get(tag).filter(Boolean.class::isInstance).map(Boolean.class::cast).orElse(false);
    }

    Optional<byte[]> binary(NamedPropTag tag) {
        return get(tag).filter(byte[].class::isInstance).map(byte[].class::cast);
    }

    Optional<Double> real(NamedPropTag tag) {
        return get(tag).filter(Double.class::isInstance).map(Double.class::cast);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(NamedPropTag tag) {
        return get(tag).filter(List.class::isInstance).map(l -> (List<String>) l).orElse(List.of());
    }
}
