package org.koppel.store.api;

import static org.koppel.mapi.PropTags.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/**
 * A new item being put together: subject, bodies, recipients, attachments and any other properties, turned
 * into one {@link MessageContent} that the store saves in one transaction ({@link Folder#create},
 * {@link Store#send}). A builder: not thread-safe, reusable after {@link #content()}.
 */
public final class ItemDraft {

    private String messageClass = "IPM.Note";
    private String subject = "";
    private String body;
    private String html;
    private Importance importance = Importance.NORMAL;
    private Address sender;
    private Instant received;
    private boolean read;
    private final List<Recipient> recipients = new ArrayList<>();
    private final List<AttachmentContent> attachments = new ArrayList<>();
    private final List<PropValue> extra = new ArrayList<>();

    private ItemDraft() {
    }

    /** An e-mail (IPM.Note). */
    public static ItemDraft mail() {
        return new ItemDraft();
    }

    /** An item of another message class (IPM.Contact, IPM.StickyNote, ...). */
    public static ItemDraft ofClass(String messageClass) {
        return new ItemDraft().messageClass(messageClass);
    }

    public ItemDraft messageClass(String messageClass) {
        this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
        return this;
    }

    public ItemDraft subject(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /** The plain-text body (PR_BODY). */
    public ItemDraft body(String text) {
        this.body = Objects.requireNonNull(text, "text");
        return this;
    }

    /** The HTML body (PR_HTML, stored as UTF-8 with PR_INTERNET_CPID 65001). */
    public ItemDraft html(String html) {
        this.html = Objects.requireNonNull(html, "html");
        return this;
    }

    public ItemDraft importance(Importance importance) {
        this.importance = Objects.requireNonNull(importance, "importance");
        return this;
    }

    /** The sender (PR_SENDER_* and PR_SENT_REPRESENTING_*); {@link Store#send} fills in the store's owner. */
    public ItemDraft from(Address sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
        return this;
    }

    /** A delivery time (PR_MESSAGE_DELIVERY_TIME), for items that arrived rather than were written. */
    public ItemDraft received(Instant when) {
        this.received = Objects.requireNonNull(when, "when");
        return this;
    }

    /** Whether the item starts out read (drafts and sent items usually do; a default of unread). */
    public ItemDraft read(boolean read) {
        this.read = read;
        return this;
    }

    public ItemDraft to(String name, String email) {
        return recipient(RecipientType.MAPI_TO, new Address(name, email));
    }

    public ItemDraft cc(String name, String email) {
        return recipient(RecipientType.MAPI_CC, new Address(name, email));
    }

    public ItemDraft bcc(String name, String email) {
        return recipient(RecipientType.MAPI_BCC, new Address(name, email));
    }

    public ItemDraft recipient(RecipientType type, Address address) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        recipients.add(new Recipient(0, type, address.name(), address.email(), List.of(
                PropValue.of(PR_ADDRTYPE, "SMTP"), PropValue.of(PR_SMTP_ADDRESS, address.email()))));
        return this;
    }

    /** Attaches data held in memory. */
    public ItemDraft attach(String fileName, String mimeType, byte[] data) {
        return attach(fileName, mimeType, InputStreamSource.ofBytes(data));
    }

    /** Attaches data streamed from a source when the item is saved (never held in memory whole). */
    public ItemDraft attach(String fileName, String mimeType, InputStreamSource data) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
        attachments.add(new AttachmentContent.ByValue(List.of(PropValue.of(PR_ATTACH_LONG_FILENAME, fileName),
                PropValue.of(PR_ATTACH_FILENAME, fileName), PropValue.of(PR_DISPLAY_NAME, fileName),
                PropValue.of(PR_ATTACH_MIME_TAG, mimeType)), data));
        return this;
    }

    /** Any other property (a named property's tag must have been mapped in the target store). */
    public ItemDraft property(PropValue value) {
        extra.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** What the store saves: the draft's properties, recipients and attachments. */
    public MessageContent content() {
        return content(null, read);
    }

    /** The content with a sender for drafts that name none, and the read flag as given. */
    MessageContent content(Address fallbackSender, boolean read) {
        Address sender = this.sender != null ? this.sender : fallbackSender;
        List<PropValue> props = new ArrayList<>();
        props.add(PropValue.of(PR_MESSAGE_CLASS, messageClass));
        props.add(PropValue.of(PR_SUBJECT, subject));
        props.add(PropValue.of(PR_IMPORTANCE, importance.code()));
        int flags = read ? MessageFlags.MSGFLAG_READ.value() : 0;
        if (received == null) {
            // Written here, not delivered: unsent until the spooler sends it ([MS-OXCMSG] 2.2.1.6).
            flags |= MessageFlags.MSGFLAG_UNSENT.value();
        } else {
            props.add(PropValue.of(PR_MESSAGE_DELIVERY_TIME, received));
        }
        props.add(PropValue.of(PR_MESSAGE_FLAGS, flags));
        if (body != null) {
            props.add(PropValue.of(PR_BODY, body));
        }
        if (html != null) {
            props.add(PropValue.of(PR_HTML, html.getBytes(StandardCharsets.UTF_8)));
            props.add(PropValue.of(PR_INTERNET_CPID, 65001));
        }
        if (sender != null) {
            props.add(PropValue.of(PR_SENDER_NAME, sender.name()));
            props.add(PropValue.of(PR_SENDER_EMAIL_ADDRESS, sender.email()));
            props.add(PropValue.of(PR_SENDER_ADDRTYPE, "SMTP"));
            props.add(PropValue.of(PR_SENT_REPRESENTING_NAME, sender.name()));
            props.add(PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, sender.email()));
            props.add(PropValue.of(PR_SENT_REPRESENTING_ADDRTYPE, "SMTP"));
        }
        props.addAll(extra);
        return new MessageContent(props, recipients, attachments, false);
    }
}
