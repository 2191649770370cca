package org.koppel.eas.meetingresponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

/** The MeetingResponse codec both ways, SendResponse skipped, refusals. */
class MeetingResponseCodecTest {

    private final MeetingResponseCodec codec = new MeetingResponseCodec(CodecHarness.PAGES);

    @Test
    void requestsAndResponsesRoundTrip() throws Exception {
        CodecHarness.roundTrip(new MeetingResponseRequest(List.of(
                new MeetingResponseRequest.Request(1, Optional.of("5"), Optional.of("5:3"), Optional.empty(),
                        Optional.of("2026-06-01T09:00:00.000Z")),
                new MeetingResponseRequest.Request(3, Optional.empty(), Optional.empty(), Optional.of("RgAA"),
                        Optional.empty()))), ProtocolVersion.V14_1, codec::encodeRequest, codec::decodeRequest);
        CodecHarness.roundTrip(new MeetingResponseResponse(List.of(new MeetingResponseResponse.Result(
                Optional.of("5:3"), MeetingResponseStatus.SUCCESS, Optional.of("7:1")))), ProtocolVersion.V12_0,
                codec::encodeResponse, codec::decodeResponse);
    }

    @Test
    void a16RequestWithSendResponseIsRead() throws Exception {
        MeetingResponseRequest r = CodecHarness.decode(codec::decodeRequest, CodecHarness.wbxml(
                "<MeetingResponse xmlns=\"MeetingResponse:\" xmlns:airsyncbase=\"AirSyncBase:\"><Request>"
                        + "<UserResponse>2</UserResponse><CollectionId>5</CollectionId><RequestId>5:3</RequestId>"
                        + "<SendResponse><airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type>"
                        + "<airsyncbase:Data>Maybe.</airsyncbase:Data></airsyncbase:Body></SendResponse></Request>"
                        + "</MeetingResponse>", ProtocolVersion.V16_0), ProtocolVersion.V16_0);
        assertEquals(2, r.requests().get(0).userResponse());
    }

    @Test
    void requestsWithoutAnAnswerOrAnItemAreRefused() {
        for (String bad : List.of("<MeetingResponse xmlns=\"MeetingResponse:\"/>",
                "<MeetingResponse xmlns=\"MeetingResponse:\"><Request><CollectionId>5</CollectionId><RequestId>5:3"
                        + "</RequestId></Request></MeetingResponse>",
                "<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>1</UserResponse>"
                        + "<CollectionId>5</CollectionId></Request></MeetingResponse>",
                "<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>4</UserResponse>"
                        + "<CollectionId>5</CollectionId><RequestId>5:3</RequestId></Request></MeetingResponse>")) {
            assertThrows(DecodeException.class, () -> CodecHarness.decode(codec::decodeRequest,
                    CodecHarness.wbxml(bad, ProtocolVersion.V14_1), ProtocolVersion.V14_1), bad);
        }
    }
}
