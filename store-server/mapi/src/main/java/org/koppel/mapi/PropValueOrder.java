package org.koppel.mapi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order of property values of one type, for sorting tables and for the relational operators of
 * restrictions: numbers numerically, false before true, times chronologically, binaries and GUIDs as unsigned
 * bytes (GUIDs in their wire form), strings by UTF-16 code unit after optional case folding, errors by
 * HRESULT (unsigned), multi-values element by element with the shorter list first on a common prefix.
 * PT_STRING8 and PT_UNICODE compare with each other; any other pair of different types is
 * MAPI_E_INVALID_TYPE, see {@link #comparable}.
 */
public enum PropValueOrder implements Comparator<PropValue> {
    /** MAPI's default: strings compare after Locale.ROOT case folding, so "a" and "A" are equal. */
    CASE_INSENSITIVE,
    /** Strings compare by UTF-16 code unit as stored. */
    CASE_SENSITIVE;

    @Override
    public int compare(PropValue a, PropValue b) {
        PropType ta = a.tag().type();
        PropType tb = b.tag().type();
        if (!comparable(ta, tb)) {
            throw new MapiException.InvalidType("cannot compare " + ta + " with " + tb);
        }
        if (ta.isMultiValued()) {
            return compareLists(ta.elementType(), (List<?>) a.javaValue(), (List<?>) b.javaValue());
        }
        return compareElements(ta, a.javaValue(), b.javaValue());
    }

    /** Whether values of these two types can be ordered against each other. */
    public static boolean comparable(PropType a, PropType b) {
        return family(a) == family(b);
    }

    /** The type a value is compared as: PT_STRING8 counts as PT_UNICODE, in single and multi-valued form. */
    static PropType family(PropType t) {
        return switch (t) {
            case PT_STRING8 -> PropType.PT_UNICODE;
            case PT_MV_STRING8 -> PropType.PT_MV_UNICODE;
            default -> t;
        };
    }

    int compareLists(PropType elementType, List<?> a, List<?> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareElements(elementType, a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Compares two values in the Java form of the single-valued type {@code type}. */
    int compareElements(PropType type, Object a, Object b) {
        return switch (type) {
            case PT_I2, PT_LONG, PT_I8, PT_CURRENCY -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            case PT_R4, PT_DOUBLE, PT_APPTIME -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case PT_BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case PT_STRING8, PT_UNICODE -> compareStrings((String) a, (String) b);
            case PT_SYSTIME -> ((Instant) a).compareTo((Instant) b);
            case PT_BINARY -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case PT_CLSID -> Arrays.compareUnsigned(((Guid) a).toBytes(), ((Guid) b).toBytes());
            case PT_ERROR -> Integer.compareUnsigned(((MapiError) a).hresult(), ((MapiError) b).hresult());
            default -> throw new MapiException.InvalidType("values of " + type + " have no order");
        };
    }

    int compareStrings(String a, String b) {
        return this == CASE_SENSITIVE ? a.compareTo(b) : fold(a).compareTo(fold(b));
    }

    /**
     * Case folding independent of the server's locale (no Turkish dotless i surprises); upper-casing first
     * folds "ß" with "SS" and the Greek final sigma with sigma, which lower-casing alone would not.
     */
    static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
