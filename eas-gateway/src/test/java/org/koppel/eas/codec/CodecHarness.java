package org.koppel.eas.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.eas.wbxml.WbxmlXml;

/** Drives a command codec in tests: XML fixtures in, records out, and back. */
public final class CodecHarness {
    public static final CodePages PAGES = CodePages.load();
    private static final WbxmlXml XML = new WbxmlXml(PAGES);

    private CodecHarness() {
    }

    @FunctionalInterface
    public interface Decoder<T> {
        T decode(WbxmlReader in, ProtocolVersion version) throws DecodeException, IOException;
    }

    @FunctionalInterface
    public interface Encoder<T> {
        void encode(WbxmlWriter out, T value) throws IOException;
    }

    /** The XML fixture {@code name} from src/test/resources/org/koppel/eas/codec. */
    public static String fixture(String name) {
        try (InputStream in = CodecHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] wbxml(String xml, ProtocolVersion version) throws IOException {
        return XML.toWbxml(xml, version);
    }

    public static String xml(byte[] wbxml) throws IOException {
        return XML.toXml(wbxml);
    }

    public static <T> T decode(Decoder<T> decoder, byte[] wbxml, ProtocolVersion version)
            throws DecodeException, IOException {
        return decoder.decode(new WbxmlReader(new ByteArrayInputStream(wbxml), PAGES), version);
    }

    public static <T> byte[] encode(Encoder<T> encoder, T value, ProtocolVersion version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(new WbxmlWriter(out, PAGES, version), value);
        return out.toByteArray();
    }

    /**
     * Decodes the fixture, encodes the result again and checks the encoding is the fixture's
     * document (same elements, order and text); returns the decoded value for further checks.
     */
    public static <T> T golden(String fixture, ProtocolVersion version, Decoder<T> decoder, Encoder<T> encoder)
            throws DecodeException, IOException {
        byte[] wbxml = wbxml(fixture(fixture), version);
        T value = decode(decoder, wbxml, version);
        assertEquals(xml(wbxml), xml(encode(encoder, value, version)), fixture + " re-encoded");
        return value;
    }

    /** Encodes and decodes {@code value}, which must come back equal. */
    public static <T> void roundTrip(T value, ProtocolVersion version, Encoder<T> encoder, Decoder<T> decoder)
            throws DecodeException, IOException {
        assertEquals(value, decode(decoder, encode(encoder, value, version), version), "round trip at " + version);
    }

    /**
     * The WBXML of {@code xml} for {@code version} or, when it names tags of other versions, for
     * the first version that has them all: as a confused client would send it.
     */
    private static byte[] convertible(String xml, ProtocolVersion version) throws IOException {
        try {
            return XML.toWbxml(xml, version);
        } catch (org.koppel.eas.wbxml.WbxmlException notInVersion) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                try {
                    return XML.toWbxml(xml, v);
                } catch (org.koppel.eas.wbxml.WbxmlException next) {
                    // try the next version
                }
            }
            throw notInVersion;
        }
    }

    /** Decoding {@code xml} (converted for {@code version}) must fail with {@code reason}. */
    public static DecodeException refused(String xml, ProtocolVersion version, Decoder<?> decoder,
            DecodeException.Reason reason) throws IOException {
        byte[] wbxml = convertible(xml, version);
        DecodeException e = assertThrows(DecodeException.class, () -> decode(decoder, wbxml, version));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }
}
