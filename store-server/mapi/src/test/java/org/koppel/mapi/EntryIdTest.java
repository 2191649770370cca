package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryIdTest {

    private static final Guid STORE = Guid.parse("01234567-89AB-CDEF-0011-223344556677");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void layout() {
        EntryId id = EntryId.of(STORE, MapiObjectType.MAPI_MESSAGE, 0x0102030405060708L);
        assertArrayEquals(hex("00000000 67452301AB89EFCD0011223344556677 01 05 0000 0807060504030201"), id.bytes());
        assertEquals(32, id.bytes().length);
        assertEquals("0000000067452301AB89EFCD0011223344556677010500000807060504030201", id.toString());
    }

    @ParameterizedTest
    @EnumSource(MapiObjectType.class)
    void roundTripsEveryObjectType(MapiObjectType type) {
        for (long objectId : new long[] {0, 1, 42, 0xFFFF_FFFFL, Long.MAX_VALUE, -1L, Long.MIN_VALUE}) {
            EntryId id = EntryId.of(STORE, type, objectId);
            EntryId back = EntryId.parse(id.bytes());
            assertEquals(id, back);
            assertEquals(id.hashCode(), back.hashCode());
            assertEquals(STORE, back.storeGuid());
            assertEquals(type, back.objectType());
            assertEquals(objectId, back.objectId());
            assertEquals(type.code(), back.bytes()[21]);
        }
    }

    @Test
    void isImmutable() {
        byte[] raw = EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7).bytes();
        EntryId id = EntryId.parse(raw);
        raw[31] = 9;
        id.bytes()[24] = 9;
        assertEquals(7, id.objectId());
        assertEquals(EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7), id);
    }

    @Test
    void equalityIsByContent() {
        assertEquals(EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7), EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7));
        assertNotEquals(EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7), EntryId.of(STORE, MapiObjectType.MAPI_MESSAGE, 7));
        assertNotEquals(EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7), EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 8));
        assertNotEquals(EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7),
                EntryId.of(PropertySets.PS_MAPI, MapiObjectType.MAPI_FOLDER, 7));
        assertNotEquals(EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 7), "x");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 31, 33, 64})
    void wrongLengthIsInvalidEntryId(int length) {
        MapiException e = assertThrows(MapiException.InvalidEntryId.class, () -> EntryId.parse(new byte[length]));
        assertEquals(MapiError.INVALID_ENTRYID, e.error());
    }

    @Test
    void corruptFieldsAreInvalidEntryId() {
        byte[] good = EntryId.of(STORE, MapiObjectType.MAPI_MESSAGE, 1).bytes();
        int[][] corruptions = {{0, 1}, {3, 0x80}, {20, 0}, {20, 2}, {21, 0}, {21, 9}, {21, 0xFF}, {22, 1}, {23, 1}};
        for (int[] c : corruptions) {
            byte[] bad = good.clone();
            bad[c[0]] = (byte) c[1];
            assertThrows(MapiException.InvalidEntryId.class, () -> EntryId.parse(bad), "byte " + c[0]);
            assertTrue(EntryId.tryParse(bad).isEmpty());
        }
        assertThrows(MapiException.InvalidEntryId.class, () -> EntryId.parse(null));
        assertTrue(EntryId.tryParse(null).isEmpty());
        assertEquals(EntryId.parse(good), EntryId.tryParse(good).orElseThrow());
    }

    @Test
    void toPropValue() {
        EntryId id = EntryId.of(STORE, MapiObjectType.MAPI_STORE, 1);
        assertEquals(PropValue.of(PropTags.PR_ENTRYID, id.bytes()), id.toPropValue(PropTags.PR_ENTRYID));
        assertThrows(MapiException.InvalidType.class, () -> id.toPropValue(PropTags.PR_SUBJECT));
    }

    @Test
    void objectTypeCodes() {
        int code = 1;
        for (MapiObjectType t : MapiObjectType.values()) {
            assertEquals(code++, t.code());
            assertSame(t, MapiObjectType.fromCode(t.code()));
            assertTrue(MapiObjectType.isKnown(t.code()));
        }
        assertEquals(5, MapiObjectType.MAPI_MESSAGE.code());
        assertEquals(8, MapiObjectType.MAPI_DISTLIST.code());
        assertFalse(MapiObjectType.isKnown(0));
        assertFalse(MapiObjectType.isKnown(9));
        assertThrows(MapiException.InvalidParameter.class, () -> MapiObjectType.fromCode(0));
        assertThrows(MapiException.InvalidParameter.class, () -> MapiObjectType.fromCode(9));
    }
}
