package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * GetAttachment over real HTTP against a real store: the attachment as the body with its Content-Type in the
 * versions that have the command (12.0 to 14.1), 500 for one that cannot be had, 400 without AttachmentName, and
 * 501 from 16.0, which dropped the command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetAttachmentTest {

    private Gateway gw;

    @BeforeAll
    void start() throws IOException {
        gw = new Gateway();
    }

    @AfterAll
    void stop() throws IOException {
        gw.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void getAttachment(ProtocolVersion v) {
        String user = gw.newUser();
        byte[] data = Mailbox.bytes(2_500_000, 5);
        String id = new Mailbox(gw).deliver(user, "with attachment", List.of(
                new Mailbox.Attachment("photo.jpg", "image/jpeg", data)));
        String ref = gw.item(user, EasFolderType.INBOX, id).attachments().get(0).fileReference();
        ItemsClient phone = new ItemsClient(gw, user, "getatt" + v.name(), v);

        HttpResponse<byte[]> r = phone.getAttachment(ref);
        if (v.compareTo(ProtocolVersion.V16_0) >= 0) {
            assertEquals(501, r.statusCode(), "GetAttachment is gone in 16.x");
            return;
        }
        assertEquals(200, r.statusCode());
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(data, r.body());

        HttpResponse<byte[]> missing = phone.getAttachment(ref.substring(0, ref.lastIndexOf(':')) + ":9");
        assertEquals(500, missing.statusCode());
        assertEquals(0, missing.body().length);
        assertEquals(500, phone.getAttachment("not-a-reference").statusCode());
        assertEquals(400, phone.getAttachment("").statusCode());
    }
}
