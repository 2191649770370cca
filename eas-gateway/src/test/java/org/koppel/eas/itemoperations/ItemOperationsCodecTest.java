package org.koppel.eas.itemoperations;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.BodyPreference;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;

class ItemOperationsCodecTest {

    private final ItemOperationsCodec codec = new ItemOperationsCodec(PAGES);

    /** The subject of an item, the only property these round trips carry. */
    private static final ApplicationDataDecoder<String> SUBJECT = (id, in) -> {
        String s = "";
        while (in.nextChild()) {
            s = in.text(100);
        }
        return s;
    };

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void requestsRoundTrip(ProtocolVersion v) throws Exception {
        var options = ItemOperationsRequest.FetchOptions.NONE.withBodyPreferences(Optional.of(2), List.of(
                new BodyPreference(2, Optional.of(5000L), Optional.of(true), Optional.empty())));
        List<ItemOperationsRequest.Operation> ops = new java.util.ArrayList<>(List.of(
                new ItemOperationsRequest.Fetch("Mailbox", Optional.of("5"), Optional.of("5:1"), Optional.empty(),
                        Optional.empty(), Optional.empty(), options),
                new ItemOperationsRequest.Fetch("Mailbox", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("AB:1"), Optional.empty(), ItemOperationsRequest.FetchOptions.NONE.withRange("0-9")),
                new ItemOperationsRequest.Fetch("Mailbox", Optional.empty(), Optional.empty(), Optional.of("F:I"),
                        Optional.empty(), Optional.empty(), ItemOperationsRequest.FetchOptions.NONE),
                new ItemOperationsRequest.EmptyFolderContents("9", true),
                new ItemOperationsRequest.EmptyFolderContents("9", false)));
        ItemOperationsRequest request = new ItemOperationsRequest(ops);
        ItemOperationsRequest back = decode(codec::decodeRequest, encode(codec::encodeRequest, request, v), v);
        assertEquals(request, back);
        if (v.compareTo(ProtocolVersion.V14_0) >= 0) {
            ItemOperationsRequest move = new ItemOperationsRequest(List.of(
                    new ItemOperationsRequest.Move(new byte[] {1, 2, 3}, "7", true)));
            var m = (ItemOperationsRequest.Move) decode(codec::decodeRequest, encode(codec::encodeRequest, move, v), v)
                    .operations().get(0);
            assertArrayEquals(new byte[] {1, 2, 3}, m.conversationId());
            assertTrue(m.moveAlways());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = "V2_5", mode = EnumSource.Mode.EXCLUDE)
    void responsesRoundTrip(ProtocolVersion v) throws Exception {
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        ApplicationDataWriter subject = out -> out.element("Email:Subject", "hello");
        ItemOperationsResponse<ApplicationDataWriter> response = new ItemOperationsResponse<>(
                ItemOperationsStatus.SUCCESS, List.of(
                new ItemOperationsResponse.FetchResult<>(ItemOperationsStatus.SUCCESS, Optional.of("5"),
                        Optional.of("5:1"), Optional.empty(), Optional.empty(), Optional.of("Email"),
                        Optional.of(new ItemOperationsResponse.ItemProperties<>(subject))),
                new ItemOperationsResponse.FetchResult<>(ItemOperationsStatus.SUCCESS, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("AB:1"), Optional.empty(),
                        Optional.of(new ItemOperationsResponse.FileProperties<>(Optional.of("text/plain"),
                                Optional.of("2-5"), Optional.of(10L), Optional.of(new ItemOperationsResponse.Streamed(2,
                                        4, () -> new ByteArrayInputStream(data)))))),
                new ItemOperationsResponse.FetchResult<>(ItemOperationsStatus.SUCCESS, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("AB:2"), Optional.empty(),
                        Optional.of(new ItemOperationsResponse.FileProperties<>(Optional.of("image/png"),
                                Optional.empty(), Optional.empty(), Optional.of(new ItemOperationsResponse.InPart(1))))),
                new ItemOperationsResponse.FetchResult<>(ItemOperationsStatus.INVALID_RANGE, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("AB:3"), Optional.empty(), Optional.empty()),
                new ItemOperationsResponse.EmptyFolderContentsResult<>(ItemOperationsStatus.SUCCESS, "9")));
        byte[] wbxml = encode(codec::encodeResponse, response, v);
        ItemOperationsResponse<String> back = codec.decodeResponse(new WbxmlReader(new ByteArrayInputStream(wbxml),
                PAGES), v, SUBJECT);
        assertEquals(ItemOperationsStatus.SUCCESS, back.status());
        assertEquals(5, back.results().size());
        var item = (ItemOperationsResponse.FetchResult<String>) back.results().get(0);
        assertEquals("hello", ((ItemOperationsResponse.ItemProperties<String>) item.properties().orElseThrow()).data());
        assertEquals(Optional.of("Email"), item.itemClass());
        var file = (ItemOperationsResponse.FileProperties<String>) ((ItemOperationsResponse.FetchResult<String>)
                back.results().get(1)).properties().orElseThrow();
        assertArrayEquals("2345".getBytes(StandardCharsets.US_ASCII),
                ((ItemOperationsResponse.Bytes) file.data().orElseThrow()).bytes());
        assertEquals(Optional.of("2-5"), file.range());
        assertEquals(Optional.of(10L), file.total());
        var part = (ItemOperationsResponse.FileProperties<String>) ((ItemOperationsResponse.FetchResult<String>)
                back.results().get(2)).properties().orElseThrow();
        assertEquals(new ItemOperationsResponse.InPart(1), part.data().orElseThrow());
        assertEquals(ItemOperationsStatus.INVALID_RANGE,
                ((ItemOperationsResponse.FetchResult<String>) back.results().get(3)).status());
        assertEquals(new ItemOperationsResponse.EmptyFolderContentsResult<String>(ItemOperationsStatus.SUCCESS, "9"),
                back.results().get(4));
    }

    @Test
    void refusals() throws Exception {
        ProtocolVersion v = ProtocolVersion.V14_1;
        refused("<ItemOperations xmlns='ItemOperations:'/>", v, codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<ItemOperations xmlns='ItemOperations:' xmlns:a='AirSync:'><Fetch><a:ServerId>1</a:ServerId>"
                + "</Fetch></ItemOperations>", v, codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<ItemOperations xmlns='ItemOperations:'><Fetch><Store>Mailbox</Store><Store>Mailbox</Store>"
                + "</Fetch></ItemOperations>", v, codec::decodeRequest, DecodeException.Reason.DUPLICATE);
        refused("<ItemOperations xmlns='ItemOperations:'><EmptyFolderContents/></ItemOperations>", v,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<ItemOperations xmlns='ItemOperations:'><Move><DstFldId>1</DstFldId></Move></ItemOperations>", v,
                codec::decodeRequest, DecodeException.Reason.MISSING);
        refused("<ItemOperations xmlns='ItemOperations:' xmlns:a='AirSync:'><Fetch><Store>Mailbox</Store><Options>"
                + "<a:MIMESupport>3</a:MIMESupport></Options></Fetch></ItemOperations>", v, codec::decodeRequest,
                DecodeException.Reason.BAD_VALUE);
        refused("<ItemOperations xmlns='ItemOperations:'><Move><DstFldId>1</DstFldId></Move></ItemOperations>",
                ProtocolVersion.V12_1, codec::decodeRequest, DecodeException.Reason.NOT_IN_VERSION);
        StringBuilder many = new StringBuilder("<ItemOperations xmlns='ItemOperations:'>");
        many.append("<Fetch><Store>Mailbox</Store></Fetch>".repeat(ItemOperationsCodec.MAX_OPERATIONS + 1));
        refused(many.append("</ItemOperations>").toString(), v, codec::decodeRequest,
                DecodeException.Reason.BAD_VALUE);
    }
}
