package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamedPropertyTest {

    @Test
    void byIdAndByName() {
        NamedProperty id = NamedProperty.id(PropertySets.PSETID_COMMON, 0x8501);
        assertEquals(new NamedProperty.ById(PropertySets.PSETID_COMMON, 0x8501), id);
        assertEquals(PropertySets.PSETID_COMMON, id.propertySet());
        assertEquals("{00062008-0000-0000-C000-000000000046}:0x8501", id.toString());
        NamedProperty name = NamedProperty.name(PropertySets.PS_PUBLIC_STRINGS, "Keywords");
        assertEquals("{00020329-0000-0000-C000-000000000046}:Keywords", name.toString());
        assertNotEquals(name, NamedProperty.name(PropertySets.PS_PUBLIC_STRINGS, "keywords"));
        assertNotEquals(name, NamedProperty.name(PropertySets.PS_MAPI, "Keywords"));
    }

    @Test
    void namesAreBounded() {
        assertThrows(MapiException.InvalidParameter.class, () -> NamedProperty.name(PropertySets.PS_MAPI, ""));
        assertThrows(MapiException.InvalidParameter.class, () -> NamedProperty.name(PropertySets.PS_MAPI, null));
        assertThrows(MapiException.InvalidParameter.class, () -> NamedProperty.name(PropertySets.PS_MAPI, "x".repeat(256)));
        assertEquals(255, ((NamedProperty.ByName) NamedProperty.name(PropertySets.PS_MAPI, "x".repeat(255))).name().length());
        assertThrows(NullPointerException.class, () -> NamedProperty.name(null, "x"));
        assertThrows(NullPointerException.class, () -> NamedProperty.id(null, 1));
    }

    @ParameterizedTest
    @CsvSource({
            "PSETID_APPOINTMENT, 00062002-0000-0000-C000-000000000046",
            "PSETID_TASK, 00062003-0000-0000-C000-000000000046",
            "PSETID_ADDRESS, 00062004-0000-0000-C000-000000000046",
            "PSETID_COMMON, 00062008-0000-0000-C000-000000000046",
            "PSETID_LOG, 0006200A-0000-0000-C000-000000000046",
            "PSETID_NOTE, 0006200E-0000-0000-C000-000000000046",
            "PSETID_MEETING, 6ED8DA90-450B-101B-98DA-00AA003F1305",
            "PSETID_SHARING, 00062040-0000-0000-C000-000000000046",
            "PSETID_POST_RSS, 00062041-0000-0000-C000-000000000046",
            "PSETID_UNIFIED_MESSAGING, 4442858E-A9E3-4E80-B900-317A210CC15B",
            "PSETID_AIR_SYNC, 71035549-0739-4DCB-9163-00F0580DBBDF",
            "PS_PUBLIC_STRINGS, 00020329-0000-0000-C000-000000000046",
            "PS_INTERNET_HEADERS, 00020386-0000-0000-C000-000000000046",
            "PS_MAPI, 00020328-0000-0000-C000-000000000046"})
    void propertySetGuids(String constant, String guid) throws Exception {
        assertEquals(Guid.parse(guid), PropertySets.class.getField(constant).get(null));
    }

    @Test
    void propertySetsAreDistinct() throws Exception {
        Set<Object> seen = new HashSet<>();
        for (Field f : PropertySets.class.getFields()) {
            assertTrue(seen.add(f.get(null)), f.getName());
        }
        assertEquals(14, seen.size());
    }
}
