package org.koppel.eas.email;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.backend.EmailUpdate;
import org.koppel.backend.Flag;
import org.koppel.eas.codec.CodecHarness;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.sync.SyncStatus;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** The email codec plugged into the Sync codec's ApplicationData seam, both directions. */
class EmailInSyncTest {
    private final SyncCodec sync = new SyncCodec(CodecHarness.PAGES);

    @Test
    void addAndFetchInAResponseCarryTheSameItem() throws Exception {
        ProtocolVersion v = ProtocolVersion.V16_1;
        ApplicationDataWriter item = EmailApplicationData.of(EmailApplicationDataTest.item14());
        SyncResponse<ApplicationDataWriter> response = new SyncResponse<>(Optional.empty(), List.of(
                new SyncResponse.Collection<>(Optional.empty(), Optional.of("{a}2"), "5", SyncStatus.SUCCESS, false,
                        List.of(new SyncResponse.Add<>("5:21", item),
                                new SyncResponse.Change<>("5:17", EmailApplicationData.readChange(true))),
                        List.of(new SyncResponse.FetchResult<>("5:21", SyncStatus.SUCCESS, Optional.of(item))))),
                Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sync.encodeResponse(new WbxmlWriter(out, CodecHarness.PAGES, v), response);

        SyncResponse<EmailFields> read = sync.decodeResponse(
                new WbxmlReader(new ByteArrayInputStream(out.toByteArray()), CodecHarness.PAGES), v,
                EmailFields.decoder());
        SyncResponse.Collection<EmailFields> c = read.collections().get(0);
        EmailFields added = ((SyncResponse.Add<EmailFields>) c.commands().get(0)).data();
        EmailFields fetched = ((SyncResponse.FetchResult<EmailFields>) c.responses().get(0)).data().get();
        EmailHarness.assertSameItem(EmailApplicationDataTest.item14(), added.toItem());
        EmailHarness.assertSameItem(EmailApplicationDataTest.item14(), fetched.toItem());
        assertEquals(EmailUpdate.read(true), ((SyncResponse.Change<EmailFields>) c.commands().get(1)).data().toUpdate());
    }

    @Test
    void aClientsChangeComesOutOfTheSyncRequestAsAnUpdate() throws Exception {
        ProtocolVersion v = ProtocolVersion.V14_1;
        Instant done = Instant.parse("2024-03-12T10:15:00Z");
        // A test client writes a Change with the server's writer: a completed flag, read.
        ApplicationDataWriter change = out -> {
            out.element("Email:Read", true).start("Email:Flag").element("Email:FlagStatus", 1)
                    .element("Email:CompleteTime", EasDateTime.format(done)).end();
        };
        SyncRequest<ApplicationDataWriter> request = new SyncRequest<>(List.of(new SyncRequest.Collection<>(
                Optional.empty(), "{a}2", "5", List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(new SyncRequest.Change<>("5:17", change)))),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sync.encodeRequest(new WbxmlWriter(out, CodecHarness.PAGES, v), request);

        SyncRequest<EmailFields> read = sync.decodeRequest(
                new WbxmlReader(new ByteArrayInputStream(out.toByteArray()), CodecHarness.PAGES), v,
                EmailFields.decoder());
        EmailFields f = ((SyncRequest.Change<EmailFields>) read.collections().get(0).commands().get(0)).data();
        assertEquals(new EmailUpdate(Optional.of(true), Optional.of(Flag.complete(done)), Optional.empty()),
                f.toUpdate());
    }
}
