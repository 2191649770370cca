package org.koppel.store.client;

import java.io.InputStream;
import org.koppel.mapi.EntryId;

/** A message's attachments, with data streamed in and out. */
public interface Attachments {

    AttachmentInfo add(EntryId message, AttachmentContent content);

    /** The data of a by-value attachment as a stream the caller closes. */
    InputStream open(EntryId message, int attachNum);

    void delete(EntryId message, int attachNum);
}
