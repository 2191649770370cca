package org.koppel.eas.sync;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlException;

class SyncCodecTest {
    private final SyncCodec codec = new SyncCodec(PAGES);

    private final CodecHarness.Decoder<SyncRequest<TestEmail>> requests =
            (in, v) -> codec.decodeRequest(in, v, TestEmail.DECODER);
    private final CodecHarness.Encoder<SyncRequest<TestEmail>> requestWriter = codec::encodeRequest;
    private final CodecHarness.Decoder<SyncResponse<TestEmail>> responses =
            (in, v) -> codec.decodeResponse(in, v, TestEmail.DECODER);
    private final CodecHarness.Encoder<SyncResponse<TestEmail>> responseWriter = codec::encodeResponse;

    @Test
    void request14WithOptionsAndEveryClientCommand() throws Exception {
        SyncRequest<TestEmail> r = golden("sync-request-14.1.xml", ProtocolVersion.V14_1, requests, requestWriter);
        assertEquals(Optional.of(600), r.heartbeatInterval());
        assertEquals(Optional.of(100), r.windowSize());
        SyncRequest.Collection<TestEmail> c = r.collections().get(0);
        assertEquals("5", c.collectionId());
        assertEquals(Optional.of(true), c.deletesAsMoves());
        assertEquals(Optional.of(true), c.getChanges());
        assertEquals(Optional.of(25), c.windowSize());
        SyncOptions o = c.options().get(0);
        assertEquals(Optional.of(ContentClass.EMAIL), o.contentClass());
        assertEquals(List.of(new BodyPreference(2, Optional.of(51200L), Optional.of(false), Optional.of(255))),
                o.bodyPreferences());
        assertEquals(List.of(new BodyPreference(2, Optional.of(1024L), Optional.empty(), Optional.empty())),
                o.bodyPartPreferences());
        assertEquals(Optional.of(false), o.rightsManagementSupport());
        assertEquals(List.of(
                new SyncRequest.Add<>(Optional.empty(), "c-7",
                        new TestEmail(Optional.of("Entwurf"), Optional.of(true), Optional.empty())),
                new SyncRequest.Change<>("5:17", TestEmail.read(true)),
                new SyncRequest.Delete<>("5:3"),
                new SyncRequest.Fetch<>("5:9")), c.commands());
    }

    @Test
    void initialRequest12WithSupportedAndWait() throws Exception {
        SyncRequest<TestEmail> r = golden("sync-request-initial-12.1.xml", ProtocolVersion.V12_1, requests,
                requestWriter);
        SyncRequest.Collection<TestEmail> c = r.collections().get(0);
        assertEquals(Optional.of(ContentClass.CONTACTS), c.contentClass());
        assertEquals(List.of(PAGES.require("Contacts", "JobTitle"), PAGES.require("Contacts", "Department")),
                c.supported());
        assertEquals(Optional.of(10), r.waitMinutes());
    }

    @Test
    void responseWithCommandsResponsesAndMoreAvailable() throws Exception {
        SyncResponse<TestEmail> r = golden("sync-response-14.1.xml", ProtocolVersion.V14_1, responses, responseWriter);
        SyncResponse.Collection<TestEmail> c = r.collections().get(0);
        assertTrue(c.moreAvailable());
        assertEquals(List.of(
                new SyncResponse.Add<>("5:21", new TestEmail(Optional.of("Grüße & ein Termin"), Optional.of(false),
                        Optional.of("Hallo Anna,\nbis morgen."))),
                new SyncResponse.Change<>("5:17", TestEmail.read(true)),
                new SyncResponse.Delete<>("5:4"),
                new SyncResponse.SoftDelete<>("5:2")), c.commands());
        assertEquals(List.of(
                new SyncResponse.AddResult<>(Optional.empty(), "c-7", Optional.of("5:22"), SyncStatus.SUCCESS),
                new SyncResponse.ChangeResult<>("5:17", SyncStatus.CONFLICT),
                new SyncResponse.FetchResult<>("5:9", SyncStatus.SUCCESS, Optional.of(TestEmail.subject("Vollständig")))),
                c.responses());
    }

    @Test
    void limitResponse() throws Exception {
        SyncResponse<TestEmail> r = golden("sync-response-limit-14.1.xml", ProtocolVersion.V14_1, responses,
                responseWriter);
        assertEquals(Optional.of(SyncStatus.INVALID_WAIT_OR_HEARTBEAT), r.status());
        assertEquals(Optional.of(3540), r.limit());
    }

