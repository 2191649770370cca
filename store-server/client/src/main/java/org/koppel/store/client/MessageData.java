package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** A loaded message: all its properties, its recipient table and its attachment table, in one call. */
public record MessageData(
        EntryId entryId,
        Optional<EntryId> folder,
        List<PropValue> properties,
        List<Recipient> recipients,
        List<AttachmentInfo> attachments) {

    public MessageData {
        properties = List.copyOf(properties);
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    public Optional<PropValue> property(PropTag tag) {
        return properties.stream().filter(v -> v.tag().equals(tag)).findFirst();
    }
}
