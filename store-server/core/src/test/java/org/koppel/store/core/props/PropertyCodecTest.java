package org.koppel.store.core.props;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;

class PropertyCodecTest {

    private static PropTag tag(int id, PropType type) {
        return new PropTag(id, type);
    }

    static List<PropValue> everyType() {
        return List.of(
                PropValue.of(tag(0x6001, PropType.PT_I2), (short) -5),
                PropValue.of(tag(0x6002, PropType.PT_LONG), Integer.MIN_VALUE),
                PropValue.of(tag(0x6003, PropType.PT_R4), 1.5f),
                PropValue.of(tag(0x6004, PropType.PT_DOUBLE), Math.PI),
                PropValue.of(tag(0x6005, PropType.PT_CURRENCY), 123_4567L),
                PropValue.of(tag(0x6006, PropType.PT_APPTIME), 45000.25),
                PropValue.of(tag(0x6007, PropType.PT_BOOLEAN), true),
                PropValue.of(tag(0x6008, PropType.PT_I8), Long.MAX_VALUE),
                PropValue.of(tag(0x6009, PropType.PT_STRING8), "plain"),
                PropValue.of(tag(0x600A, PropType.PT_UNICODE), "Grüße 🌍"),
                PropValue.of(tag(0x600B, PropType.PT_SYSTIME), Instant.parse("2026-11-29T06:00:00.1234567Z")),
                PropValue.of(tag(0x600C, PropType.PT_CLSID), Guid.parse("00062002-0000-0000-C000-000000000046")),
                PropValue.of(tag(0x600D, PropType.PT_BINARY), new byte[] {0, 1, (byte) 0xFF}),
                PropValue.of(tag(0x600E, PropType.PT_MV_I2), List.of((short) 1, (short) 2)),
                PropValue.of(tag(0x600F, PropType.PT_MV_LONG), List.of(1, 2, 3)),
                PropValue.of(tag(0x6010, PropType.PT_MV_R4), List.of(0.5f)),
                PropValue.of(tag(0x6011, PropType.PT_MV_DOUBLE), List.of(1.0, -2.0)),
                PropValue.of(tag(0x6012, PropType.PT_MV_CURRENCY), List.of(10L)),
                PropValue.of(tag(0x6013, PropType.PT_MV_APPTIME), List.of(1.25)),
                PropValue.of(tag(0x6014, PropType.PT_MV_I8), List.of(-1L, 0L)),
                PropValue.of(tag(0x6015, PropType.PT_MV_STRING8), List.of("a", "")),
                PropValue.of(tag(0x6016, PropType.PT_MV_UNICODE), List.of("x", "ÿ")),
                PropValue.of(tag(0x6017, PropType.PT_MV_SYSTIME), List.of(Instant.EPOCH)),
                PropValue.of(tag(0x6018, PropType.PT_MV_CLSID), List.of(Guid.random())),
                PropValue.of(tag(0x6019, PropType.PT_MV_BINARY), List.of(new byte[] {9}, new byte[0])));
    }

    @Test
    void everyStorableTypeRoundTrips() {
        List<PropValue> values = everyType();
        assertEquals(values, PropertyCodec.decode(PropertyCodec.encode(values)));
        assertEquals(List.of(), PropertyCodec.decode(PropertyCodec.encode(List.of())));
        assertEquals(List.of(), PropertyCodec.decode(null));
    }

    @Test
    void everyTruncationIsCorruptDataNotACrash() {
        byte[] full = PropertyCodec.encode(everyType());
        for (int len = 1; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            assertThrows(MapiException.class, () -> PropertyCodec.decode(cut), "prefix of " + len);
        }
    }

    @Test
    void hostileLengthsAreRefused() {
        byte[] bad = {1, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThrows(MapiException.CorruptData.class, () -> PropertyCodec.decode(bad));
        assertThrows(MapiException.CorruptData.class, () -> PropertyCodec.decode(new byte[] {9, 0, 0, 0, 0}));
    }
}
