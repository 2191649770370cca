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
import org.koppel.eas.meetingresponse.MeetingResponseCodec;
import org.koppel.eas.settings.SettingsCodec;
import org.koppel.eas.validatecert.ValidateCertCodec;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlXml;

/**
 * Broken Settings, ValidateCert and MeetingResponse bodies (every truncation and 200 random mutations of real
 * requests that the codec refuses), posted to the gateway: each gets a prompt 200 with the command's status or
 * HTTP 400, never a 500; and the valid request is answered afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsMalformedTest {

    private static final int MUTATIONS = 200;

    private Gateway gateway;
    private String login;

    @BeforeAll
    void start() throws IOException {
        gateway = new Gateway();
        login = gateway.newUser();
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"Settings, settings-request-14.1.xml, V14_1", "ValidateCert, validatecert-request-14.1.xml, V14_1",
            "MeetingResponse, meetingresponse-request-16.0.xml, V16_0"})
    void brokenBodiesGetTheCommandsStatus(String command, String fixture, ProtocolVersion version)
            throws IOException {
        byte[] valid;
        try (InputStream in = getClass().getResourceAsStream("/org/koppel/eas/codec/" + fixture)) {
            valid = new WbxmlXml(Gateway.PAGES).toWbxml(new String(in.readAllBytes(), StandardCharsets.UTF_8), version);
        }
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
        Client c = gateway.client(login, "fz" + command, version);
        for (byte[] body : bodies) {
            HttpResponse<byte[]> r = c.raw(command, body);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400,
                    command + " with a broken body of " + body.length + " bytes: HTTP " + r.statusCode());
            if (r.statusCode() == 200 && body.length > 0) {
                assertTrue(r.body().length > 0, "a 200 to a broken body carries the command's status");
            }
        }
        assertEquals(200, c.raw(command, valid).statusCode());
    }

    private static boolean decodes(String command, byte[] body, ProtocolVersion version) {
        try {
            WbxmlReader in = new WbxmlReader(new ByteArrayInputStream(body), Gateway.PAGES);
            switch (command) {
                case "Settings" -> new SettingsCodec(Gateway.PAGES).decodeRequest(in, version);
                case "ValidateCert" -> new ValidateCertCodec(Gateway.PAGES).decodeRequest(in, version);
                case "MeetingResponse" -> new MeetingResponseCodec(Gateway.PAGES).decodeRequest(in, version);
                default -> throw new IllegalArgumentException(command);
            }
            return true;
        } catch (DecodeException | IOException e) {
            return false;
        }
    }
}
