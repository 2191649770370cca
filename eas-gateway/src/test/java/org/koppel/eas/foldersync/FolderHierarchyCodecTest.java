package org.koppel.eas.foldersync;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.eas.codec.CodecHarness.*;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.ProtocolVersion;

class FolderHierarchyCodecTest {
    private final FolderHierarchyCodec codec = new FolderHierarchyCodec(PAGES);

    @Test
    void folderSyncResponseFixture() throws Exception {
        FolderSyncResponse r = golden("foldersync-response-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeFolderSyncResponse, codec::encodeFolderSyncResponse);
        assertEquals(FolderSyncStatus.SUCCESS, r.status());
        assertEquals(List.of(
                new FolderSyncResponse.Add(new Folder("5", "0", "Posteingang", FolderType.DEFAULT_INBOX)),
                new FolderSyncResponse.Update(new Folder("9", "5", "Rechnungen 2024", FolderType.USER_CREATED_MAIL)),
                new FolderSyncResponse.Delete("11")), r.changes());
    }

    @Test
    void folderCreateFixtures() throws Exception {
        FolderCreateRequest req = golden("foldercreate-request-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeFolderCreateRequest, codec::encodeFolderCreateRequest);
        assertEquals(new FolderCreateRequest("{0b0e1c4a-5a2d-4d3b-9b7a-2f6c8e1d3a55}1", "5", "Reisen",
                FolderType.USER_CREATED_MAIL), req);
        FolderCreateResponse resp = golden("foldercreate-response-14.1.xml", ProtocolVersion.V14_1,
                codec::decodeFolderCreateResponse, codec::encodeFolderCreateResponse);
        assertEquals(Optional.of("14"), resp.serverId());
    }

    @Test
    void roundTripsInEveryVersion() throws Exception {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            roundTrip(new FolderSyncRequest("0"), v, codec::encodeFolderSyncRequest, codec::decodeFolderSyncRequest);
            roundTrip(new FolderSyncResponse(FolderSyncStatus.SUCCESS, Optional.of("k1"), List.of()), v,
                    codec::encodeFolderSyncResponse, codec::decodeFolderSyncResponse);
            roundTrip(FolderSyncResponse.failed(FolderSyncStatus.INVALID_SYNC_KEY), v,
                    codec::encodeFolderSyncResponse, codec::decodeFolderSyncResponse);
            roundTrip(new FolderCreateResponse(FolderCreateStatus.ALREADY_EXISTS, Optional.empty(), Optional.empty()), v,
                    codec::encodeFolderCreateResponse, codec::decodeFolderCreateResponse);
            roundTrip(new FolderUpdateRequest("k1", "9", "0", "Archiv"), v,
                    codec::encodeFolderUpdateRequest, codec::decodeFolderUpdateRequest);
            roundTrip(new FolderUpdateResponse(FolderUpdateStatus.SUCCESS, Optional.of("k2")), v,
                    codec::encodeFolderUpdateResponse, codec::decodeFolderUpdateResponse);
            roundTrip(new FolderDeleteRequest("k2", "9"), v,
                    codec::encodeFolderDeleteRequest, codec::decodeFolderDeleteRequest);
            roundTrip(new FolderDeleteResponse(FolderDeleteStatus.SPECIAL_FOLDER, Optional.empty()), v,
                    codec::encodeFolderDeleteResponse, codec::decodeFolderDeleteResponse);
        }
    }

    @Test
    void aSuccessfulFolderSyncAlwaysCarriesChangesWithACount() throws IOException {
        byte[] b = encode(codec::encodeFolderSyncResponse,
                new FolderSyncResponse(FolderSyncStatus.SUCCESS, Optional.of("k"), List.of()), ProtocolVersion.V14_1);
        assertTrue(xml(b).contains("<Count>0</Count>"), xml(b));
    }

    @Test
    void refusesMalformedDocuments() throws IOException {
        refused("<FolderSync xmlns='FolderHierarchy:'/>", ProtocolVersion.V14_1,
                codec::decodeFolderSyncRequest, DecodeException.Reason.MISSING);
        refused("<FolderSync xmlns='FolderHierarchy:'><SyncKey>1</SyncKey><SyncKey>2</SyncKey></FolderSync>",
                ProtocolVersion.V14_1, codec::decodeFolderSyncRequest, DecodeException.Reason.DUPLICATE);
        refused("<FolderSync xmlns='FolderHierarchy:'><SyncKey>" + "k".repeat(65) + "</SyncKey></FolderSync>",
                ProtocolVersion.V14_1, codec::decodeFolderSyncRequest, DecodeException.Reason.BAD_VALUE);
        refused("<FolderSync xmlns='FolderHierarchy:'><Status>1</Status><Changes><Count>2</Count>"
                + "<Delete><ServerId>1</ServerId></Delete></Changes></FolderSync>", ProtocolVersion.V14_1,
                codec::decodeFolderSyncResponse, DecodeException.Reason.BAD_VALUE);
        refused("<FolderSync xmlns='FolderHierarchy:'><Status>1</Status><Changes><Count>1</Count>"
                + "<Add><ServerId>1</ServerId><ParentId>0</ParentId><DisplayName>x</DisplayName><Type>20</Type></Add>"
                + "</Changes></FolderSync>", ProtocolVersion.V14_1,
                codec::decodeFolderSyncResponse, DecodeException.Reason.BAD_VALUE);
        refused("<FolderCreate xmlns='FolderHierarchy:'><SyncKey>1</SyncKey><ParentId>0</ParentId>"
                + "<DisplayName>x</DisplayName></FolderCreate>", ProtocolVersion.V14_1,
                codec::decodeFolderCreateRequest, DecodeException.Reason.MISSING);
        refused("<FolderDelete xmlns='FolderHierarchy:'><Status>4</Status></FolderDelete>", ProtocolVersion.V14_1,
                codec::decodeFolderDeleteRequest, DecodeException.Reason.UNEXPECTED);
        refused("<FolderDelete xmlns='FolderHierarchy:'><Status>2</Status></FolderDelete>", ProtocolVersion.V14_1,
                codec::decodeFolderDeleteResponse, DecodeException.Reason.BAD_VALUE);
        refused("<FolderSync xmlns='FolderHierarchy:'><Folders/></FolderSync>", ProtocolVersion.V14_1,
                codec::decodeFolderSyncRequest, DecodeException.Reason.NOT_IN_VERSION);
    }
}
