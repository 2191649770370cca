package org.koppel.mapi;

/**
 * A MAPI property tag: a 16-bit property id and a property type, packed as {@code id << 16 | type}.
 * Ids 0x8000 and above are per-store mappings of named properties.
 */
public record PropTag(int id, PropType type) {

    /** The first id of the named-property range. */
    public static final int NAMED_ID_MIN = 0x8000;
    /** The last id usable for a named property (0xFFFF is reserved). */
    public static final int NAMED_ID_MAX = 0xFFFE;

    public PropTag {
        if (id < 1 || id > 0xFFFF) {
            throw new MapiException.InvalidParameter(String.format("property id 0x%X out of range", id));
        }
        if (type == null) {
            throw new MapiException.InvalidParameter("property type is missing");
        }
    }

    public static PropTag of(int id, PropType type) {
        return new PropTag(id, type);
    }

    /** Decodes a packed 32-bit tag; unknown types are refused with MAPI_E_INVALID_TYPE. */
    public static PropTag fromValue(int packed) {
        return new PropTag((packed >>> 16) & 0xFFFF, PropType.fromCode(packed & 0xFFFF));
    }

    public int value() {
        return (id << 16) | type.code();
    }

    public boolean isNamed() {
        return id >= NAMED_ID_MIN;
    }

    public PropTag withType(PropType newType) {
        return new PropTag(id, newType);
    }

    @Override
    public String toString() {
        return String.format("0x%08X", value());
    }
}
