package org.koppel.inetmapi.tnef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/**
 * A TNEF message as the pieces of a MAPI message, for the MIME reader to merge with what the MIME headers
 * said: the bodies, the other message properties (named ones resolved, 8-bit strings as PT_UNICODE, store
 * bookkeeping such as entry ids and sizes left out; PR_RTF_COMPRESSED only when the RTF is a body of its
 * own rather than encapsulated HTML), the recipients and the attachments.
 */
public record TnefContent(Optional<String> plainBody, Optional<String> htmlBody, List<PropValue> properties,
        List<Recipient> recipients, List<AttachmentContent> attachments) {

    public TnefContent {
        properties = List.copyOf(properties);
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    /**
     * The pieces as one message: PR_BODY from the plain body, PR_HTML as UTF-8 with PR_INTERNET_CPID 65001
     * (as the MIME reader stores HTML). A message with only an HTML body gets no PR_BODY here.
     */
    public MessageContent toMessageContent() {
        List<PropValue> props = new ArrayList<>(properties);
        plainBody.ifPresent(p -> props.add(PropValue.of(PropTags.PR_BODY, p)));
        htmlBody.ifPresent(h -> {
            props.add(PropValue.of(PropTags.PR_HTML, h.getBytes(StandardCharsets.UTF_8)));
            props.add(PropValue.of(PropTags.PR_INTERNET_CPID, 65001));
        });
        return new MessageContent(props, recipients, attachments, false);
    }
}
