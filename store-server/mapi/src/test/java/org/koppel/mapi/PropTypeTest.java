package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PropTypeTest {

    @ParameterizedTest
    @CsvSource({
            "PT_UNSPECIFIED, 0x0000", "PT_NULL, 0x0001", "PT_I2, 0x0002", "PT_LONG, 0x0003", "PT_R4, 0x0004",
            "PT_DOUBLE, 0x0005", "PT_CURRENCY, 0x0006", "PT_APPTIME, 0x0007", "PT_ERROR, 0x000A",
            "PT_BOOLEAN, 0x000B", "PT_OBJECT, 0x000D", "PT_I8, 0x0014", "PT_STRING8, 0x001E", "PT_UNICODE, 0x001F",
            "PT_SYSTIME, 0x0040", "PT_CLSID, 0x0048", "PT_BINARY, 0x0102", "PT_MV_I2, 0x1002", "PT_MV_LONG, 0x1003",
            "PT_MV_R4, 0x1004", "PT_MV_DOUBLE, 0x1005", "PT_MV_CURRENCY, 0x1006", "PT_MV_APPTIME, 0x1007",
            "PT_MV_I8, 0x1014", "PT_MV_STRING8, 0x101E", "PT_MV_UNICODE, 0x101F", "PT_MV_SYSTIME, 0x1040",
            "PT_MV_CLSID, 0x1048", "PT_MV_BINARY, 0x1102"})
    void codesAreThoseOfMsOxcdata(PropType type, String hex) {
        int code = Integer.decode(hex);
        assertEquals(code, type.code());
        assertSame(type, PropType.fromCode(code));
        assertTrue(PropType.isKnown(code));
    }

    @Test
    void everyTypeIsListedOnceWithAUniqueCode() {
        assertEquals(29, PropType.values().length);
        Map<Integer, Long> counts = Arrays.stream(PropType.values())
                .collect(Collectors.groupingBy(PropType::code, Collectors.counting()));
        assertTrue(counts.values().stream().allMatch(c -> c == 1));
    }

    @ParameterizedTest
    @EnumSource(PropType.class)
    void multiValuedFormsPairWithTheirElementTypes(PropType type) {
        if (type.isMultiValued()) {
            assertEquals(type.code() & ~PropType.MV_FLAG, type.elementType().code());
            assertFalse(type.elementType().isMultiValued());
            assertSame(type, type.elementType().multiValued());
            assertSame(type, type.multiValued());
        } else {
            assertSame(type, type.elementType());
            if (PropType.isKnown(type.code() | PropType.MV_FLAG)) {
                assertSame(PropType.fromCode(type.code() | 0x1000), type.multiValued());
            } else {
                assertThrows(MapiException.InvalidType.class, type::multiValued);
            }
        }
    }

    @Test
    void typesWithoutMultiValuedForm() {
        for (PropType t : new PropType[] {PropType.PT_BOOLEAN, PropType.PT_ERROR, PropType.PT_OBJECT,
                PropType.PT_NULL, PropType.PT_UNSPECIFIED}) {
            assertThrows(MapiException.InvalidType.class, t::multiValued, t.name());
        }
        assertEquals(PropType.PT_MV_BINARY, PropType.PT_BINARY.multiValued());
    }

    @ParameterizedTest
    @EnumSource(PropType.class)
    void storableExceptPlaceholders(PropType type) {
        boolean expected = switch (type) {
            case PT_UNSPECIFIED, PT_NULL, PT_ERROR, PT_OBJECT -> false;
            default -> true;
        };
        assertEquals(expected, type.isStorable());
    }

    @Test
    void unknownCodesAreInvalidType() {
        for (int code : new int[] {0x0008, 0x0009, 0x000C, 0x0015, 0x1000, 0x100B, 0x1001, 0xFFFF, -1}) {
            assertFalse(PropType.isKnown(code));
            MapiException e = assertThrows(MapiException.InvalidType.class, () -> PropType.fromCode(code));
            assertEquals(MapiError.INVALID_TYPE, e.error());
        }
    }
}
