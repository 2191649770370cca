package org.koppel.store.client.soap;

import java.io.IOException;
import java.io.InputStream;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.Attachments;

/** {@link Attachments} over SOAP; data travels as MTOM parts in both directions. */
final class SoapAttachments implements Attachments {

    private final SoapCall call;

    SoapAttachments(SoapCall call) {
        this.call = call;
    }

    @Override
    public AttachmentInfo add(EntryId message, AttachmentContent content) {
        return call.get((p, s) -> p.addAttachment(s, message.bytes(), MessageContentXml.NewAttachmentXml.of(content)))
                .info();
    }

    @Override
    public InputStream open(EntryId message, int attachNum) {
        AttachmentDataXml data = call.get((p, s) -> p.openAttachment(s, message.bytes(), attachNum));
        if (data == null || data.data == null) {
            return InputStream.nullInputStream();
        }
        try {
            return data.data.getInputStream();
        } catch (IOException e) {
            throw MapiException.of(MapiError.NETWORK_ERROR, "reading an attachment: " + e);
        }
    }

    @Override
    public void delete(EntryId message, int attachNum) {
        call.run((p, s) -> p.deleteAttachment(s, message.bytes(), attachNum));
    }
}
