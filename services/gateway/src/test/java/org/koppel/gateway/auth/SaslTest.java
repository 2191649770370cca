package org.koppel.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaslTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainMessages() {
        // RFC 4616 section 4's examples.
        assertEquals(Optional.of(new SaslPlain("", "tim", "tanstaaftanstaaf")),
                SaslPlain.decode(bytes("\0tim\0tanstaaftanstaaf")));
        assertEquals(Optional.of(new SaslPlain("Ursel", "Kurt", "xipj3plmq")),
                SaslPlain.decode(bytes("Ursel\0Kurt\0xipj3plmq")));
        assertEquals(Optional.of(new SaslPlain("", "jürgen", "pässwörd")), SaslPlain.decode(bytes("\0jürgen\0pässwörd")));
        for (String bad : new String[] {"", "tim", "\0tim", "\0\0pw", "\0tim\0", "a\0b\0c\0d"}) {
            assertTrue(SaslPlain.decode(bytes(bad)).isEmpty(), bad);
        }
        assertTrue(SaslPlain.decode(new byte[] {0, 't', 0, (byte) 0xC3}).isEmpty(), "not UTF-8");
        assertTrue(SaslPlain.decode(bytes("\0" + "u".repeat(256) + "\0pw")).isEmpty(), "too long");
    }

    @Test
    void loginMechanismAsksForTheNameThenThePassword() {
        SaslExchange x = new SaslExchange(SaslExchange.Mechanism.LOGIN);
        SaslExchange.Challenge c = assertInstanceOf(SaslExchange.Challenge.class, x.start(Optional.empty()));
        assertArrayEquals(bytes("Username:"), c.data());
        c = assertInstanceOf(SaslExchange.Challenge.class, x.next(bytes("alice")));
        assertArrayEquals(bytes("Password:"), c.data());
        SaslExchange.Credentials done = assertInstanceOf(SaslExchange.Credentials.class, x.next(bytes("pw d")));
        assertEquals(new SaslPlain("", "alice", "pw d"), done.credentials());
    }

    @Test
    void plainWithAndWithoutInitialResponse() {
        SaslExchange x = new SaslExchange(SaslExchange.Mechanism.PLAIN);
        assertInstanceOf(SaslExchange.Credentials.class, x.start(Optional.of(bytes("\0a\0b"))));
        SaslExchange y = new SaslExchange(SaslExchange.Mechanism.PLAIN);
        assertEquals(0, assertInstanceOf(SaslExchange.Challenge.class, y.start(Optional.empty())).data().length);
        assertInstanceOf(SaslExchange.Malformed.class, y.next(bytes("garbage")));
        assertEquals(Optional.of(SaslExchange.Mechanism.PLAIN), SaslExchange.Mechanism.named("plain"));
        assertTrue(SaslExchange.Mechanism.named("CRAM-MD5").isEmpty());
    }
}
