package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PropTagTest {

    @ParameterizedTest
    @EnumSource(PropType.class)
    void packsAndUnpacksEveryType(PropType type) {
        for (int id : new int[] {0x0001, 0x0037, 0x3001, 0x7FFF, 0x8000, 0xABCD, 0xFFFE, 0xFFFF}) {
            PropTag tag = new PropTag(id, type);
            int packed = tag.value();
            assertEquals(id, packed >>> 16);
            assertEquals(type.code(), packed & 0xFFFF);
            assertEquals(tag, PropTag.fromValue(packed));
        }
    }

    @Test
    void knownPackedValues() {
        assertEquals(0x0037001F, PropTags.PR_SUBJECT.value());
        assertEquals(0x0FFF0102, PropTags.PR_ENTRYID.value());
        assertEquals(0x0E080014, PropTags.PR_MESSAGE_SIZE_EXTENDED.value());
        assertEquals(0x36D81102, PropTags.PR_ADDITIONAL_REN_ENTRYIDS.value());
        assertEquals(0x0E12000D, PropTags.PR_MESSAGE_RECIPIENTS.value());
        assertEquals(new PropTag(0x8005, PropType.PT_MV_UNICODE), PropTag.fromValue(0x8005101F));
        assertEquals(0xFFFE0102, new PropTag(0xFFFE, PropType.PT_BINARY).value());
        assertEquals(new PropTag(0xFFFE, PropType.PT_BINARY), PropTag.fromValue(0xFFFE0102));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 0x10000, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void idsOutOfRangeAreRefused(int id) {
        assertThrows(MapiException.InvalidParameter.class, () -> new PropTag(id, PropType.PT_LONG));
    }

    @Test
    void missingTypeIsRefused() {
        assertThrows(MapiException.InvalidParameter.class, () -> new PropTag(1, null));
    }

    @Test
    void unknownTypeCodeInPackedTagIsInvalidType() {
        assertThrows(MapiException.InvalidType.class, () -> PropTag.fromValue(0x00370008));
        assertThrows(MapiException.InvalidParameter.class, () -> PropTag.fromValue(0x0000001F));
    }

    @Test
    void namedRange() {
        assertEquals(0x8000, PropTag.NAMED_ID_MIN);
        assertEquals(0xFFFE, PropTag.NAMED_ID_MAX);
        assertFalse(new PropTag(0x7FFF, PropType.PT_LONG).isNamed());
        assertTrue(new PropTag(0x8000, PropType.PT_LONG).isNamed());
        assertTrue(new PropTag(0xFFFE, PropType.PT_LONG).isNamed());
    }

    @Test
    void withTypeKeepsTheId() {
        PropTag t = PropTags.PR_SUBJECT.withType(PropType.PT_STRING8);
        assertEquals(0x0037001E, t.value());
        assertEquals(PropTags.PR_SUBJECT, t.withType(PropType.PT_UNICODE));
        assertEquals(PropTag.of(0x0037, PropType.PT_UNICODE), PropTags.PR_SUBJECT);
    }

    @Test
    void toStringIsHex() {
        assertEquals("0x0037001F", PropTags.PR_SUBJECT.toString());
        assertEquals("0x80001102", new PropTag(0x8000, PropType.PT_MV_BINARY).toString());
    }
}
