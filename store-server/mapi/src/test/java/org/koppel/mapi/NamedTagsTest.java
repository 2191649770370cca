package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamedTagsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "APPOINTMENT_START_WHOLE, PSETID_APPOINTMENT, 0x820D, PT_SYSTIME",
            "APPOINTMENT_END_WHOLE, PSETID_APPOINTMENT, 0x820E, PT_SYSTIME",
            "BUSY_STATUS, PSETID_APPOINTMENT, 0x8205, PT_LONG",
            "LOCATION, PSETID_APPOINTMENT, 0x8208, PT_UNICODE",
            "APPOINTMENT_SUB_TYPE, PSETID_APPOINTMENT, 0x8215, PT_BOOLEAN",
            "RECURRING, PSETID_APPOINTMENT, 0x8223, PT_BOOLEAN",
            "APPOINTMENT_RECUR, PSETID_APPOINTMENT, 0x8216, PT_BINARY",
            "TIME_ZONE_STRUCT, PSETID_APPOINTMENT, 0x8233, PT_BINARY",
            "TIME_ZONE_DESCRIPTION, PSETID_APPOINTMENT, 0x8234, PT_UNICODE",
            "APPOINTMENT_STATE_FLAGS, PSETID_APPOINTMENT, 0x8217, PT_LONG",
            "RESPONSE_STATUS, PSETID_APPOINTMENT, 0x8218, PT_LONG",
            "APPOINTMENT_SEQUENCE, PSETID_APPOINTMENT, 0x8201, PT_LONG",
            "INTENDED_BUSY_STATUS, PSETID_APPOINTMENT, 0x8224, PT_LONG",
            "MEETING_WORKSPACE_URL, PSETID_APPOINTMENT, 0x8209, PT_UNICODE",
            "GLOBAL_OBJECT_ID, PSETID_MEETING, 0x0003, PT_BINARY",
            "CLEAN_GLOBAL_OBJECT_ID, PSETID_MEETING, 0x0023, PT_BINARY",
            "TASK_STATUS, PSETID_TASK, 0x8101, PT_LONG",
            "PERCENT_COMPLETE, PSETID_TASK, 0x8102, PT_DOUBLE",
            "TASK_START_DATE, PSETID_TASK, 0x8104, PT_SYSTIME",
            "TASK_DUE_DATE, PSETID_TASK, 0x8105, PT_SYSTIME",
            "TASK_DATE_COMPLETED, PSETID_TASK, 0x810F, PT_SYSTIME",
            "TASK_COMPLETE, PSETID_TASK, 0x811C, PT_BOOLEAN",
            "TASK_RECURRENCE, PSETID_TASK, 0x8116, PT_BINARY",
            "EMAIL1_DISPLAY_NAME, PSETID_ADDRESS, 0x8080, PT_UNICODE",
            "EMAIL1_ADDRESS_TYPE, PSETID_ADDRESS, 0x8082, PT_UNICODE",
            "EMAIL1_EMAIL_ADDRESS, PSETID_ADDRESS, 0x8083, PT_UNICODE",
            "EMAIL2_EMAIL_ADDRESS, PSETID_ADDRESS, 0x8093, PT_UNICODE",
            "EMAIL3_EMAIL_ADDRESS, PSETID_ADDRESS, 0x80A3, PT_UNICODE",
            "FILE_UNDER, PSETID_ADDRESS, 0x8005, PT_UNICODE",
            "WORK_ADDRESS_STREET, PSETID_ADDRESS, 0x8045, PT_UNICODE",
            "WORK_ADDRESS, PSETID_ADDRESS, 0x801B, PT_UNICODE",
            "REMINDER_DELTA, PSETID_COMMON, 0x8501, PT_LONG",
            "REMINDER_TIME, PSETID_COMMON, 0x8502, PT_SYSTIME",
            "REMINDER_SET, PSETID_COMMON, 0x8503, PT_BOOLEAN",
            "REMINDER_SIGNAL_TIME, PSETID_COMMON, 0x8560, PT_SYSTIME",
            "COMMON_START, PSETID_COMMON, 0x8516, PT_SYSTIME",
            "COMMON_END, PSETID_COMMON, 0x8517, PT_SYSTIME",
            "COMPANIES, PSETID_COMMON, 0x8539, PT_MV_UNICODE",
            "CONTACT_LINK_NAME, PSETID_COMMON, 0x8586, PT_UNICODE",
            "CONTACT_LINK_ENTRY, PSETID_COMMON, 0x8585, PT_BINARY",
            "LOG_START, PSETID_LOG, 0x8706, PT_SYSTIME",
            "NOTE_COLOR, PSETID_NOTE, 0x8B00, PT_LONG",
            "NOTE_WIDTH, PSETID_NOTE, 0x8B02, PT_LONG",
            "NOTE_HEIGHT, PSETID_NOTE, 0x8B03, PT_LONG"})
    void longIdsAreThoseOfMsOxprops(String constant, String set, String lid, PropType type) throws Exception {
        NamedPropTag tag = (NamedPropTag) NamedTags.class.getField(constant).get(null);
        Guid expectedSet = (Guid) PropertySets.class.getField(set).get(null);
        assertEquals(new NamedPropTag(new NamedProperty.ById(expectedSet, Integer.decode(lid)), type), tag);
    }

    @Test
    void keywordsAreTheCategoriesByName() {
        assertEquals(new NamedPropTag(new NamedProperty.ByName(PropertySets.PS_PUBLIC_STRINGS, "Keywords"), PropType.PT_MV_UNICODE),
                NamedTags.KEYWORDS);
    }

    @Test
    void allListsEveryConstantOnceAndNamesAreUnique() throws Exception {
        Set<NamedPropTag> fields = new HashSet<>();
        Set<NamedProperty> names = new HashSet<>();
        for (Field f : NamedTags.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == NamedPropTag.class) {
                NamedPropTag t = (NamedPropTag) f.get(null);
                assertTrue(fields.add(t), f.getName());
                assertTrue(names.add(t.name()), "same name twice: " + f.getName());
            }
        }
        assertEquals(fields, new HashSet<>(NamedTags.ALL));
        assertEquals(fields.size(), NamedTags.ALL.size());
    }

    @Test
    void everyNamedPropertyUsesAKnownSetAndAStorableType() throws Exception {
        Set<Guid> sets = new HashSet<>();
        for (Field f : PropertySets.class.getFields()) {
            sets.add((Guid) f.get(null));
        }
        for (NamedPropTag t : NamedTags.ALL) {
            assertTrue(sets.contains(t.name().propertySet()), t.toString());
            assertTrue(t.type().isStorable(), t.toString());
            if (t.name() instanceof NamedProperty.ById byId && !t.name().propertySet().equals(PropertySets.PSETID_MEETING)) {
                assertTrue(byId.lid() >= 0x8000 && byId.lid() <= 0xFFFF, t.toString());
            }
        }
    }

    @Test
    void tagForAMappedId() {
        assertEquals(new PropTag(0x8123, PropType.PT_SYSTIME), NamedTags.APPOINTMENT_START_WHOLE.tag(0x8123));
        assertEquals(0x8123101F, NamedTags.KEYWORDS.tag(0x8123).value());
        assertThrows(MapiException.InvalidParameter.class, () -> NamedTags.KEYWORDS.tag(0x7FFF));
        assertThrows(MapiException.InvalidParameter.class, () -> NamedTags.KEYWORDS.tag(0xFFFF));
        assertEquals(0xFFFE0040, NamedTags.REMINDER_TIME.tag(0xFFFE).value());
    }

    @Test
    void namedPropTagRefusesPlaceholderTypes() {
        for (PropType t : List.of(PropType.PT_UNSPECIFIED, PropType.PT_NULL, PropType.PT_ERROR, PropType.PT_OBJECT)) {
            assertThrows(MapiException.InvalidType.class, () -> NamedPropTag.byId(PropertySets.PS_MAPI, 0x8000, t));
        }
        assertThrows(NullPointerException.class, () -> new NamedPropTag(null, PropType.PT_LONG));
        assertEquals(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, "x-spam", PropType.PT_UNICODE),
                new NamedPropTag(NamedProperty.name(PropertySets.PS_INTERNET_HEADERS, "x-spam"), PropType.PT_UNICODE));
    }
}
