package org.koppel.eas.composemail;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.Command;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlLimits;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.eas.wbxml.WbxmlXml;

/** The ComposeMail codec both ways, and every prefix and random mutations of real requests. */
class ComposeMailCodecTest {

    private static final CodePages PAGES = CodePages.load();
    private static final ComposeMailCodec CODEC = new ComposeMailCodec(PAGES);
    private static final byte[] MIME = "To: a@example.net\r\nSubject: hi\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII);

    private static ComposeMailRequest forward() {
        return new ComposeMailRequest(Command.SMART_FORWARD, Optional.of("c-1"), Optional.empty(), true, true,
                Optional.of(new ComposeMailRequest.Source(Optional.of("5"), Optional.of("ABCD"), Optional.empty(),
                        Optional.empty())), List.of(new ComposeMailRequest.Forwardee("Hank", "hank@example.net")),
                Mime.of(MIME));
    }

    private static byte[] encode(ComposeMailRequest r, ProtocolVersion v) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CODEC.encodeRequest(new WbxmlWriter(out, PAGES, v), r);
        return out.toByteArray();
    }

    private static ComposeMailRequest decode(byte[] body, ProtocolVersion v, Command c, WbxmlLimits limits)
            throws DecodeException, IOException {
        return CODEC.decodeRequest(new WbxmlReader(new ByteArrayInputStream(body), PAGES, limits), v, c);
    }

    private static byte[] mime(ComposeMailRequest r) throws IOException {
        try (InputStream in = r.mime().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aForwardRoundTripsWithItsForwardees() throws Exception {
        byte[] body = encode(forward(), ProtocolVersion.V16_1);
        String xml = new WbxmlXml(PAGES).toXml(body);
        assertTrue(xml.contains("<Forwardee>") && xml.contains("<ReplaceMime/>"), xml);
        try (ComposeMailRequest r = decode(body, ProtocolVersion.V16_1, Command.SMART_FORWARD, WbxmlLimits.DEFAULTS)) {
            assertEquals(Optional.of("c-1"), r.clientId());
            assertTrue(r.saveInSentItems() && r.replaceMime());
            assertEquals(Optional.of("5"), r.source().orElseThrow().folderId());
            assertEquals(Optional.of("ABCD"), r.source().orElseThrow().itemId());
            assertEquals(List.of(new ComposeMailRequest.Forwardee("Hank", "hank@example.net")), r.forwardees());
            assertArrayEquals(MIME, mime(r));
        }
    }

    @Test
    void mimeAsTextAndAsABigSpooledBlock() throws Exception {
        byte[] text = new WbxmlXml(PAGES).toWbxml("<SendMail xmlns=\"ComposeMail:\"><ClientId>1</ClientId>"
                + "<Mime>To: b@example.net&#13;\nSubject: t&#13;\n&#13;\nx</Mime></SendMail>", ProtocolVersion.V14_1);
        try (ComposeMailRequest r = decode(text, ProtocolVersion.V14_1, Command.SEND_MAIL, WbxmlLimits.DEFAULTS)) {
            assertTrue(new String(mime(r), StandardCharsets.UTF_8).startsWith("To: b@example.net\r\n"));
        }
        byte[] big = new byte[Mime.MEMORY_THRESHOLD * 3 + 17];
        new Random(1).nextBytes(big);
        ComposeMailRequest send = new ComposeMailRequest(Command.SEND_MAIL, Optional.empty(), Optional.empty(), false,
                false, Optional.empty(), List.of(), Mime.of(big));
        try (ComposeMailRequest r = decode(encode(send, ProtocolVersion.V14_0), ProtocolVersion.V14_0,
                Command.SEND_MAIL, WbxmlLimits.DEFAULTS)) {
            assertEquals(big.length, r.mime().length());
            assertArrayEquals(big, mime(r));
        }
    }

    @Test
    void aMimeOverTheReadersLimitIsASizeRefusal() throws Exception {
        byte[] body = encode(forward(), ProtocolVersion.V16_1);
        Exception e = assertThrows(Exception.class, () -> decode(body, ProtocolVersion.V16_1, Command.SMART_FORWARD,
                WbxmlLimits.DEFAULTS.withMaxOpaqueLength(10)));
        boolean sizeLimit = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            sizeLimit |= t instanceof WbxmlException w && w.isSizeLimit();
        }
        assertTrue(sizeLimit, e.toString());
    }

    @Test
    void elementsOutOfPlaceAreRefused() throws Exception {
        byte[] forward = encode(forward(), ProtocolVersion.V16_1);
        assertThrows(DecodeException.class, () -> decode(forward, ProtocolVersion.V16_1, Command.SMART_REPLY,
                WbxmlLimits.DEFAULTS), "root of another command");
        byte[] sendWithSource = new WbxmlXml(PAGES).toWbxml("<SendMail xmlns=\"ComposeMail:\"><Source><ItemId>1</ItemId>"
                + "</Source><Mime>x</Mime></SendMail>", ProtocolVersion.V14_1);
        assertThrows(DecodeException.class, () -> decode(sendWithSource, ProtocolVersion.V14_1, Command.SEND_MAIL,
                WbxmlLimits.DEFAULTS));
        byte[] noMime = new WbxmlXml(PAGES).toWbxml("<SmartReply xmlns=\"ComposeMail:\"><Source><ItemId>1</ItemId>"
                + "</Source></SmartReply>", ProtocolVersion.V14_1);
        assertEquals(DecodeException.Reason.MISSING, assertThrows(DecodeException.class, () -> decode(noMime,
                ProtocolVersion.V14_1, Command.SMART_REPLY, WbxmlLimits.DEFAULTS)).reason());
    }

    @Test
    void everyPrefixAndRandomMutationsEndInADecodeErrorOrARequest() throws Exception {
        byte[] body = encode(forward(), ProtocolVersion.V16_1);
        for (int n = 0; n < body.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(body, n);
            Exception e = assertThrows(Exception.class,
                    () -> decode(prefix, ProtocolVersion.V16_1, Command.SMART_FORWARD, WbxmlLimits.DEFAULTS).close());
            assertTrue(e instanceof DecodeException || e instanceof WbxmlException, "prefix " + n + ": " + e);
        }
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = body.clone();
            for (int k = 0; k <= random.nextInt(3); k++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            try {
                decode(m, ProtocolVersion.V16_1, Command.SMART_FORWARD, WbxmlLimits.DEFAULTS).close();
            } catch (DecodeException | WbxmlException expected) {
                // a refusal the handler answers with a status
            }
        }
    }
}
