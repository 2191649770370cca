package org.koppel.store.core.props;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;

/**
 * Stored property data can be damaged (a disk, a bad restore, a bug in an older version): decoding any
 * damaged value must end in a MAPI error, never another exception or a huge allocation.
 */
class PropertyCodecFuzzTest {

    private static final int MUTATIONS = 200_000;

    @Test
    void randomMutationsOfRealDataFailCleanly() {
        byte[] original = PropertyCodec.encode(PropertyCodecTest.everyType());
        Random random = new Random(20261129L);
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] damaged = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(damaged.length);
                switch (random.nextInt(3)) {
                    case 0 -> damaged[at] = (byte) random.nextInt(256);
                    case 1 -> damaged[at] ^= (byte) (1 << random.nextInt(8));
                    default -> damaged[at] = (byte) (random.nextBoolean() ? 0x7F : 0xFF);
                }
            }
            try {
                List<PropValue> decoded = PropertyCodec.decode(damaged);
                if (decoded.size() > damaged.length) {
                    fail("decoded more values than there are bytes");
                }
            } catch (MapiException expected) {
                // the damage was detected
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("mutation " + i + " escaped as " + e, e);
            }
        }
    }
}
