package org.koppel.mapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed MAPI property value: its tag and the value in the Java form of the tag's type. Each record
 * checks that the tag's type is the one it holds, so a value cannot carry a mismatched tag.
 */
public sealed interface PropValue {

    PropTag tag();

    /** The value in its plain Java form (Short, Integer, Float, Double, Long, Boolean, String, Instant, Guid, byte[], List). */
    Object javaValue();

    /**
     * Builds the value of the tag's type from a plain Java object, widening where lossless
     * (an Integer for PT_I8, a Number for PT_DOUBLE). Anything else, including a number out of the type's
     * range or a fraction for an integer type, is MAPI_E_INVALID_TYPE.
     */
    static PropValue of(PropTag tag, Object value) {
        Objects.requireNonNull(tag, "tag");
        if (value == null) {
            throw new MapiException.InvalidParameter("null value for " + tag);
        }
        try {
            return switch (tag.type()) {
                case PT_I2 -> new I2Value(tag, (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, tag.type()));
                case PT_LONG -> new LongValue(tag, (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, tag.type()));
                case PT_R4 -> new R4Value(tag, exactFloat(value));
                case PT_DOUBLE -> new DoubleValue(tag, ((Number) value).doubleValue());
                case PT_APPTIME -> new AppTimeValue(tag, ((Number) value).doubleValue());
                case PT_CURRENCY -> new CurrencyValue(tag, integral(value, Long.MIN_VALUE, Long.MAX_VALUE, tag.type()));
                case PT_I8 -> new I8Value(tag, integral(value, Long.MIN_VALUE, Long.MAX_VALUE, tag.type()));
                case PT_BOOLEAN -> new BooleanValue(tag, (Boolean) value);
                case PT_STRING8 -> new String8Value(tag, (String) value);
                case PT_UNICODE -> new UnicodeValue(tag, (String) value);
                case PT_SYSTIME -> new SysTimeValue(tag, (Instant) value);
                case PT_CLSID -> new ClsidValue(tag, (Guid) value);
                case PT_BINARY -> new BinaryValue(tag, (byte[]) value);
                case PT_ERROR -> new ErrorValue(tag, (MapiError) value);
                default -> {
                    if (tag.type().isMultiValued()) {
                        List<?> list = (List<?>) value;
                        List<Object> converted = new ArrayList<>(list.size());
                        PropTag element = tag.withType(tag.type().elementType());
                        for (Object o : list) {
                            converted.add(of(element, o).javaValue());
                        }
                        yield new MultiValue(tag, converted);
                    }
                    throw new MapiException.InvalidType("type " + tag.type() + " cannot hold a value");
                }
            };
        } catch (ClassCastException e) {
            throw new MapiException.InvalidType(
                    "value of " + value.getClass().getSimpleName() + " does not fit " + tag.type());
        }
    }

    /**
     * An integer type's value from a Byte, Short, Integer or Long in range. Fractions and out-of-range values
     * used to be truncated silently (70000 became 4464 in a PT_I2); they are MAPI_E_INVALID_TYPE.
     */
    private static long integral(Object value, long min, long max, PropType type) {
        if (!(value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long)) {
            throw new MapiException.InvalidType("value " + value + " of " + value.getClass().getSimpleName()
                    + " does not fit " + type);
        }
        long l = ((Number) value).longValue();
        if (l < min || l > max) {
            throw new MapiException.InvalidType("value " + l + " does not fit " + type);
        }
        return l;
    }

    /** A PT_R4 value from a Float, or from a Double or integer that a float holds exactly. */
    private static float exactFloat(Object value) {
        if (value instanceof Float f) {
            return f;
        }
        Number n = (Number) value;
        float f = n.floatValue();
        boolean exact = switch (n) {
            case Double d -> d.isNaN() || (double) f == d;
            case Byte b -> true;
            case Short sh -> true;
            case Integer i -> (long) f == i;
            case Long l -> f != 0x1p63f && (long) f == l;
            default -> false;
        };
        if (!exact) {
            throw new MapiException.InvalidType("value " + value + " does not fit PT_R4 exactly");
        }
        return f;
    }

    private static void require(PropTag tag, PropType type) {
        Objects.requireNonNull(tag, "tag");
        if (tag.type() != type) {
            throw new MapiException.InvalidType("tag " + tag + " is not of type " + type);
        }
    }

    record I2Value(PropTag tag, short value) implements PropValue {
        public I2Value { require(tag, PropType.PT_I2); }
        public Object javaValue() { return value; }
    }

    record LongValue(PropTag tag, int value) implements PropValue {
        public LongValue { require(tag, PropType.PT_LONG); }
        public Object javaValue() { return value; }
    }

    record R4Value(PropTag tag, float value) implements PropValue {
        public R4Value { require(tag, PropType.PT_R4); }
        public Object javaValue() { return value; }
    }

