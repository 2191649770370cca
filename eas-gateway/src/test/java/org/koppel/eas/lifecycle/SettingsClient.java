package org.koppel.eas.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.meetingresponse.MeetingResponseCodec;
import org.koppel.eas.meetingresponse.MeetingResponseRequest;
import org.koppel.eas.meetingresponse.MeetingResponseResponse;
import org.koppel.eas.settings.SettingsCodec;
import org.koppel.eas.settings.SettingsRequest;
import org.koppel.eas.settings.SettingsResponse;
import org.koppel.eas.validatecert.ValidateCertCodec;
import org.koppel.eas.validatecert.ValidateCertRequest;
import org.koppel.eas.validatecert.ValidateCertResponse;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.eas.wbxml.WbxmlXml;

/**
 * Settings, ValidateCert and MeetingResponse for a test {@link Client}: requests encoded and responses decoded
 * with the commands' own codecs, over the client's HTTP; or a request written as XML, for bodies the codecs
 * would never write.
 */
final class SettingsClient {

    private final Client client;

    SettingsClient(Client client) {
        this.client = client;
    }

    SettingsResponse settings(SettingsRequest request) {
        SettingsCodec codec = new SettingsCodec(Gateway.PAGES);
        return decode(send("Settings", w -> codec.encodeRequest(w, request)),
                in -> codec.decodeResponse(in, client.version));
    }

    /** A Settings request written as XML (namespaces as MS-ASCMD writes them). */
    SettingsResponse settingsXml(String xml) {
        SettingsCodec codec = new SettingsCodec(Gateway.PAGES);
        return decode(client.raw("Settings", wbxml(xml)), in -> codec.decodeResponse(in, client.version));
    }

    ValidateCertResponse validateCert(ValidateCertRequest request) {
        ValidateCertCodec codec = new ValidateCertCodec(Gateway.PAGES);
        return decode(send("ValidateCert", w -> codec.encodeRequest(w, request)),
                in -> codec.decodeResponse(in, client.version));
    }

    ValidateCertResponse validateCertXml(String xml) {
        ValidateCertCodec codec = new ValidateCertCodec(Gateway.PAGES);
        return decode(client.raw("ValidateCert", wbxml(xml)), in -> codec.decodeResponse(in, client.version));
    }

    MeetingResponseResponse meetingResponse(MeetingResponseRequest request) {
        MeetingResponseCodec codec = new MeetingResponseCodec(Gateway.PAGES);
        return decode(send("MeetingResponse", w -> codec.encodeRequest(w, request)),
                in -> codec.decodeResponse(in, client.version));
    }

    MeetingResponseResponse meetingResponseXml(String xml) {
        MeetingResponseCodec codec = new MeetingResponseCodec(Gateway.PAGES);
        return decode(client.raw("MeetingResponse", wbxml(xml)), in -> codec.decodeResponse(in, client.version));
    }

    private byte[] wbxml(String xml) {
        try {
            return new WbxmlXml(Gateway.PAGES).toWbxml(xml, client.version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Encoder {
        void encode(WbxmlWriter w) throws IOException;
    }

    private interface Decoder<T> {
        T decode(WbxmlReader in) throws DecodeException, IOException;
    }

    private HttpResponse<byte[]> send(String command, Encoder e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.encode(new WbxmlWriter(out, Gateway.PAGES, client.version));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return client.raw(command, out.toByteArray());
    }

    private static <T> T decode(HttpResponse<byte[]> r, Decoder<T> d) {
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode());
        }
        try {
            return d.decode(new WbxmlReader(new ByteArrayInputStream(r.body()), Gateway.PAGES));
        } catch (DecodeException | IOException e) {
            throw new AssertionError("undecodable response: " + e.getMessage(), e);
        }
    }
}
