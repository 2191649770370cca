package org.koppel.eas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.eas.command.Command;
import org.koppel.eas.wbxml.ProtocolVersion;

/** Both query forms of MS-ASHTTP 2.2.1.1.1, including the specification's example and hostile input. */
class EasQueryTest {

    /** MS-ASHTTP 2.2.1.1.1.1: the base64 query equivalent to Cmd=Sync&User=...&DeviceId=v140Device&DeviceType=SmartPhone. */
    private static final String SPEC_EXAMPLE = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l";

    @Test
    void specificationExample() throws Exception {
        EasQuery q = EasQuery.parse(SPEC_EXAMPLE);
        assertTrue(q.base64());
        assertEquals(Optional.of(Command.SYNC), q.command());
        assertEquals(Optional.of(ProtocolVersion.V14_0), q.version());
        assertEquals(OptionalInt.of(0x0409), q.locale());
        assertEquals(Optional.of("v140Device"), q.deviceId());
        assertEquals(Optional.of("SmartPhone"), q.deviceType());
        assertEquals(OptionalLong.empty(), q.policyKey());
        assertEquals(Optional.empty(), q.user());
    }

    @Test
    void plainFormOfTheSameRequest() throws Exception {
        EasQuery q = EasQuery.parse("Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone");
        assertFalse(q.base64());
        assertEquals(Optional.of(Command.SYNC), q.command());
        assertEquals(Optional.of("rmjones"), q.user());
        assertEquals(Optional.of("v140Device"), q.deviceId());
        assertEquals(Optional.empty(), q.version());
    }

    @Test
    void deviceTypeMayHoldSpaces() throws Exception {
        assertEquals(Optional.of("SAMSUNG SM-G991B"),
                EasQuery.parse("Cmd=Sync&DeviceId=SEC1234&DeviceType=SAMSUNG%20SM-G991B").deviceType());
    }

    @Test
    void plainCommandParameters() throws Exception {
        EasQuery q = EasQuery.parse("Cmd=SmartReply&User=carol&DeviceId=d&DeviceType=t&CollectionId=5&ItemId=5%3A17"
                + "&LongId=RgAAAA%2Bx&Occurrence=2026-07-01T08%3A00%3A00.000Z&SaveInSent=T&AttachmentName=a+b");
        assertEquals(Optional.of("5"), q.parameters().collectionId());
        assertEquals(Optional.of("5:17"), q.parameters().itemId());
        assertEquals(Optional.of("RgAAAA+x"), q.parameters().longId());
        assertEquals(Optional.of("2026-07-01T08:00:00.000Z"), q.parameters().occurrence());
        assertEquals(Optional.of("a b"), q.parameters().attachmentName());
        assertTrue(q.parameters().saveInSent());
    }