    record DoubleValue(PropTag tag, double value) implements PropValue {
        public DoubleValue { require(tag, PropType.PT_DOUBLE); }
        public Object javaValue() { return value; }
    }

    /** PT_APPTIME: an OLE automation date (days since 1899-12-30, fraction = time of day). */
    record AppTimeValue(PropTag tag, double value) implements PropValue {
        public AppTimeValue { require(tag, PropType.PT_APPTIME); }
        public Object javaValue() { return value; }
    }

    /** PT_CURRENCY: a fixed-point number scaled by 10,000. */
    record CurrencyValue(PropTag tag, long value) implements PropValue {
        public CurrencyValue { require(tag, PropType.PT_CURRENCY); }
        public Object javaValue() { return value; }
    }

    record I8Value(PropTag tag, long value) implements PropValue {
        public I8Value { require(tag, PropType.PT_I8); }
        public Object javaValue() { return value; }
    }

    record BooleanValue(PropTag tag, boolean value) implements PropValue {
        public BooleanValue { require(tag, PropType.PT_BOOLEAN); }
        public Object javaValue() { return value; }
    }

    record String8Value(PropTag tag, String value) implements PropValue {
        public String8Value { require(tag, PropType.PT_STRING8); Objects.requireNonNull(value, "value"); }
        public Object javaValue() { return value; }
    }

    record UnicodeValue(PropTag tag, String value) implements PropValue {
        public UnicodeValue { require(tag, PropType.PT_UNICODE); Objects.requireNonNull(value, "value"); }
        public Object javaValue() { return value; }
    }

    /** PT_SYSTIME: a FILETIME, held as an Instant truncated to its 100 ns resolution. */
    record SysTimeValue(PropTag tag, Instant value) implements PropValue {
        public SysTimeValue {
            require(tag, PropType.PT_SYSTIME);
            value = FileTime.truncate(Objects.requireNonNull(value, "value"));
        }
        public Object javaValue() { return value; }
    }

    record ClsidValue(PropTag tag, Guid value) implements PropValue {
        public ClsidValue { require(tag, PropType.PT_CLSID); Objects.requireNonNull(value, "value"); }
        public Object javaValue() { return value; }
    }

    /** PT_BINARY; the array is copied in and out so the value stays immutable. */
    record BinaryValue(PropTag tag, byte[] value) implements PropValue {
        public BinaryValue { require(tag, PropType.PT_BINARY); value = Objects.requireNonNull(value, "value").clone(); }
        @Override public byte[] value() { return value.clone(); }
        public Object javaValue() { return value.clone(); }
        public int length() { return value.length; }
        @Override public boolean equals(Object o) {
            return o instanceof BinaryValue b && b.tag.equals(tag) && Arrays.equals(b.value, value);
        }
        @Override public int hashCode() { return tag.hashCode() * 31 + Arrays.hashCode(value); }
        @Override public String toString() { return "BinaryValue[" + tag + ", " + HexFormat.of().formatHex(value) + "]"; }
    }

    /** PT_ERROR: stands in a table row or a property list for a property that could not be returned. */
    record ErrorValue(PropTag tag, MapiError value) implements PropValue {
        public ErrorValue { require(tag, PropType.PT_ERROR); Objects.requireNonNull(value, "value"); }
        public Object javaValue() { return value; }
    }

    /**
     * A PT_MV_ value: an ordered list of elements in the Java form of the element type. Binary elements are
     * byte arrays; equality compares them by content.
     */
    record MultiValue(PropTag tag, List<Object> values) implements PropValue {
        public MultiValue {
            Objects.requireNonNull(tag, "tag");
            if (!tag.type().isMultiValued()) {
                throw new MapiException.InvalidType("tag " + tag + " is not multi-valued");
            }
            PropTag element = tag.withType(tag.type().elementType());
            List<Object> copy = new ArrayList<>(values.size());
            for (Object o : values) {
                Object checked = single(element, o);
                copy.add(checked instanceof byte[] b ? b.clone() : checked);
            }
            values = List.copyOf(copy);
        }

        private static Object single(PropTag element, Object o) {
            PropValue v = PropValue.of(element, o);
            return v.javaValue();
        }

        @Override public List<Object> values() {
            return values.stream().map(o -> o instanceof byte[] b ? (Object) b.clone() : o).toList();
        }

        public Object javaValue() { return values(); }

        public int size() { return values.size(); }

        @Override public boolean equals(Object o) {
            if (!(o instanceof MultiValue m) || !m.tag.equals(tag) || m.values.size() != values.size()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!Objects.deepEquals(values.get(i), m.values.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override public int hashCode() {
            int h = tag.hashCode();
            for (Object v : values) {
                h = h * 31 + (v instanceof byte[] b ? Arrays.hashCode(b) : v.hashCode());
            }
            return h;
        }
    }
}
