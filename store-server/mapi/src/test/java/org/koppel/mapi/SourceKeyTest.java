package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceKeyTest {

    private static final Guid REPLICA = Guid.parse("01234567-89AB-CDEF-0011-223344556677");

    @Test
    void layoutIsGuidThenBigEndianGlobcnt() {
        SourceKey k = SourceKey.of(REPLICA, 0x0102030405L);
        assertArrayEquals(HexFormat.of().parseHex("67452301AB89EFCD0011223344556677" + "000102030405"), k.bytes());
        assertEquals("67452301AB89EFCD0011223344556677000102030405", k.toString());
        assertEquals(22, k.bytes().length);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 255, 256, 0xFFFFFFFFL, (1L << 48) - 1})
    void roundTrips(long counter) {
        SourceKey k = SourceKey.of(REPLICA, counter);
        SourceKey back = SourceKey.parse(k.bytes());
        assertEquals(k, back);
        assertEquals(counter, back.counter());
        assertEquals(REPLICA, back.replica());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1L << 48, Long.MAX_VALUE, Long.MIN_VALUE})
    void countersOutsideGlobcntRangeAreRefused(long counter) {
        assertThrows(MapiException.InvalidParameter.class, () -> SourceKey.of(REPLICA, counter));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 21, 23, 24})
    void wrongLengthIsCorruptData(int length) {
        assertThrows(MapiException.CorruptData.class, () -> SourceKey.parse(new byte[length]));
    }

    @Test
    void zeroCounterAndNullAreCorruptData() {
        byte[] b = SourceKey.of(REPLICA, 1).bytes();
        b[21] = 0;
        assertThrows(MapiException.CorruptData.class, () -> SourceKey.parse(b));
        assertThrows(MapiException.CorruptData.class, () -> SourceKey.parse(null));
        assertThrows(NullPointerException.class, () -> SourceKey.of(null, 1));
    }

    @Test
    void ordersLikeItsBytes() {
        assertTrue(SourceKey.of(REPLICA, 255).compareTo(SourceKey.of(REPLICA, 256)) < 0);
        assertTrue(SourceKey.of(REPLICA, 256).compareTo(SourceKey.of(REPLICA, 255)) > 0);
        assertEquals(0, SourceKey.of(REPLICA, 9).compareTo(SourceKey.of(REPLICA, 9)));
        SourceKey a = SourceKey.of(Guid.parse("00000100-0000-0000-0000-000000000000"), 5);
        SourceKey b = SourceKey.of(Guid.parse("00000002-0000-0000-0000-000000000000"), 1);
        assertTrue(a.compareTo(b) < 0);
        assertTrue(java.util.Arrays.compareUnsigned(a.bytes(), b.bytes()) < 0);
    }

    @Test
    void toPropValue() {
        SourceKey k = SourceKey.of(REPLICA, 3);
        assertEquals(PropValue.of(PropTags.PR_SOURCE_KEY, k.bytes()), k.toPropValue(PropTags.PR_SOURCE_KEY));
    }
}