    @Test
    void base64WithKeyParametersAndBinaryDeviceId() throws Exception {
        byte[] guid = {0x01, (byte) 0xAB, 0, 0x7F, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        byte[] b = concat(new byte[] {(byte) 161, 3, 0x07, 0x04, 16}, guid,
                new byte[] {4, 0x78, 0x56, 0x34, 0x12, 3, 'S', 'E', 'C',
                    1, 2, '1', '7', 3, 4, '1', '7', ':', '2', 8, 5, 'c', 'a', 'r', 'o', 'l', 7, 1, 3});
        EasQuery q = EasQuery.parse(Base64.getEncoder().encodeToString(b));
        assertEquals(Optional.of(Command.SMART_REPLY), q.command());
        assertEquals(Optional.of(ProtocolVersion.V16_1), q.version());
        assertEquals(OptionalInt.of(0x0407), q.locale());
        assertEquals(Optional.of("01AB007F05060708090A0B0C0D0E0F10"), q.deviceId());
        assertEquals(OptionalLong.of(0x12345678L), q.policyKey());
        assertEquals(Optional.of("17"), q.parameters().collectionId());
        assertEquals(Optional.of("17:2"), q.parameters().itemId());
        assertEquals(Optional.of("carol"), q.user());
        assertTrue(q.parameters().saveInSent());
        assertTrue(q.parameters().acceptMultiPart());
        // URL-encoded base64 ('+', '/' and '=' escaped) means the same.
        String escaped = Base64.getEncoder().encodeToString(b).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
        assertEquals(q, EasQuery.parse(escaped));
    }

    @Test
    void unknownCommandCodeIsNotAnError() throws Exception {
        EasQuery q = EasQuery.parse(Base64.getEncoder().encodeToString(new byte[] {(byte) 141, 5, 0, 0, 1, 'd', 0, 1, 't'}));
        assertEquals(Optional.empty(), q.command());
        assertEquals("#5", q.commandName());
    }

    @Test
    void strictRefusals() {
        for (byte[] b : new byte[][] {
            {(byte) 120, 0, 0, 0, 1, 'd', 0, 1, 't'},        // version 12.0 has no base64 form
            {(byte) 141, 0, 0, 0, 1, 'd', 2, 1, 2, 1, 't'},   // policy key of 2 bytes
            {(byte) 141, 0, 0, 0, 1, 'd', 0, 0},              // empty device type
            {(byte) 141, 0, 0, 0, 1, 'd', 0, 1, 't', 2, 1, 'x'},       // unknown parameter tag 2
            {(byte) 141, 0, 0, 0, 1, 'd', 0, 1, 't', 8, 1, 'a', 8, 1, 'b'}, // User twice
            {(byte) 141, 0, 0, 0, 1, 'd', 0, 1, 't', 7, 2, 1, 1},      // Options of two bytes
            {(byte) 141, 0, 0, 0, 1, 'd', 0, 1, 't', 8, 2, (byte) 0xC3, 0x28}, // invalid UTF-8
            {(byte) 141, 0, 0, 0, 1, 'd', 0, 1, 't', 8, 5, 'a'},       // truncated value
        }) {
            String q = Base64.getEncoder().encodeToString(b);
            assertEquals(400, assertThrows(BadQueryException.class, () -> EasQuery.parse(q), q).httpStatus(), q);
        }
        assertThrows(BadQueryException.class, () -> EasQuery.parse("Cmd=Sync&" + "x".repeat(EasQuery.MAX_LENGTH)));
        assertThrows(BadQueryException.class, () -> EasQuery.parse("Cmd=Sync&DeviceId=%4"));
        assertThrows(BadQueryException.class, () -> EasQuery.parse("DeviceId=d&DeviceType=t"));
        assertThrows(BadQueryException.class, () -> EasQuery.parse("Cmd=Sync&DeviceId=d&DeviceType=t&User=a%0Ab"));
        assertThrows(BadQueryException.class, () -> EasQuery.parse("Cmd=Sync&DeviceId=d&DeviceType=t&=x"));
        assertThrows(BadQueryException.class, () -> EasQuery.parse("Cmd=Sync&DeviceId=d%20e&DeviceType=t"));
        assertThrows(BadQueryException.class, () -> EasQuery.parse("Cmd=Sync&DeviceId=d&DeviceType=%20"));
    }

    /** Every prefix and thousands of random mutations of valid queries end in a clean refusal or a value. */
    @Test
    void hostileInputEndsCleanly() {
        byte[] valid = Base64.getDecoder().decode(SPEC_EXAMPLE);
        for (int n = 0; n < valid.length; n++) {
            String q = Base64.getEncoder().encodeToString(Arrays.copyOf(valid, n));
            if (n == 0) {
                continue;
            }
            assertThrows(BadQueryException.class, () -> EasQuery.parse(q), "prefix " + q);
        }
        Random random = new Random(7);
        String plain = "Cmd=SmartReply&User=carol&DeviceId=d&DeviceType=t&ItemId=5%3A17&SaveInSent=T";
        for (int i = 0; i < 20_000; i++) {
            byte[] b = valid.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            parseOrRefuse(Base64.getEncoder().encodeToString(b));
            char[] p = plain.toCharArray();
            p[random.nextInt(p.length)] = (char) (0x20 + random.nextInt(0x5F));
            parseOrRefuse(new String(p));
        }
    }

    private static void parseOrRefuse(String q) {
        try {
            EasQuery.parse(q);
        } catch (BadQueryException expected) {
            // a clean refusal
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
