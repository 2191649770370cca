package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PropValueTest {

    private static PropTag tag(PropType type) {
        return new PropTag(0x6000, type);
    }

    static Stream<Arguments> conversions() {
        Guid g = PropertySets.PS_MAPI;
        Instant t = Instant.parse("2024-01-02T03:04:05.1234567Z");
        return Stream.of(
                Arguments.of(PropType.PT_I2, (short) 7, PropValue.I2Value.class, (short) 7),
                Arguments.of(PropType.PT_I2, 7, PropValue.I2Value.class, (short) 7),
                Arguments.of(PropType.PT_I2, (byte) -3, PropValue.I2Value.class, (short) -3),
                Arguments.of(PropType.PT_I2, 32767L, PropValue.I2Value.class, (short) 32767),
                Arguments.of(PropType.PT_LONG, 42, PropValue.LongValue.class, 42),
                Arguments.of(PropType.PT_LONG, (short) 42, PropValue.LongValue.class, 42),
                Arguments.of(PropType.PT_LONG, -2147483648L, PropValue.LongValue.class, Integer.MIN_VALUE),
                Arguments.of(PropType.PT_R4, 1.5f, PropValue.R4Value.class, 1.5f),
                Arguments.of(PropType.PT_R4, 1.5d, PropValue.R4Value.class, 1.5f),
                Arguments.of(PropType.PT_R4, 3, PropValue.R4Value.class, 3.0f),
                Arguments.of(PropType.PT_DOUBLE, 2.25, PropValue.DoubleValue.class, 2.25),
                Arguments.of(PropType.PT_DOUBLE, 2, PropValue.DoubleValue.class, 2.0),
                Arguments.of(PropType.PT_DOUBLE, 0.1f, PropValue.DoubleValue.class, (double) 0.1f),
                Arguments.of(PropType.PT_APPTIME, 45000.5, PropValue.AppTimeValue.class, 45000.5),
                Arguments.of(PropType.PT_CURRENCY, 123_4567L, PropValue.CurrencyValue.class, 1_234_567L),
                Arguments.of(PropType.PT_CURRENCY, 5, PropValue.CurrencyValue.class, 5L),
                Arguments.of(PropType.PT_I8, 5, PropValue.I8Value.class, 5L),
                Arguments.of(PropType.PT_I8, Long.MAX_VALUE, PropValue.I8Value.class, Long.MAX_VALUE),
                Arguments.of(PropType.PT_BOOLEAN, true, PropValue.BooleanValue.class, true),
                Arguments.of(PropType.PT_STRING8, "abc", PropValue.String8Value.class, "abc"),
                Arguments.of(PropType.PT_UNICODE, "ä€𝄞", PropValue.UnicodeValue.class, "ä€𝄞"),
                Arguments.of(PropType.PT_SYSTIME, t, PropValue.SysTimeValue.class, t),
                Arguments.of(PropType.PT_CLSID, g, PropValue.ClsidValue.class, g),
                Arguments.of(PropType.PT_ERROR, MapiError.NOT_FOUND, PropValue.ErrorValue.class, MapiError.NOT_FOUND));
    }

    @ParameterizedTest
    @MethodSource("conversions")
    void ofBuildsTheRecordOfTheTagsType(PropType type, Object in, Class<?> record, Object javaValue) {
        PropValue v = PropValue.of(tag(type), in);
        assertEquals(record, v.getClass());
        assertEquals(tag(type), v.tag());
        assertEquals(javaValue, v.javaValue());
        assertEquals(v, PropValue.of(tag(type), javaValue));
        assertEquals(v.hashCode(), PropValue.of(tag(type), javaValue).hashCode());
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of(PropType.PT_I2, 70000),
                Arguments.of(PropType.PT_I2, -32769),
                Arguments.of(PropType.PT_I2, 1.0),
                Arguments.of(PropType.PT_I2, "1"),
                Arguments.of(PropType.PT_LONG, 1L << 31),
                Arguments.of(PropType.PT_LONG, 1.5),
                Arguments.of(PropType.PT_LONG, 1.0f),
                Arguments.of(PropType.PT_LONG, true),
                Arguments.of(PropType.PT_R4, 0.1),
                Arguments.of(PropType.PT_R4, 16_777_217),
                Arguments.of(PropType.PT_R4, Long.MAX_VALUE),
                Arguments.of(PropType.PT_R4, "1"),
                Arguments.of(PropType.PT_DOUBLE, "1.0"),
                Arguments.of(PropType.PT_APPTIME, Instant.EPOCH),
                Arguments.of(PropType.PT_CURRENCY, 1.25),
                Arguments.of(PropType.PT_I8, 2.5),
                Arguments.of(PropType.PT_I8, new java.math.BigInteger("1")),
                Arguments.of(PropType.PT_BOOLEAN, 1),
                Arguments.of(PropType.PT_STRING8, 'c'),
                Arguments.of(PropType.PT_UNICODE, new byte[0]),
                Arguments.of(PropType.PT_SYSTIME, 0L),
                Arguments.of(PropType.PT_CLSID, "{00020328-0000-0000-C000-000000000046}"),
                Arguments.of(PropType.PT_BINARY, "bytes"),
                Arguments.of(PropType.PT_ERROR, 0x8004010F),
                Arguments.of(PropType.PT_MV_LONG, 1),
                Arguments.of(PropType.PT_MV_LONG, List.of(1, "2")),
                Arguments.of(PropType.PT_MV_I2, List.of(1, 70000)),
                Arguments.of(PropType.PT_MV_BINARY, List.of("x")),
                Arguments.of(PropType.PT_OBJECT, new Object()),
                Arguments.of(PropType.PT_NULL, 0),
                Arguments.of(PropType.PT_UNSPECIFIED, 0));
    }

    @ParameterizedTest
    @MethodSource("mismatches")
    void mismatchedValuesAreInvalidType(PropType type, Object in) {
        MapiException e = assertThrows(MapiException.InvalidType.class, () -> PropValue.of(tag(type), in));
        assertEquals(MapiError.INVALID_TYPE, e.error());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(MapiException.InvalidParameter.class, () -> PropValue.of(tag(PropType.PT_LONG), null));
        assertThrows(NullPointerException.class, () -> PropValue.of(null, 1));
        assertThrows(MapiException.InvalidParameter.class,
                () -> PropValue.of(tag(PropType.PT_MV_LONG), java.util.Arrays.asList(1, null)));
        assertThrows(NullPointerException.class, () -> new PropValue.UnicodeValue(tag(PropType.PT_UNICODE), null));
    }

    @Test
    void recordsRefuseTagsOfAnotherType() {
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.LongValue(tag(PropType.PT_I8), 1));
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.UnicodeValue(tag(PropType.PT_STRING8), "x"));
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.String8Value(tag(PropType.PT_UNICODE), "x"));
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.BinaryValue(tag(PropType.PT_MV_BINARY), new byte[0]));
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.MultiValue(tag(PropType.PT_LONG), List.of(1)));
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.ErrorValue(tag(PropType.PT_LONG), MapiError.NOT_FOUND));
        assertThrows(MapiException.InvalidType.class, () -> new PropValue.SysTimeValue(tag(PropType.PT_I8), Instant.EPOCH));
    }

    @Test
    void sysTimeIsTruncatedTo100Nanoseconds() {
        PropValue v = PropValue.of(tag(PropType.PT_SYSTIME), Instant.parse("2020-05-05T10:00:00.123456789Z"));
        assertEquals(Instant.parse("2020-05-05T10:00:00.1234567Z"), v.javaValue());
        assertEquals(v, PropValue.of(tag(PropType.PT_SYSTIME), Instant.parse("2020-05-05T10:00:00.12345670Z")));
    }

    @Test
    void binaryIsCopiedInAndOut() {
        byte[] data = {1, 2, 3};
        PropValue.BinaryValue v = (PropValue.BinaryValue) PropValue.of(tag(PropType.PT_BINARY), data);
        data[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, v.value());
        v.value()[1] = 9;
        ((byte[]) v.javaValue())[2] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, v.value());
        assertEquals(3, v.length());
        assertEquals(v, new PropValue.BinaryValue(tag(PropType.PT_BINARY), new byte[] {1, 2, 3}));
        assertNotEquals(v, new PropValue.BinaryValue(tag(PropType.PT_BINARY), new byte[] {1, 2}));
        assertNotEquals(v, new PropValue.BinaryValue(new PropTag(0x6001, PropType.PT_BINARY), new byte[] {1, 2, 3}));
        assertEquals(v.hashCode(), new PropValue.BinaryValue(tag(PropType.PT_BINARY), new byte[] {1, 2, 3}).hashCode());
        assertEquals("BinaryValue[0x60000102, 010203]", v.toString());
    }

    @Test
    void multiValuesConvertEachElement() {
        PropValue v = PropValue.of(tag(PropType.PT_MV_I2), List.of(1, 2, (short) 3));
        assertEquals(List.of((short) 1, (short) 2, (short) 3), v.javaValue());
        PropValue.MultiValue l = (PropValue.MultiValue) PropValue.of(tag(PropType.PT_MV_I8), List.of(1, 2L));
        assertEquals(List.of(1L, 2L), l.values());
        assertEquals(2, l.size());
        PropValue s = PropValue.of(tag(PropType.PT_MV_SYSTIME), List.of(Instant.parse("2020-01-01T00:00:00.00000001Z")));
        assertEquals(List.of(Instant.parse("2020-01-01T00:00:00Z")), s.javaValue());
        assertEquals(List.of(), PropValue.of(tag(PropType.PT_MV_UNICODE), List.of()).javaValue());
    }

    @Test
    void everyMultiValuedTypeAcceptsAListOfItsElements() {
        for (PropType t : PropType.values()) {
            if (!t.isMultiValued()) {
                continue;
            }
            Object element = switch (t.elementType()) {
                case PT_I2 -> (short) 1;
                case PT_LONG -> 1;
                case PT_R4 -> 1f;
                case PT_DOUBLE, PT_APPTIME -> 1d;
                case PT_CURRENCY, PT_I8 -> 1L;
                case PT_STRING8, PT_UNICODE -> "x";
                case PT_SYSTIME -> Instant.EPOCH;
                case PT_CLSID -> PropertySets.PS_MAPI;
                case PT_BINARY -> new byte[] {1};
                default -> throw new AssertionError(t);
            };
            PropValue.MultiValue v = (PropValue.MultiValue) PropValue.of(tag(t), List.of(element, element));
            assertEquals(2, v.size(), t.name());
            assertEquals(v, PropValue.of(tag(t), List.of(element, element)), t.name());
        }
    }

    @Test
    void binaryMultiValuesCompareByContentAndStayImmutable() {
        List<Object> in = new ArrayList<>(List.of(new byte[] {1}, new byte[] {2, 3}));
        PropValue.MultiValue v = new PropValue.MultiValue(tag(PropType.PT_MV_BINARY), in);
        ((byte[]) in.get(0))[0] = 7;
        in.clear();
        assertEquals(2, v.size());
        assertArrayEquals(new byte[] {1}, (byte[]) v.values().get(0));
        ((byte[]) v.values().get(0))[0] = 7;
        assertArrayEquals(new byte[] {1}, (byte[]) v.values().get(0));
        PropValue.MultiValue same = new PropValue.MultiValue(tag(PropType.PT_MV_BINARY),
                List.of(new byte[] {1}, new byte[] {2, 3}));
        assertEquals(v, same);
        assertEquals(v.hashCode(), same.hashCode());
        assertNotEquals(v, new PropValue.MultiValue(tag(PropType.PT_MV_BINARY), List.of(new byte[] {1})));
        assertNotEquals(v, new PropValue.MultiValue(tag(PropType.PT_MV_BINARY), List.of(new byte[] {1}, new byte[] {2, 4})));
        assertThrows(UnsupportedOperationException.class, () -> v.values().add(new byte[0]));
    }

    @Test
    void valuesOfDifferentTagsDiffer() {
        assertNotEquals(PropValue.of(PropTags.PR_SUBJECT, "a"), PropValue.of(PropTags.PR_BODY, "a"));
        assertNotEquals(PropValue.of(PropTags.PR_SUBJECT, "a"),
                PropValue.of(PropTags.PR_SUBJECT.withType(PropType.PT_STRING8), "a"));
    }
}
