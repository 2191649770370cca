package org.koppel.eas.ping;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class PingCodecTest {
    private final PingCodec codec = new PingCodec(PAGES);

    @Test
    void requestFixture() throws Exception {
        PingRequest r = golden("ping-request-14.1.xml", ProtocolVersion.V14_1, codec::decodeRequest, codec::encodeRequest);
        assertEquals(Optional.of(480), r.heartbeatInterval());
        assertEquals(List.of(new PingRequest.Folder("5", ContentClass.EMAIL),
                new PingRequest.Folder("8", ContentClass.CALENDAR)), r.folders());
    }

    @Test
    void responseFixtures() throws Exception {
        PingResponse changes = golden("ping-response-changes-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeResponse, codec::encodeResponse);
        assertEquals(PingStatus.CHANGES, changes.status());
        assertEquals(List.of("5"), changes.changedFolders());
        PingResponse limit = golden("ping-response-limit-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeResponse, codec::encodeResponse);
        assertEquals(PingStatus.HEARTBEAT_OUT_OF_RANGE, limit.status());
        assertEquals(Optional.of(60), limit.heartbeatInterval());
    }

    @Test
    void roundTrips() throws Exception {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            roundTrip(new PingRequest(Optional.empty(), List.of(new PingRequest.Folder("1", ContentClass.TASKS))), v,
                    codec::encodeRequest, codec::decodeRequest);
            roundTrip(new PingResponse(PingStatus.TOO_MANY_FOLDERS, List.of(), Optional.of(200), Optional.empty()), v,
                    codec::encodeResponse, codec::decodeResponse);
            roundTrip(PingResponse.of(PingStatus.DEVICE_NOT_PROVISIONED), v, codec::encodeResponse, codec::decodeResponse);
        }
    }

    @Test
    void aNegativeHeartbeatIsLeftToTheHandler() throws Exception {
        PingRequest r = decode(codec::decodeRequest, wbxml("<Ping xmlns='Ping:'><HeartbeatInterval>-100"
                + "</HeartbeatInterval></Ping>", ProtocolVersion.V14_1), ProtocolVersion.V14_1);
        assertEquals(Optional.of(-100), r.heartbeatInterval(), "out of range is Status 5, not a bad document");
    }

    @Test
    void anEmptyRequestHasNoBody() throws IOException {
        assertEquals(0, encode(codec::encodeRequest, PingRequest.empty(), ProtocolVersion.V14_1).length);
        assertTrue(PingRequest.empty().isEmpty());
    }

    @Test
    void refusesMalformedRequests() throws IOException {
        refused("<Ping xmlns='Ping:'><Folders/></Ping>", ProtocolVersion.V14_1, codec::decodeRequest,
                DecodeException.Reason.MISSING);
        refused("<Ping xmlns='Ping:'><Folders><Folder><Id>1</Id></Folder></Folders></Ping>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<Ping xmlns='Ping:'><Folders><Folder><Id>1</Id><Class>Fax</Class></Folder></Folders></Ping>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<Ping xmlns='Ping:'><HeartbeatInterval>1</HeartbeatInterval><HeartbeatInterval>2</HeartbeatInterval></Ping>",
                ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.DUPLICATE);
        refused("<Ping xmlns='Ping:'><HeartbeatInterval>soon</HeartbeatInterval></Ping>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<Ping xmlns='Ping:'><HeartbeatInterval>99999999999</HeartbeatInterval></Ping>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<Ping xmlns='Ping:'><MaxFolders>3</MaxFolders></Ping>", ProtocolVersion.V14_1, codec::decodeRequest,
                DecodeException.Reason.UNEXPECTED);
        refused("<Sync xmlns='AirSync:'/>", ProtocolVersion.V14_1, codec::decodeRequest, DecodeException.Reason.UNEXPECTED);
        refused("<Ping xmlns='Ping:'>text</Ping>", ProtocolVersion.V14_1, codec::decodeRequest,
                DecodeException.Reason.UNEXPECTED);
    }

    @Test
    void refusesAResponseWithoutStatusAndUnknownStatuses() throws IOException {
        refused("<Ping xmlns='Ping:'><Folders><Folder>1</Folder></Folders></Ping>", ProtocolVersion.V14_1,
                codec::decodeResponse, DecodeException.Reason.MISSING);
        refused("<Ping xmlns='Ping:'><Status>9</Status></Ping>", ProtocolVersion.V14_1, codec::decodeResponse,
                DecodeException.Reason.BAD_VALUE);
    }

    @Test
    void everyTruncationIsADecodeException() throws IOException {
        byte[] full = wbxml(fixture("ping-request-14.1.xml"), ProtocolVersion.V14_1);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(full, n);
            DecodeException e = assertThrows(DecodeException.class,
                    () -> decode(codec::decodeRequest, cut, ProtocolVersion.V14_1), "prefix " + n);
            assertNotNull(e.reason());
        }
    }
}
