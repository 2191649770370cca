package org.koppel.eas.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncKeyTest {

    @Test
    void writesAndReadsTheIssuedForm() {
        SyncKey key = new SyncKey(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), 42);
        assertEquals("{6f9619ff-8b86-d011-b42d-00c04fc964ff}42", key.toString());
        assertEquals(Optional.of(key), SyncKey.parse(key.toString()));
        assertEquals(Optional.of(SyncKey.INITIAL), SyncKey.parse("0"));
        assertEquals("0", SyncKey.INITIAL.toString());
        assertTrue(SyncKey.INITIAL.isInitial());
        assertFalse(key.isInitial());
    }

    @Test
    void nextCountsUpAndZeroStartsANewSeries() {
        SyncKey first = SyncKey.INITIAL.next();
        assertEquals(1, first.counter());
        assertNotEquals(SyncKey.INITIAL.series(), first.series());
        assertNotEquals(first.series(), SyncKey.INITIAL.next().series(), "every start is a new series");
        SyncKey second = first.next();
        assertEquals(first.series(), second.series());
        assertEquals(2, second.counter());
        assertTrue(first.toString().length() <= SyncKey.MAX_LENGTH);
        SyncKey huge = new SyncKey(first.series(), 999_999_999_999_999_999L);
        assertTrue(huge.toString().length() <= SyncKey.MAX_LENGTH);
        assertEquals(Optional.of(huge), SyncKey.parse(huge.toString()));
    }

    @Test
    void refusesKeysItNeverWrites() throws IOException {
        for (String garbage : DeviceStateStoreContract.malformedKeys()) {
            assertEquals(Optional.empty(), SyncKey.parse(garbage), () -> "'" + garbage + "'");
        }
        assertEquals(Optional.empty(), SyncKey.parse(null));
        assertEquals(Optional.empty(), SyncKey.parse("0".repeat(SyncKey.MAX_LENGTH + 1)));
    }

    @Test
    void valuesOutsideTheFormAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SyncKey(new UUID(0, 0), 1));
        assertThrows(IllegalArgumentException.class, () -> new SyncKey(UUID.randomUUID(), 0));
        assertThrows(IllegalArgumentException.class, () -> new SyncKey(UUID.randomUUID(), -1));
    }
}
