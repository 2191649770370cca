package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;

/**
 * A property value on the wire: the packed tag, and the value (or values, for the multi-valued types) in
 * one of four element kinds chosen by the tag's type: {@code i} integers (PT_I2, PT_LONG, PT_I8,
 * PT_CURRENCY, PT_BOOLEAN as 0/1, PT_SYSTIME as FILETIME ticks, PT_ERROR as the HRESULT), {@code d}
 * floating point (PT_R4, PT_DOUBLE, PT_APPTIME), {@code s} strings, {@code b} base64 bytes (PT_BINARY,
 * PT_CLSID). A string XML 1.0 cannot carry verbatim (control characters, a lone surrogate, a carriage
 * return a parser would fold) travels as UTF-8 in {@code b} instead, flagged by {@code utf8}.
 */
@XmlType(name = "propValue")
public final class PropXml {

    @XmlAttribute(required = true)
    public int tag;

    @XmlAttribute
    public Boolean utf8;

    @XmlElement(name = "i")
    public List<Long> ints;

    @XmlElement(name = "d")
    public List<Double> doubles;

    @XmlElement(name = "s")
    public List<String> strings;

    @XmlElement(name = "b")
    public List<byte[]> bytes;

    public static PropXml of(PropValue value) {
        PropXml x = new PropXml();
        x.tag = value.tag().value();
        PropType type = value.tag().type();
        if (type.isMultiValued()) {
            PropType element = type.elementType();
            List<?> items = ((PropValue.MultiValue) value).values();
            boolean unsafe = isString(element) && items.stream().anyMatch(o -> !xmlSafe((String) o));
            for (Object o : items) {
                x.add(element, o, unsafe);
            }
        } else {
            Object o = value.javaValue();
            x.add(type, o, isString(type) && !xmlSafe((String) o));
        }
        return x;
    }

    public static List<PropXml> of(List<PropValue> values) {
        List<PropXml> out = new ArrayList<>(values.size());
        for (PropValue v : values) {
            out.add(of(v));
        }
        return out;
    }

    public static List<PropValue> values(List<PropXml> xs) {
        if (xs == null) {
            return List.of();
        }
        List<PropValue> out = new ArrayList<>(xs.size());
        for (PropXml x : xs) {
            out.add(x.value());
        }
        return out;
    }

    /** The value this element carries; a malformed one is MAPI_E_INVALID_PARAMETER. */
    public PropValue value() {
        PropTag t;
        try {
            t = PropTag.fromValue(tag);
        } catch (RuntimeException e) {
            throw new MapiException.InvalidParameter("bad property tag 0x" + Integer.toHexString(tag));
        }
        PropType type = t.type();
        if (type.isMultiValued()) {
            PropType element = type.elementType();
            int n = count(element);
            List<Object> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(item(element, i));
            }
            return PropValue.of(t, items);
        }
        if (count(type) != 1) {
            throw new MapiException.InvalidParameter("property " + t + " needs exactly one value");
        }
        return PropValue.of(t, item(type, 0));
    }

    private void add(PropType type, Object o, boolean utf8Bytes) {
        switch (type) {
            case PT_I2, PT_LONG, PT_I8, PT_CURRENCY -> ints().add(((Number) o).longValue());
            case PT_BOOLEAN -> ints().add((Boolean) o ? 1L : 0L);
            case PT_SYSTIME -> ints().add(FileTime.toTicks((Instant) o));
            case PT_ERROR -> ints().add((long) ((MapiError) o).hresult());
            case PT_R4, PT_DOUBLE, PT_APPTIME -> doubles().add(((Number) o).doubleValue());
            case PT_STRING8, PT_UNICODE -> {
                if (utf8Bytes) {
                    utf8 = Boolean.TRUE;
                    bytes().add(((String) o).getBytes(StandardCharsets.UTF_8));
                } else {
                    strings().add((String) o);
                }
            }
            case PT_BINARY -> bytes().add((byte[]) o);
            case PT_CLSID -> bytes().add(((Guid) o).toBytes());
            default -> throw new MapiException.InvalidType("type " + type + " cannot cross the wire");
        }
    }

    private int count(PropType element) {
        List<?> list = switch (element) {
            case PT_I2, PT_LONG, PT_I8, PT_CURRENCY, PT_BOOLEAN, PT_SYSTIME, PT_ERROR -> ints;
            case PT_R4, PT_DOUBLE, PT_APPTIME -> doubles;
            case PT_STRING8, PT_UNICODE -> Boolean.TRUE.equals(utf8) ? bytes : strings;
            case PT_BINARY, PT_CLSID -> bytes;
            default -> throw new MapiException.InvalidType("type " + element + " cannot cross the wire");
        };
        return list == null ? 0 : list.size();
    }

    private Object item(PropType element, int i) {
        return switch (element) {
            case PT_I2 -> (short) (long) ints.get(i);
            case PT_LONG -> (int) (long) ints.get(i);
            case PT_I8, PT_CURRENCY -> ints.get(i);
            case PT_BOOLEAN -> ints.get(i) != 0;
            case PT_SYSTIME -> FileTime.fromTicks(ints.get(i));
            case PT_ERROR -> MapiError.fromHresult((int) (long) ints.get(i));
            case PT_R4 -> (float) (double) doubles.get(i);
            case PT_DOUBLE, PT_APPTIME -> doubles.get(i);
            case PT_STRING8, PT_UNICODE -> Boolean.TRUE.equals(utf8)
                    ? new String(bytes.get(i), StandardCharsets.UTF_8) : strings.get(i);
            case PT_BINARY -> bytes.get(i);
            case PT_CLSID -> Guid.fromBytes(bytes.get(i));
            default -> throw new MapiException.InvalidType("type " + element + " cannot cross the wire");
        };
    }

    private List<Long> ints() {
        return ints == null ? ints = new ArrayList<>() : ints;
    }

    private List<Double> doubles() {
        return doubles == null ? doubles = new ArrayList<>() : doubles;
    }

    private List<String> strings() {
        return strings == null ? strings = new ArrayList<>() : strings;
    }

    private List<byte[]> bytes() {
        return bytes == null ? bytes = new ArrayList<>() : bytes;
    }

    private static boolean isString(PropType t) {
        return t == PropType.PT_STRING8 || t == PropType.PT_UNICODE;
    }

    /** Whether XML 1.0 character data carries the string unchanged. */
    static boolean xmlSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n') {
                    return false;
                }
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }
}
