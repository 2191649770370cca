package org.koppel.store.core.directory;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.koppel.mapi.MapiException;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashesAreSaltedAndVerify() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");
        assertNotEquals(a, b, "a fresh salt each time");
        assertTrue(a.startsWith("$pbkdf2-sha256$1000$"));
        assertTrue(hasher.verify("correct horse", a));
        assertFalse(hasher.verify("correct horsE", a));
        assertFalse(hasher.verify("x", "garbage"));
        assertFalse(hasher.verify("x", "$pbkdf2-sha256$notanumber$AA$AA"));
        assertFalse(hasher.verify("x", null));
    }

    @Test
    void aHigherCostAsksForRehash() {
        String cheap = hasher.hash("pw");
        PasswordHasher stronger = new PasswordHasher(2000);
        assertTrue(stronger.verify("pw", cheap), "old hashes stay valid");
        assertTrue(stronger.needsRehash(cheap));
        assertFalse(stronger.needsRehash(stronger.hash("pw")));
    }

    @Test
    void refusesEmptyAndHugePasswords() {
        assertThrows(MapiException.InvalidParameter.class, () -> hasher.hash(""));
        assertThrows(MapiException.InvalidParameter.class, () -> hasher.hash("x".repeat(2000)));
        assertFalse(hasher.verify("x".repeat(2000), hasher.hash("pw")));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10));
    }
}
