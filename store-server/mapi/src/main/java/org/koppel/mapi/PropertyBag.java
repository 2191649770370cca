package org.koppel.mapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable in-memory object: property values keyed by tag plus its sub-objects. Used by tests and wherever
 * a store object has been loaded whole (for example to evaluate a restriction against a message being saved).
 */
public record PropertyBag(Map<PropTag, PropValue> properties, Map<SubObject, List<PropertyBag>> children)
        implements PropertySource {

    private static final PropertyBag EMPTY = new PropertyBag(Map.of(), Map.of());

    public PropertyBag {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(children, "children");
        for (Map.Entry<PropTag, PropValue> e : properties.entrySet()) {
            if (!e.getKey().equals(e.getValue().tag())) {
                throw new MapiException.InvalidParameter("value " + e.getValue() + " filed under " + e.getKey());
            }
        }
        // Insertion order is kept so that values() lists properties the way they were given.
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        EnumMap<SubObject, List<PropertyBag>> copy = new EnumMap<>(SubObject.class);
        children.forEach((kind, list) -> copy.put(Objects.requireNonNull(kind, "kind"), List.copyOf(list)));
        children = Collections.unmodifiableMap(copy);
    }

    /** Builds a bag from values; two values with the same tag are MAPI_E_INVALID_PARAMETER. */
    public PropertyBag(Collection<? extends PropValue> values, Map<SubObject, List<PropertyBag>> children) {
        this(index(values), children);
    }

    public static PropertyBag empty() {
        return EMPTY;
    }

    public static PropertyBag of(Collection<? extends PropValue> values) {
        return new PropertyBag(values, Map.of());
    }

    public static PropertyBag of(PropValue... values) {
        return of(List.of(values));
    }

    private static Map<PropTag, PropValue> index(Collection<? extends PropValue> values) {
        Map<PropTag, PropValue> map = new LinkedHashMap<>();
        for (PropValue v : values) {
            if (map.putIfAbsent(v.tag(), v) != null) {
                throw new MapiException.InvalidParameter("property " + v.tag() + " given twice");
            }
        }
        return map;
    }

    @Override
    public Optional<PropValue> get(PropTag tag) {
        return Optional.ofNullable(properties.get(tag));
    }

    @Override
    public List<PropertyBag> subObjects(SubObject kind) {
        return children.getOrDefault(kind, List.of());
    }

    /** The property values in the order they were given. */
    public List<PropValue> values() {
        return List.copyOf(properties.values());
    }

    public int size() {
        return properties.size();
    }

    /** A copy with the value added, replacing any value under the same tag. */
    public PropertyBag with(PropValue value) {
        Map<PropTag, PropValue> map = new LinkedHashMap<>(properties);
        map.put(value.tag(), value);
        return new PropertyBag(map, children);
    }

    /** A copy with the value of the tag (built by {@link PropValue#of}) added or replaced. */
    public PropertyBag with(PropTag tag, Object value) {
        return with(PropValue.of(tag, value));
    }

    public PropertyBag without(PropTag tag) {
        Map<PropTag, PropValue> map = new LinkedHashMap<>(properties);
        map.remove(tag);
        return new PropertyBag(map, children);
    }

    /** A copy whose sub-objects of the kind are replaced by the given list. */
    public PropertyBag withSubObjects(SubObject kind, List<PropertyBag> objects) {
        Map<SubObject, List<PropertyBag>> map = new EnumMap<>(SubObject.class);
        map.putAll(children);
        map.put(kind, new ArrayList<>(objects));
        return new PropertyBag(properties, map);
    }
}
