package org.koppel.mapi;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The MAPI property types, single-valued and their multi-valued (PT_MV_) forms, with their wire codes. */
public enum PropType {
    PT_UNSPECIFIED(0x0000),
    PT_NULL(0x0001),
    PT_I2(0x0002),
    PT_LONG(0x0003),
    PT_R4(0x0004),
    PT_DOUBLE(0x0005),
    PT_CURRENCY(0x0006),
    PT_APPTIME(0x0007),
    PT_ERROR(0x000A),
    PT_BOOLEAN(0x000B),
    PT_OBJECT(0x000D),
    PT_I8(0x0014),
    PT_STRING8(0x001E),
    PT_UNICODE(0x001F),
    PT_SYSTIME(0x0040),
    PT_CLSID(0x0048),
    PT_BINARY(0x0102),
    PT_MV_I2(0x1002),
    PT_MV_LONG(0x1003),
    PT_MV_R4(0x1004),
    PT_MV_DOUBLE(0x1005),
    PT_MV_CURRENCY(0x1006),
    PT_MV_APPTIME(0x1007),
    PT_MV_I8(0x1014),
    PT_MV_STRING8(0x101E),
    PT_MV_UNICODE(0x101F),
    PT_MV_SYSTIME(0x1040),
    PT_MV_CLSID(0x1048),
    PT_MV_BINARY(0x1102);

    /** The flag that turns a single-valued type code into its multi-valued form. */
    public static final int MV_FLAG = 0x1000;

    private static final Map<Integer, PropType> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(PropType::code, Function.identity()));

    private final int code;

    PropType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isMultiValued() {
        return (code & MV_FLAG) != 0;
    }

    /** The type of one element of a multi-valued type; a single-valued type is its own element type. */
    public PropType elementType() {
        return isMultiValued() ? fromCode(code & ~MV_FLAG) : this;
    }

    /** The multi-valued form of this type. */
    public PropType multiValued() {
        if (isMultiValued()) {
            return this;
        }
        PropType mv = BY_CODE.get(code | MV_FLAG);
        if (mv == null) {
            throw new MapiException.InvalidType("type " + this + " has no multi-valued form");
        }
        return mv;
    }

    /** Whether a value of this type can be stored on an object (as opposed to PT_ERROR, PT_NULL, ...). */
    public boolean isStorable() {
        return switch (this) {
            case PT_UNSPECIFIED, PT_NULL, PT_ERROR, PT_OBJECT -> false;
            default -> true;
        };
    }

    public static PropType fromCode(int code) {
        PropType type = BY_CODE.get(code);
        if (type == null) {
            throw new MapiException.InvalidType(String.format("unknown property type 0x%04X", code));
        }
        return type;
    }

    public static boolean isKnown(int code) {
        return BY_CODE.containsKey(code);
    }
}
