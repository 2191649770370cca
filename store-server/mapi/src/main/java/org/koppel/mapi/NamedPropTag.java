package org.koppel.mapi;

import java.util.Objects;

/**
 * A named property with the type it is used with: what a store needs to map the name to an id in its
 * 0x8000-0xFFFE range and then build the {@link PropTag} for reads and writes.
 */
public record NamedPropTag(NamedProperty name, PropType type) {

    public NamedPropTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!type.isStorable()) {
            throw new MapiException.InvalidType("named property typed " + type);
        }
    }

    public static NamedPropTag byId(Guid set, int lid, PropType type) {
        return new NamedPropTag(new NamedProperty.ById(set, lid), type);
    }

    public static NamedPropTag byName(Guid set, String name, PropType type) {
        return new NamedPropTag(new NamedProperty.ByName(set, name), type);
    }

    /** The tag of this property in a store that mapped its name to {@code id}. */
    public PropTag tag(int id) {
        if (id < PropTag.NAMED_ID_MIN || id > PropTag.NAMED_ID_MAX) {
            throw new MapiException.InvalidParameter(String.format("0x%X is not a named property id", id));
        }
        return new PropTag(id, type);
    }
}
