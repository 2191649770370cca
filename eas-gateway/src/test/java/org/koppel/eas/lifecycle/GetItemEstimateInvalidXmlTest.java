package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.koppel.eas.lifecycle.Requests.only;
import static org.koppel.eas.lifecycle.Requests.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.estimate.GetItemEstimateCodec;
import org.koppel.eas.estimate.GetItemEstimateRequest;
import org.koppel.eas.estimate.GetItemEstimateStatus;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.eas.wbxml.WbxmlXml;

/**
 * GetItemEstimate requests MS-ASCMD answers with the whole command's Status 103 (invalid XML): a FilterType of 9
 * or more (2.2.3.68.1) and ConversationMode on a collection that does not hold email (2.2.3.36.1); the same
 * elements where they are allowed are answered per collection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetItemEstimateInvalidXmlTest {

    private static final ProtocolVersion V = ProtocolVersion.V14_1;
    private static final String INVALID_XML =
            "<GetItemEstimate xmlns=\"GetItemEstimate:\"><Status>103</Status></GetItemEstimate>";

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    private static GetItemEstimateRequest estimate(String key, String collectionId, Optional<Boolean> conversation,
            int filter) {
        return new GetItemEstimateRequest(List.of(new GetItemEstimateRequest.Collection(key, collectionId,
                Optional.empty(), Optional.empty(), conversation, List.of(new GetItemEstimateRequest.Options(
                        Optional.empty(), Optional.of(filter), Optional.empty())))));
    }

    /** The answer as XML without layout, for a top-level Status the response codec does not model. */
    private static String post(Client phone, GetItemEstimateRequest request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new GetItemEstimateCodec(Gateway.PAGES).encodeRequest(new WbxmlWriter(body, Gateway.PAGES, V), request);
        HttpResponse<byte[]> r = phone.raw("GetItemEstimate", body.toByteArray());
        assertEquals(200, r.statusCode());
        return new WbxmlXml(Gateway.PAGES).toXml(r.body()).replaceAll(">\\s+<", "><").strip()
                .replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    @Test
    void aFilterTypeOfNineOrMoreIsInvalidXml() throws IOException {
        String user = gw.newUser();
        Client phone = gw.client(user, "filter9", V);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        String key = only(phone.sync(sync(V, "0", inbox))).syncKey().orElseThrow();
        assertEquals(INVALID_XML, post(phone, estimate(key, inbox, Optional.empty(), 9)));
        assertEquals(INVALID_XML, post(phone, estimate(key, inbox, Optional.empty(), 200)));
        assertEquals(GetItemEstimateStatus.SUCCESS, phone.estimate(estimate(key, inbox, Optional.empty(), 8))
                .responses().get(0).status(), "8 is a FilterType");
    }

    @Test
    void conversationModeOutsideEmailIsInvalidXml() throws IOException {
        String user = gw.newUser();
        Client phone = gw.client(user, "conversation", V);
        String contacts = gw.collectionId(user, phone.deviceId, EasFolderType.CONTACTS);
        String inbox = gw.collectionId(user, phone.deviceId, EasFolderType.INBOX);
        assertEquals(INVALID_XML, post(phone, estimate("0", contacts, Optional.of(true), 0)));
        assertEquals(INVALID_XML, post(phone, estimate("0", contacts, Optional.of(false), 0)), "specified at all");
        String key = only(phone.sync(sync(V, "0", inbox))).syncKey().orElseThrow();
        assertEquals(GetItemEstimateStatus.SUCCESS, phone.estimate(estimate(key, inbox, Optional.of(true), 0))
                .responses().get(0).status(), "the Inbox holds email");
        assertEquals(GetItemEstimateStatus.SYNC_STATE_NOT_PRIMED, phone.estimate(estimate("0", contacts,
                Optional.empty(), 0)).responses().get(0).status(), "Contacts without ConversationMode: its own status");
    }
}
