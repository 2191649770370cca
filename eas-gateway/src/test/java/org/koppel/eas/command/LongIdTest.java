package org.koppel.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LongIdTest {

    @Test
    void roundTripsTheBackendIds() {
        LongId id = new LongId("AB12", "CD34");
        assertEquals("AB12:CD34", id.text());
        assertEquals(id, LongId.parse(id.text()).orElseThrow());
    }

    @Test
    void theItemPartMayHoldAColonButTheFolderPartMayNot() {
        assertEquals(new LongId("F", "I:1"), LongId.parse("F:I:1").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new LongId("F:1", "I"));
    }

    @Test
    void refusesWhatThisServerDidNotIssue() {
        assertTrue(LongId.parse("").isEmpty());
        assertTrue(LongId.parse("nocolon").isEmpty());
        assertTrue(LongId.parse(":item").isEmpty());
        assertTrue(LongId.parse("folder:").isEmpty());
        assertTrue(LongId.parse(null).isEmpty());
        assertTrue(LongId.parse("F:" + "x".repeat(LongId.MAX_LENGTH)).isEmpty());
    }
}