    @Test
    void roundTripsInEveryVersionFrom12() throws Exception {
        SyncOptions options = new SyncOptions(Optional.empty(), Optional.of(2),
                List.of(new BodyPreference(1, Optional.of(200L), Optional.empty(), Optional.empty())), List.of(),
                Optional.empty(), Optional.of(1), Optional.of(4), Optional.empty(), Optional.empty());
        SyncRequest<TestEmail> request = new SyncRequest<>(List.of(new SyncRequest.Collection<>(Optional.empty(),
                "k3", "5", List.of(), Optional.empty(), Optional.of(false), Optional.of(10), Optional.empty(),
                List.of(options), List.of(new SyncRequest.Delete<>("5:1")))), Optional.empty(), Optional.empty(),
                Optional.empty(), true);
        SyncResponse<TestEmail> response = new SyncResponse<>(Optional.empty(), List.of(new SyncResponse.Collection<>(
                Optional.empty(), Optional.of("k4"), "5", SyncStatus.SUCCESS, false,
                List.of(new SyncResponse.Add<>("5:9", TestEmail.subject("x"))),
                List.of(new SyncResponse.AddResult<>(Optional.empty(), "c1", Optional.empty(), SyncStatus.CONVERSION_ERROR),
                        new SyncResponse.DeleteResult<>("5:1", SyncStatus.OBJECT_NOT_FOUND)))), Optional.empty());
        for (ProtocolVersion v : List.of(ProtocolVersion.V12_1, ProtocolVersion.V14_0, ProtocolVersion.V14_1,
                ProtocolVersion.V16_0, ProtocolVersion.V16_1)) {
            roundTrip(request, v, requestWriter, requests);
            roundTrip(response, v, responseWriter, responses);
            roundTrip(SyncResponse.failed(SyncStatus.INVALID_POLICY_KEY), v, responseWriter, responses);
        }
    }

    @Test
    void versionSpecificElementsAreLeftOutForOlderClients() throws Exception {
        SyncRequest<TestEmail> r = golden("sync-request-14.1.xml", ProtocolVersion.V14_1, requests, requestWriter);
        SyncRequest<TestEmail> at121 = decode(requests, encode(requestWriter, r, ProtocolVersion.V12_1),
                ProtocolVersion.V12_1);
        SyncRequest.Collection<TestEmail> c = at121.collections().get(0);
        assertTrue(at121.heartbeatInterval().isEmpty(), "HeartbeatInterval is 14.0+");
        assertTrue(c.conversationMode().isEmpty());
        assertTrue(c.options().get(0).contentClass().isEmpty(), "Options/Class is 14.0+");
        assertTrue(c.options().get(0).bodyPartPreferences().isEmpty(), "BodyPartPreference is 14.1+");
        assertTrue(c.options().get(0).bodyPreferences().get(0).preview().isEmpty(), "Preview is 14.0+");
        assertEquals(c.commands(), r.collections().get(0).commands());
    }

    @Test
    void anEmptyRequestHasNoBody() throws IOException {
        assertEquals(0, encode(requestWriter, SyncRequest.empty(), ProtocolVersion.V14_1).length);
    }

    @Test
    void anItemWriterCannotSneakInATagOfANewerVersion() {
        SyncResponse<ApplicationDataWriter> r = new SyncResponse<>(Optional.empty(), List.of(
                new SyncResponse.Collection<>(Optional.empty(), Optional.of("k"), "5", SyncStatus.SUCCESS, false,
                        List.of(new SyncResponse.Add<>("5:1", out -> out.element("Email2:IsDraft", "0"))), List.of())),
                Optional.empty());
        assertThrows(WbxmlException.class, () -> encode(codec::encodeResponse, r, ProtocolVersion.V14_1));
    }

    @Test
    void aDecoderThatReadsTooLittleIsCaught() throws IOException {
        ApplicationDataDecoder<TestEmail> lazy = (id, in) -> TestEmail.subject("ignored");
        byte[] b = wbxml(fixture("sync-request-14.1.xml"), ProtocolVersion.V14_1);
        DecodeException e = assertThrows(DecodeException.class, () -> decode(
                (r, v) -> codec.decodeRequest(r, v, lazy), b, ProtocolVersion.V14_1));
        assertEquals(DecodeException.Reason.BAD_VALUE, e.reason());
    }

