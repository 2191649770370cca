package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropValueOrder.CASE_INSENSITIVE;
import static org.koppel.mapi.PropValueOrder.CASE_SENSITIVE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropValueOrderTest {

    private static PropValue v(PropType type, Object value) {
        return PropValue.of(new PropTag(0x6000, type), value);
    }

    private static void assertOrdered(PropValueOrder order, PropValue... ascending) {
        for (int i = 0; i < ascending.length; i++) {
            for (int j = 0; j < ascending.length; j++) {
                int c = order.compare(ascending[i], ascending[j]);
                assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(c),
                        ascending[i] + " vs " + ascending[j]);
            }
        }
    }

    @Test
    void numbersNumerically() {
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_I2, (short) -5), v(PropType.PT_I2, (short) 0), v(PropType.PT_I2, (short) 300));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_LONG, Integer.MIN_VALUE), v(PropType.PT_LONG, -1), v(PropType.PT_LONG, 2),
                v(PropType.PT_LONG, Integer.MAX_VALUE));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_I8, Long.MIN_VALUE), v(PropType.PT_I8, 0L), v(PropType.PT_I8, Long.MAX_VALUE));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_CURRENCY, -1L), v(PropType.PT_CURRENCY, 10_000L));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_R4, Float.NEGATIVE_INFINITY), v(PropType.PT_R4, -0.5f),
                v(PropType.PT_R4, 0.25f), v(PropType.PT_R4, Float.NaN));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_DOUBLE, -1e300), v(PropType.PT_DOUBLE, -0.0), v(PropType.PT_DOUBLE, 0.0),
                v(PropType.PT_DOUBLE, 1e-300), v(PropType.PT_DOUBLE, Double.NaN));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_APPTIME, 1.0), v(PropType.PT_APPTIME, 45000.75));
    }

    @Test
    void booleansFalseFirst() {
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_BOOLEAN, false), v(PropType.PT_BOOLEAN, true));
    }

    @Test
    void timesChronologically() {
        assertOrdered(CASE_SENSITIVE, v(PropType.PT_SYSTIME, Instant.parse("1601-01-01T00:00:00Z")),
                v(PropType.PT_SYSTIME, Instant.EPOCH), v(PropType.PT_SYSTIME, Instant.parse("1970-01-01T00:00:00.0000001Z")),
                v(PropType.PT_SYSTIME, Instant.parse("2038-01-19T03:14:08Z")));
    }

    @Test
    void binariesLexicographicallyUnsigned() {
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_BINARY, new byte[0]), v(PropType.PT_BINARY, new byte[] {0}),
                v(PropType.PT_BINARY, new byte[] {0, 0}), v(PropType.PT_BINARY, new byte[] {1}),
                v(PropType.PT_BINARY, new byte[] {0x7F, 0x7F}), v(PropType.PT_BINARY, new byte[] {(byte) 0x80}),
                v(PropType.PT_BINARY, new byte[] {(byte) 0xFF}));
    }

    @Test
    void guidsByWireBytes() {
        // Data1 is little-endian on the wire, so ...0002 (bytes 02 00 00 00) sorts after ...0100 (bytes 00 01 00 00).
        Guid a = Guid.parse("00000100-0000-0000-0000-000000000000");
        Guid b = Guid.parse("00000002-0000-0000-0000-000000000000");
        Guid c = Guid.parse("80000000-0000-0000-0000-000000000000");
        Guid d = Guid.parse("000000FF-0000-0000-0000-000000000000");
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_CLSID, c), v(PropType.PT_CLSID, a), v(PropType.PT_CLSID, b),
                v(PropType.PT_CLSID, d));
    }

    @Test
    void stringsCaseInsensitiveByDefault() {
        assertEquals(0, CASE_INSENSITIVE.compare(v(PropType.PT_UNICODE, "Hello"), v(PropType.PT_UNICODE, "hELLO")));
        assertEquals(0, CASE_INSENSITIVE.compare(v(PropType.PT_UNICODE, "STRASSE"), v(PropType.PT_UNICODE, "straße")));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_UNICODE, ""), v(PropType.PT_UNICODE, "a"), v(PropType.PT_UNICODE, "B"),
                v(PropType.PT_UNICODE, "bb"), v(PropType.PT_UNICODE, "C"));
        // I and i fold together whatever the default locale; Turkish dotless ı stays apart.
        assertEquals(0, CASE_INSENSITIVE.compare(v(PropType.PT_UNICODE, "TITLE"), v(PropType.PT_UNICODE, "title")));
    }

    @Test
    void stringsCaseSensitiveByCodeUnit() {
        assertOrdered(CASE_SENSITIVE, v(PropType.PT_UNICODE, "B"), v(PropType.PT_UNICODE, "a"), v(PropType.PT_UNICODE, "b"));
        assertTrue(CASE_SENSITIVE.compare(v(PropType.PT_UNICODE, "Hello"), v(PropType.PT_UNICODE, "hello")) < 0);
    }

    @Test
    void string8AndUnicodeCompareWithEachOther() {
        assertEquals(0, CASE_INSENSITIVE.compare(v(PropType.PT_STRING8, "abc"), v(PropType.PT_UNICODE, "ABC")));
        assertTrue(CASE_SENSITIVE.compare(v(PropType.PT_STRING8, "abc"), v(PropType.PT_UNICODE, "ABC")) > 0);
        assertEquals(0, CASE_INSENSITIVE.compare(v(PropType.PT_MV_STRING8, List.of("a")), v(PropType.PT_MV_UNICODE, List.of("A"))));
        assertTrue(PropValueOrder.comparable(PropType.PT_STRING8, PropType.PT_UNICODE));
        assertTrue(PropValueOrder.comparable(PropType.PT_MV_UNICODE, PropType.PT_MV_STRING8));
    }

    @Test
    void multiValuesElementByElementShorterFirst() {
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_MV_LONG, List.of()), v(PropType.PT_MV_LONG, List.of(1)),
                v(PropType.PT_MV_LONG, List.of(1, 1)), v(PropType.PT_MV_LONG, List.of(1, 2)), v(PropType.PT_MV_LONG, List.of(2)));
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_MV_BINARY, List.of(new byte[] {1})),
                v(PropType.PT_MV_BINARY, List.of(new byte[] {(byte) 0x90})));
        assertEquals(0, CASE_INSENSITIVE.compare(v(PropType.PT_MV_UNICODE, List.of("x", "Y")),
                v(PropType.PT_MV_UNICODE, List.of("X", "y"))));
    }

    @Test
    void errorsByUnsignedHresult() {
        assertOrdered(CASE_INSENSITIVE, v(PropType.PT_ERROR, MapiError.NO_SUPPORT), v(PropType.PT_ERROR, MapiError.NOT_FOUND),
                v(PropType.PT_ERROR, MapiError.NO_ACCESS));
    }

    @Test
    void differentTypesAreInvalidType() {
        assertFalse(PropValueOrder.comparable(PropType.PT_LONG, PropType.PT_I8));
        assertFalse(PropValueOrder.comparable(PropType.PT_LONG, PropType.PT_MV_LONG));
        assertThrows(MapiException.InvalidType.class,
                () -> CASE_INSENSITIVE.compare(v(PropType.PT_LONG, 1), v(PropType.PT_I8, 1L)));
        assertThrows(MapiException.InvalidType.class,
                () -> CASE_INSENSITIVE.compare(v(PropType.PT_UNICODE, "1"), v(PropType.PT_BINARY, new byte[] {1})));
    }

    @Test
    void sortsAListAsAComparator() {
        List<PropValue> list = new ArrayList<>(List.of(v(PropType.PT_UNICODE, "b"), v(PropType.PT_UNICODE, "C"),
                v(PropType.PT_UNICODE, "a")));
        list.sort(CASE_INSENSITIVE);
        assertEquals(List.of("a", "b", "C"), list.stream().map(PropValue::javaValue).toList());
        list.sort(CASE_SENSITIVE);
        assertEquals(List.of("C", "a", "b"), list.stream().map(PropValue::javaValue).toList());
        list.sort(CASE_INSENSITIVE.reversed());
        assertEquals(List.of("C", "b", "a"), list.stream().map(PropValue::javaValue).toList());
    }
}
