package org.koppel.gateway.imap.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {

    private static final String RFC_EXAMPLE = "~peter/mail/&U,BTFw-/&ZeVnLIqe-";
    private static final String RFC_DECODED = "~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e";

    @Test
    void rfc3501Example() {
        assertEquals(RFC_DECODED, ModifiedUtf7.decode(RFC_EXAMPLE));
        assertEquals(RFC_EXAMPLE, ModifiedUtf7.encode(RFC_DECODED));
    }

    @Test
    void ampersandAndAscii() {
        assertEquals("Tom &- Jerry", ModifiedUtf7.encode("Tom & Jerry"));
        assertEquals("Tom & Jerry", ModifiedUtf7.decode("Tom &- Jerry"));
        assertEquals("Entw&APw-rfe", ModifiedUtf7.encode("Entw\u00fcrfe"));
        assertEquals("&2D3eAA-", ModifiedUtf7.encode("\ud83d\ude00"));
        assertEquals("\ud83d\ude00", ModifiedUtf7.decode("&2D3eAA-"));
    }

    @Test
    void rejectsMalformedNames() {
        for (String s : new String[] {"&U,BTFw", "&U,B-", "&2D0-", "a\u00e9", "&*-", "&AGE", "&AG-"}) {
            assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(s), s);
        }
    }

    @Test
    void roundTripsRandomNames() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                int cp = switch (random.nextInt(3)) {
                    case 0 -> 0x20 + random.nextInt(0x5f);
                    case 1 -> 0xa0 + random.nextInt(0x2000);
                    default -> 0x10000 + random.nextInt(0x1000);
                };
                sb.appendCodePoint(cp);
            }
            String name = sb.toString();
            assertEquals(name, ModifiedUtf7.decode(ModifiedUtf7.encode(name)), name);
        }
    }
}