    @Test
    void refusesMalformedRequests() throws IOException {
        String collection = "<Sync xmlns='AirSync:' xmlns:b='AirSyncBase:'><Collections><Collection>%s</Collection>"
                + "</Collections></Sync>";
        refused(collection.formatted("<CollectionId>5</CollectionId>"), ProtocolVersion.V14_1, requests,
                DecodeException.Reason.MISSING);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Class>Email</Class>"),
                ProtocolVersion.V14_1, requests, DecodeException.Reason.NOT_IN_VERSION);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><Class>Email</Class>"
                + "</Options>"), ProtocolVersion.V12_1, requests, DecodeException.Reason.NOT_IN_VERSION);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options/><Options/><Options/>"),
                ProtocolVersion.V14_1, requests, DecodeException.Reason.BAD_VALUE);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options>"
                + "<FilterType>9</FilterType></Options>"), ProtocolVersion.V14_1, requests, DecodeException.Reason.BAD_VALUE);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options>"
                + "<b:BodyPreference><b:TruncationSize>5</b:TruncationSize></b:BodyPreference></Options>"),
                ProtocolVersion.V14_1, requests, DecodeException.Reason.MISSING);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options>"
                + "<b:BodyPartPreference><b:Type>1</b:Type></b:BodyPartPreference></Options>"),
                ProtocolVersion.V14_1, requests, DecodeException.Reason.BAD_VALUE);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands/>"),
                ProtocolVersion.V14_1, requests, DecodeException.Reason.MISSING);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Add>"
                + "<ClientId>1</ClientId></Add></Commands>"), ProtocolVersion.V14_1, requests,
                DecodeException.Reason.MISSING);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><SoftDelete>"
                + "<ServerId>1</ServerId></SoftDelete></Commands>"), ProtocolVersion.V14_1, requests,
                DecodeException.Reason.UNEXPECTED);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Delete>"
                + "<ServerId>1</ServerId><ApplicationData/></Delete></Commands>"), ProtocolVersion.V14_1, requests,
                DecodeException.Reason.UNEXPECTED);
        refused(collection.formatted("<SyncKey>1</SyncKey><CollectionId>5</CollectionId><WindowSize>0</WindowSize>"),
                ProtocolVersion.V14_1, requests, DecodeException.Reason.BAD_VALUE);
        refused("<Sync xmlns='AirSync:'><Wait>5</Wait><HeartbeatInterval>300</HeartbeatInterval></Sync>",
                ProtocolVersion.V14_1, requests, DecodeException.Reason.BAD_VALUE);
        refused("<Sync xmlns='AirSync:'><Partial>1</Partial></Sync>", ProtocolVersion.V14_1, requests,
                DecodeException.Reason.UNEXPECTED);
        refused("<Sync xmlns='AirSync:'><Collections/></Sync>", ProtocolVersion.V14_1, requests,
                DecodeException.Reason.MISSING);
        refused("<Sync xmlns='AirSync:'><Status>1</Status></Sync>", ProtocolVersion.V14_1, requests,
                DecodeException.Reason.UNEXPECTED);
    }

    @Test
    void refusesMalformedResponses() throws IOException {
        refused("<Sync xmlns='AirSync:'><Status>14</Status><Limit>5</Limit><Collections/></Sync>",
                ProtocolVersion.V14_1, responses, DecodeException.Reason.BAD_VALUE);
        refused("<Sync xmlns='AirSync:'><Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId>"
                + "</Collection></Collections></Sync>", ProtocolVersion.V14_1, responses, DecodeException.Reason.MISSING);
        refused("<Sync xmlns='AirSync:'><Collections><Collection><CollectionId>5</CollectionId><Status>2</Status>"
                + "</Collection></Collections></Sync>", ProtocolVersion.V14_1, responses, DecodeException.Reason.BAD_VALUE);
        refused("<Sync xmlns='AirSync:'><Collections><Collection><CollectionId>5</CollectionId><Status>1</Status>"
                + "<Responses><Change><ClientId>1</ClientId><Status>1</Status></Change></Responses>"
                + "</Collection></Collections></Sync>", ProtocolVersion.V14_1, responses, DecodeException.Reason.UNEXPECTED);
    }

    @Test
    void everyTruncationOfTheFixturesIsADecodeException() throws IOException {
        for (String f : List.of("sync-request-14.1.xml", "sync-response-14.1.xml")) {
            byte[] full = wbxml(fixture(f), ProtocolVersion.V14_1);
            for (int n = 0; n < full.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(full, n);
                CodecHarness.Decoder<?> d = f.contains("request") ? requests : responses;
                assertThrows(DecodeException.class, () -> decode(d, cut, ProtocolVersion.V14_1), f + " prefix " + n);
            }
        }
    }
}
