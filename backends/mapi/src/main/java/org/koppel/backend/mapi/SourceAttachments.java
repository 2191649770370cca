package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.mime.OriginalMime;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;

/**
 * A source message's attachments as new attachments of a forward (or, for an HTML reply, its inline images):
 * data streamed from the store when the forward is saved, embedded messages copied whole. The kept original
 * MIME is the message itself, not an attachment, and is left out; so are attachments that are neither data nor
 * messages (OLE objects, references), which no Internet mail carries.
 */
final class SourceAttachments {

    /** What the store computes and refuses to be given (copied from a loaded message, they would be stale). */
    private static final Set<Integer> COMPUTED = Set.of(PR_ENTRYID.id(), PR_PARENT_ENTRYID.id(),
            PR_STORE_ENTRYID.id(), PR_STORE_RECORD_KEY.id(), PR_RECORD_KEY.id(), PR_INSTANCE_KEY.id(),
            PR_OBJECT_TYPE.id(), PR_ACCESS.id(), PR_ACCESS_LEVEL.id(), PR_SOURCE_KEY.id(), PR_PARENT_SOURCE_KEY.id(),
            PR_CHANGE_KEY.id(), PR_PREDECESSOR_CHANGE_LIST.id(), PR_CHANGE_NUMBER.id(), PR_MESSAGE_SIZE.id(),
            PR_HASATTACH.id(), PR_DISPLAY_TO.id(), PR_DISPLAY_CC.id(), PR_DISPLAY_BCC.id(), PR_ASSOCIATED.id(),
            PR_CREATION_TIME.id(), PR_LAST_MODIFICATION_TIME.id(), PR_RIGHTS.id(), PR_ATTACH_NUM.id(),
            PR_ATTACH_SIZE.id(), PR_ROWID.id(), PR_ATTACH_DATA_BIN.id());

    private final Session session;
    private final Optional<PropTag> marker;

    SourceAttachments(Session session, NamedTagMap names) {
        this.session = session;
        this.marker = names.find(OriginalMime.MARKER);
    }

    /** Every attachment a forward carries along. */
    List<AttachmentContent> of(MessageData source) {
        List<AttachmentContent> out = new ArrayList<>();
        for (AttachmentInfo a : source.attachments()) {
            copy(source.entryId(), a).ifPresent(out::add);
        }
        return out;
    }

    /** The hidden attachments with a content id: the images the source's HTML shows inline. */
    List<AttachmentContent> inline(MessageData source) {
        List<AttachmentContent> out = new ArrayList<>();
        for (AttachmentInfo a : source.attachments()) {
            MessageProps p = new MessageProps(a.properties());
            if (!p.string(PR_ATTACH_CONTENT_ID).isEmpty() && p.get(PR_ATTACHMENT_HIDDEN).map(Boolean.TRUE::equals)
                    .orElse(false)) {
                copy(source.entryId(), a).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<AttachmentContent> copy(EntryId message, AttachmentInfo a) {
        MessageProps p = new MessageProps(a.properties());
        if (p.get(marker).map(Boolean.TRUE::equals).orElse(false)) {
            return Optional.empty();
        }
        if (a.method() == AttachMethod.ATTACH_EMBEDDED_MSG && a.embeddedMessage().isPresent()) {
            return Optional.of(new AttachmentContent.Embedded(copyable(a.properties()),
                    message(session.messages().load(a.embeddedMessage().get()))));
        }
        if (a.method() == AttachMethod.ATTACH_BY_VALUE) {
            int attachNum = a.attachNum();
            return Optional.of(new AttachmentContent.ByValue(copyable(a.properties()),
                    () -> session.attachments().open(message, attachNum)));
        }
        return Optional.empty();
    }

    /** An embedded message with its recipients and attachments, as new content. */
    private MessageContent message(MessageData m) {
        List<Recipient> recipients = new ArrayList<>();
        for (Recipient r : m.recipients()) {
            recipients.add(new Recipient(0, r.type(), r.displayName(), r.email(), copyable(r.properties())));
        }
        return new MessageContent(copyable(m.properties()), recipients, of(m), false);
    }

    private static List<PropValue> copyable(List<PropValue> props) {
        return props.stream().filter(v -> !(v instanceof PropValue.ErrorValue) && !COMPUTED.contains(v.tag().id()))
                .toList();
    }
}
