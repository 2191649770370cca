package org.koppel.eas.move;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class MoveItemsCodecTest {

    private final MoveItemsCodec codec = new MoveItemsCodec(PAGES);

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void roundTrips(ProtocolVersion v) throws Exception {
        roundTrip(new MoveItemsRequest(List.of(new MoveItemsRequest.Move("5:1", "5", "7"),
                new MoveItemsRequest.Move("5:2", "5", "8"))), v, codec::encodeRequest, codec::decodeRequest);
        roundTrip(new MoveItemsResponse(List.of(
                new MoveItemsResponse.Response(Optional.of("5:1"), MoveItemsStatus.SUCCESS, Optional.of("7:1")),
                new MoveItemsResponse.Response(Optional.of("5:2"), MoveItemsStatus.INVALID_DESTINATION,
                        Optional.empty()),
                new MoveItemsResponse.Response(Optional.empty(), MoveItemsStatus.INVALID_CONTENT, Optional.empty()))),
                v, codec::encodeResponse, codec::decodeResponse);
    }

    @Test
    void theSpecificationsShape() throws Exception {
        String xml = xml(encode(codec::encodeResponse, new MoveItemsResponse(List.of(new MoveItemsResponse.Response(
                Optional.of("1:1"), MoveItemsStatus.SUCCESS, Optional.of("2:1")))), ProtocolVersion.V14_1));
        assertTrue(xml.replaceAll("\\s", "").contains("<Response><SrcMsgId>1:1</SrcMsgId><Status>3</Status>"
                + "<DstMsgId>2:1</DstMsgId></Response>"), xml);
    }

    @Test
    void refusals() throws Exception {
        ProtocolVersion v = ProtocolVersion.V14_1;
        refused("<MoveItems xmlns='Move:'/>", v, codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<MoveItems xmlns='Move:'><Move><SrcMsgId>1</SrcMsgId><SrcFldId>1</SrcFldId></Move></MoveItems>", v,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<MoveItems xmlns='Move:'><Move><SrcMsgId>1</SrcMsgId><SrcMsgId>2</SrcMsgId><SrcFldId>1</SrcFldId>"
                + "<DstFldId>2</DstFldId></Move></MoveItems>", v, codec::decodeRequest,
                DecodeException.Reason.DUPLICATE);
        refused("<MoveItems xmlns='Move:'><Move><SrcMsgId>" + "x".repeat(65) + "</SrcMsgId><SrcFldId>1</SrcFldId>"
                + "<DstFldId>2</DstFldId></Move></MoveItems>", v, codec::decodeRequest,
                DecodeException.Reason.BAD_VALUE);
        refused("<MoveItems xmlns='Move:'><Response><Status>6</Status></Response></MoveItems>", v,
                codec::decodeResponse, DecodeException.Reason.BAD_VALUE);
        refused("<MoveItems xmlns='Move:'><Status>1</Status></MoveItems>", v, codec::decodeRequest,
                DecodeException.Reason.UNEXPECTED);
    }
}
