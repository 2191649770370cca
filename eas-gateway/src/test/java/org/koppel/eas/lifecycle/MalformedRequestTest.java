package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.estimate.GetItemEstimateCodec;
import org.koppel.eas.ping.PingCodec;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlXml;

/**
 * Broken request bodies against the assembled gateway over a real store: every truncation and a few hundred
 * random byte mutations of real requests (the codec fixtures), sent over HTTP. Each must get a prompt answer that
 * is not a server error: the command's protocol status or HTTP 400, never a 500, never a hang. Mutations the
 * codec still reads as a valid request are left out (they are requests, tested elsewhere, and may wait).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest {

    private static final int MUTATIONS = 300;

    private Gateway gateway;
    private Client client;

    @BeforeAll
    void start() throws IOException {
        gateway = new Gateway();
        String login = gateway.newUser();
        client = gateway.client(login, "fuzzdev", ProtocolVersion.V14_1);
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"Sync, sync-request-14.1.xml", "Sync, sync-request-initial-12.1.xml",
            "GetItemEstimate, getitemestimate-request-14.1.xml", "Ping, ping-request-14.1.xml"})
    void truncatedAndMutatedBodiesGetAProtocolAnswer(String command, String fixture) throws IOException {
        ProtocolVersion version = fixture.contains("12.1") ? ProtocolVersion.V12_1 : ProtocolVersion.V14_1;
        byte[] valid = wbxml(fixture, version);
        List<byte[]> bodies = new ArrayList<>();
        for (int length = 0; length < valid.length; length++) {
            bodies.add(Arrays.copyOf(valid, length));
        }
        Random random = new Random(fixture.hashCode());
        int kept = 0;
        while (kept < MUTATIONS) {
            byte[] mutant = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            }
            if (!decodes(command, mutant, version)) {
                bodies.add(mutant);
                kept++;
            }
        }
        Client c = version == ProtocolVersion.V12_1
                ? gateway.client(client.user(), "fuzz12", ProtocolVersion.V12_1) : client;
        for (byte[] body : bodies) {
            HttpResponse<byte[]> r = c.raw(command, body);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400,
                    command + " with a broken body of " + body.length + " bytes: HTTP " + r.statusCode());
            if (r.statusCode() == 200 && body.length > 0) {
                assertTrue(r.body().length > 0, "a 200 to a broken body carries the command's status");
            }
        }
        // The gateway is still well: the valid request is answered as such.
        assertEquals(200, c.raw(command, valid).statusCode());
    }

    private static byte[] wbxml(String fixture, ProtocolVersion version) throws IOException {
        try (InputStream in = MalformedRequestTest.class.getResourceAsStream("/org/koppel/eas/codec/" + fixture)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new WbxmlXml(Gateway.PAGES).toWbxml(xml, version);
        }
    }

    private static boolean decodes(String command, byte[] body, ProtocolVersion version) {
        try {
            WbxmlReader in = new WbxmlReader(new ByteArrayInputStream(body), Gateway.PAGES);
            switch (command) {
                case "Sync" -> new SyncCodec(Gateway.PAGES).decodeRequest(in, version, MailData.DECODER);
                case "GetItemEstimate" -> new GetItemEstimateCodec(Gateway.PAGES).decodeRequest(in, version);
                case "Ping" -> new PingCodec(Gateway.PAGES).decodeRequest(in, version);
                default -> throw new IllegalArgumentException(command);
            }
            return true;
        } catch (DecodeException | IOException e) {
            return false;
        }
    }
}
