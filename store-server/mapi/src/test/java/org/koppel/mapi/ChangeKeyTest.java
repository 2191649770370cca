package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeKeyTest {

    private static final Guid REPLICA = Guid.parse("01234567-89AB-CDEF-0011-223344556677");

    @Test
    void koppelWritesSixByteGlobcnts() {
        ChangeKey k = ChangeKey.of(REPLICA, 0x0A0B0C);
        assertArrayEquals(HexFormat.of().parseHex("67452301AB89EFCD0011223344556677" + "0000000A0B0C"), k.bytes());
        assertEquals(22, k.length());
        assertEquals(0x0A0B0CL, k.counter());
        assertEquals(REPLICA, k.namespaceGuid());
        assertArrayEquals(HexFormat.of().parseHex("0000000A0B0C"), k.localId());
        assertEquals("67452301AB89EFCD00112233445566770000000A0B0C", k.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsLocalIdsOfOneToEightBytes(int length) {
        byte[] raw = new byte[16 + length];
        System.arraycopy(REPLICA.toBytes(), 0, raw, 0, 16);
        raw[raw.length - 1] = 5;
        ChangeKey k = ChangeKey.parse(raw);
        assertEquals(5, k.counter());
        assertEquals(length, k.localId().length);
        assertArrayEquals(raw, k.bytes());
        assertEquals(k, ChangeKey.parse(k.bytes()));
    }

    @Test
    void eightByteCountersAreUnsigned() {
        byte[] raw = new byte[24];
        System.arraycopy(REPLICA.toBytes(), 0, raw, 0, 16);
        for (int i = 16; i < 24; i++) {
            raw[i] = (byte) 0xFF;
        }
        ChangeKey k = ChangeKey.parse(raw);
        assertEquals(-1L, k.counter());
        assertTrue(Long.compareUnsigned(k.counter(), ChangeKey.of(REPLICA, 1).counter()) > 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 25, 40})
    void wrongLengthIsCorruptData(int length) {
        assertThrows(MapiException.CorruptData.class, () -> ChangeKey.parse(new byte[length]));
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(MapiException.CorruptData.class, () -> ChangeKey.parse(null));
        assertThrows(MapiException.InvalidParameter.class, () -> ChangeKey.of(REPLICA, 0));
        assertThrows(MapiException.InvalidParameter.class, () -> ChangeKey.of(REPLICA, 1L << 48));
        assertThrows(MapiException.InvalidParameter.class, () -> new ChangeKey(REPLICA, new byte[0]));
        assertThrows(MapiException.InvalidParameter.class, () -> new ChangeKey(REPLICA, new byte[9]));
        assertThrows(NullPointerException.class, () -> new ChangeKey(null, new byte[1]));
        assertThrows(NullPointerException.class, () -> new ChangeKey(REPLICA, null));
    }

    @Test
    void immutableAndComparedByContent() {
        byte[] id = {0, 0, 0, 0, 0, 7};
        ChangeKey k = new ChangeKey(REPLICA, id);
        id[5] = 8;
        k.localId()[5] = 9;
        assertEquals(ChangeKey.of(REPLICA, 7), k);
        assertEquals(ChangeKey.of(REPLICA, 7).hashCode(), k.hashCode());
        assertNotEquals(ChangeKey.of(REPLICA, 7), new ChangeKey(REPLICA, new byte[] {7}));
        assertNotEquals(ChangeKey.of(REPLICA, 7), ChangeKey.of(PropertySets.PS_MAPI, 7));
        assertEquals(PropValue.of(PropTags.PR_CHANGE_KEY, k.bytes()), k.toPropValue(PropTags.PR_CHANGE_KEY));
    }
}
