package org.koppel.inetmapi.mime;

import java.util.List;
import java.util.Optional;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;

/**
 * The message as it was received, kept with the converted message so IMAP can answer BODY[] byte for
 * byte and a forwarded or exported message is the original: a hidden attachment (its data in the blob
 * store like any attachment's) marked by a named property, skipped when the message is shown or written
 * out as new MIME.
 */
public final class OriginalMime {

    /** Marks the attachment that holds the original MIME. */
    public static final NamedPropTag MARKER = NamedPropTag.byName(PropertySets.PS_PUBLIC_STRINGS,
            "urn:koppel:original-mime", PropType.PT_BOOLEAN);

    private OriginalMime() {
    }

    static AttachmentContent attachment(InputStreamSource original, NamedTagMap names) {
        return new AttachmentContent.ByValue(List.of(
                PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, "original.eml"),
                PropValue.of(PropTags.PR_DISPLAY_NAME, "original.eml"),
                PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "message/rfc822"),
                PropValue.of(PropTags.PR_ATTACHMENT_HIDDEN, true),
                PropValue.of(names.resolve(MARKER), true)), original);
    }

    /** Whether an attachment is the kept original. */
    static boolean is(MapiMessage.Attachment a, NamedTagMap names) {
        return names.find(MARKER).flatMap(a::property).map(v -> Boolean.TRUE.equals(v.javaValue())).orElse(false);
    }

    /** The kept original of a message, if it has one. */
    public static Optional<MapiMessage.Attachment> of(MapiMessage message, NamedTagMap names) {
        return message.attachments().stream().filter(a -> is(a, names)).findFirst();
    }
}
