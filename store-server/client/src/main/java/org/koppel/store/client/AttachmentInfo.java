package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;

/** One row of a message's attachment table: the data itself is opened separately, as a stream. */
public record AttachmentInfo(
        int attachNum,
        AttachMethod method,
        long sizeBytes,
        List<PropValue> properties,
        Optional<EntryId> embeddedMessage) {

    public AttachmentInfo {
        properties = List.copyOf(properties);
    }
}
