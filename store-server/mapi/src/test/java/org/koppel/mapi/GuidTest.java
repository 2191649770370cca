package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void wireOrderOfPsetidAppointment() {
        byte[] expected = hex("02 20 06 00 00 00 00 00 C0 00 00 00 00 00 00 46");
        assertArrayEquals(expected, PropertySets.PSETID_APPOINTMENT.toBytes());
        assertEquals(PropertySets.PSETID_APPOINTMENT, Guid.fromBytes(expected));
        assertEquals("0220060000000000C000000000000046", PropertySets.PSETID_APPOINTMENT.hex());
    }

    @Test
    void wireOrderSwapsTheFirstThreeGroups() {
        Guid g = Guid.parse("01234567-89AB-CDEF-0123-456789ABCDEF");
        assertArrayEquals(hex("67452301 AB89 EFCD 0123 456789ABCDEF"), g.toBytes());
        assertEquals(g, Guid.fromBytes(g.toBytes()));
        assertEquals(PropertySets.PSETID_MEETING, Guid.fromBytes(hex("90DAD86E0B451B1098DA00AA003F1305")));
    }

    @Test
    void fromBytesAtAnOffset() {
        byte[] buf = new byte[20];
        System.arraycopy(PropertySets.PS_MAPI.toBytes(), 0, buf, 3, 16);
        assertEquals(PropertySets.PS_MAPI, Guid.fromBytes(buf, 3));
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.fromBytes(buf, 5));
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.fromBytes(buf, -1));
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.fromBytes(null, 0));
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.fromBytes(new byte[15]));
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.fromBytes(new byte[17]));
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.fromBytes(null));
    }

    @Test
    void textForms() {
        Guid g = Guid.parse("{00062008-0000-0000-c000-000000000046}");
        assertEquals(PropertySets.PSETID_COMMON, g);
        assertEquals(g, Guid.parse("  00062008-0000-0000-C000-000000000046 "));
        assertEquals("{00062008-0000-0000-C000-000000000046}", g.toString());
        assertEquals(g, Guid.parse(g.toString()));
        assertEquals(new Guid(UUID.fromString("00062008-0000-0000-c000-000000000046")), g);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "00062008-0000-0000-C000-00000000004", "00062008-0000-0000-C000-0000000000467",
            "00062008000000000C000000000000046", "0006200G-0000-0000-C000-000000000046",
            "+0062008-0000-0000-C000-000000000046", "00062008-+000-0000-C000-000000000046",
            "00062008-0000-0000-C000+000000000046", "{00062008-0000-0000-C000-000000000046",
            "1-2-3-4-5"})
    void malformedTextIsInvalidParameter(String text) {
        assertThrows(MapiException.InvalidParameter.class, () -> Guid.parse(text));
    }

    @Test
    void missingUuidIsRefused() {
        assertThrows(MapiException.InvalidParameter.class, () -> new Guid(null));
    }

    @Test
    void randomGuidsAreVersion4AndDistinct() {
        Guid a = Guid.random();
        Guid b = Guid.random();
        assertNotEquals(a, b);
        assertEquals(4, a.uuid().version());
        assertEquals(2, a.uuid().variant());
    }

    @Test
    void compareToIsConsistentWithEquals() {
        Guid a = Guid.parse("00000000-0000-0000-0000-000000000001");
        Guid b = Guid.parse("00000000-0000-0000-0000-000000000002");
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(a) > 0);
        assertEquals(0, a.compareTo(Guid.parse(a.toString())));
    }
}
