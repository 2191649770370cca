package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.PropValue;

/** Everything a new message is made of; the store saves it in one transaction. */
public record MessageContent(
        List<PropValue> properties,
        List<Recipient> recipients,
        List<AttachmentContent> attachments,
        boolean associated) {

    public MessageContent {
        properties = List.copyOf(properties);
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    public static MessageContent of(List<PropValue> properties) {
        return new MessageContent(properties, List.of(), List.of(), false);
    }
}
