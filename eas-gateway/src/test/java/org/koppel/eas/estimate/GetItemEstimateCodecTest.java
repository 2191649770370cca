package org.koppel.eas.estimate;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class GetItemEstimateCodecTest {
    private final GetItemEstimateCodec codec = new GetItemEstimateCodec(PAGES);

    @Test
    void request14WithOptionsPerClass() throws Exception {
        GetItemEstimateRequest r = golden("getitemestimate-request-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeRequest, codec::encodeRequest);
        GetItemEstimateRequest.Collection c = r.collections().get(0);
        assertEquals("5", c.collectionId());
        assertEquals(Optional.of(false), c.conversationMode());
        assertEquals(List.of(
                new GetItemEstimateRequest.Options(Optional.of(ContentClass.EMAIL), Optional.of(3), Optional.empty()),
                new GetItemEstimateRequest.Options(Optional.of(ContentClass.SMS), Optional.of(0), Optional.empty())),
                c.options());
    }

    @Test
    void request12WithClassAndFilterOnTheCollection() throws Exception {
        GetItemEstimateRequest r = golden("getitemestimate-request-12.1.xml", ProtocolVersion.V12_1,
                codec::decodeRequest, codec::encodeRequest);
        GetItemEstimateRequest.Collection c = r.collections().get(0);
        assertEquals(Optional.of(ContentClass.EMAIL), c.contentClass());
        assertEquals(Optional.of(2), c.filterType());
        assertEquals("1", c.syncKey());
    }

    @Test
    void responseFixture() throws Exception {
        GetItemEstimateResponse r = golden("getitemestimate-response-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeResponse, codec::encodeResponse);
        assertEquals(List.of(
                new GetItemEstimateResponse.Response(GetItemEstimateStatus.SUCCESS, Optional.of("5"), Optional.of(42L)),
                new GetItemEstimateResponse.Response(GetItemEstimateStatus.INVALID_COLLECTION, Optional.empty(),
                        Optional.empty())), r.responses());
    }

    @Test
    void roundTrips() throws Exception {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            roundTrip(new GetItemEstimateResponse(List.of(new GetItemEstimateResponse.Response(
                    GetItemEstimateStatus.SYNC_STATE_NOT_PRIMED, Optional.of("7"), Optional.empty()))), v,
                    codec::encodeResponse, codec::decodeResponse);
        }
    }

    @Test
    void aFilterTypeOfNineIsDecodedForTheHandlerToRefuse() throws Exception {
        GetItemEstimateRequest r = decode(codec::decodeRequest, wbxml("<GetItemEstimate xmlns='GetItemEstimate:'"
                + " xmlns:a='AirSync:'><Collections><Collection><a:SyncKey>1</a:SyncKey><CollectionId>5</CollectionId>"
                + "<a:Options><a:FilterType>9</a:FilterType></a:Options></Collection></Collections>"
                + "</GetItemEstimate>", ProtocolVersion.V14_1), ProtocolVersion.V14_1);
        assertEquals(Optional.of(9), r.collections().get(0).options().get(0).filterType(),
                "MS-ASCMD answers it with Status 103, not as undecodable (101)");
    }

    @Test
    void refusesTheFormOfTheOtherVersion() throws IOException {
        refused(fixture("getitemestimate-request-12.1.xml"), ProtocolVersion.V14_1, codec::decodeRequest,
                DecodeException.Reason.NOT_IN_VERSION);
        refused(fixture("getitemestimate-request-14.1.xml"), ProtocolVersion.V12_1, codec::decodeRequest,
                DecodeException.Reason.NOT_IN_VERSION);
        refused("<GetItemEstimate xmlns='GetItemEstimate:' xmlns:a='AirSync:'><Collections><Collection>"
                + "<CollectionId>5</CollectionId></Collection></Collections></GetItemEstimate>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<GetItemEstimate xmlns='GetItemEstimate:' xmlns:a='AirSync:'><Collections><Collection>"
                + "<a:SyncKey>1</a:SyncKey><CollectionId>5</CollectionId><a:Options><a:FilterType>-1</a:FilterType>"
                + "</a:Options></Collection></Collections></GetItemEstimate>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.BAD_VALUE);
        refused("<GetItemEstimate xmlns='GetItemEstimate:'><Collections/></GetItemEstimate>", ProtocolVersion.V14_1,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<GetItemEstimate xmlns='GetItemEstimate:'><Response><Status>5</Status></Response></GetItemEstimate>",
                ProtocolVersion.V14_1, codec::decodeResponse, DecodeException.Reason.BAD_VALUE);
    }
}
