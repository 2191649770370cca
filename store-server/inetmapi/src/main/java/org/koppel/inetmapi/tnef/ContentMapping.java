package org.koppel.inetmapi.tnef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.Spool;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a decoded {@link TnefMessage} into {@link TnefContent}; see {@link TnefMessage#toContent}. */
final class ContentMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ContentMapping.class);

    /** Bodies decompressed from RTF are bounded like properties held in memory. */
    private static final int MAX_RTF_BYTES = 64 << 20;

    private static final int ID_BODY = PropTags.PR_BODY.id();
    private static final int ID_HTML = PropTags.PR_HTML.id();
    private static final int ID_RTF = PropTags.PR_RTF_COMPRESSED.id();
    private static final int ID_RTF_IN_SYNC = PropTags.PR_RTF_IN_SYNC.id();
    private static final int ID_CPID = PropTags.PR_INTERNET_CPID.id();

    /**
     * What the sender's store computed or assigned, which the receiving store sets for itself: ids, keys,
     * sizes, flags, the attachment and recipient tables, an attachment's number and data.
     */
    private static final Set<Integer> STORE_OWNED = Set.of(0x0FFF, 0x0E09, 0x0FFB, 0x0FFA, 0x0FF9, 0x0E08, 0x0E07,
            0x0E1B, 0x0FF6, 0x65E0, 0x65E2, 0x65E3, 0x0FF4, 0x0FF7, 0x0FFE, 0x340D, 0x0FF8, 0x0E13, 0x0E12, 0x0E20,
            0x0E21, 0x3701, 0x3000);

    private final NamedTagMap names;

    ContentMapping(NamedTagMap names) {
        this.names = names;
    }

    TnefContent content(TnefMessage m) {
        List<PropValue> props = new ArrayList<>();
        String plain = null;
        String html = null;
        byte[] htmlBytes = null;
        byte[] rtf = null;
        int cpid = m.codepage();
        for (PropValue v : m.properties()) {
            int id = v.tag().id();
            if (id == ID_BODY && v.javaValue() instanceof String s) {
                plain = s;
            } else if (id == ID_HTML && v.javaValue() instanceof byte[] b) {
                htmlBytes = b;
            } else if (id == ID_HTML && v.javaValue() instanceof String s) {
                html = s;
            } else if (id == ID_RTF && v.javaValue() instanceof byte[] b) {
                rtf = b;
            } else if (id == ID_CPID && v.javaValue() instanceof Integer c) {
                cpid = c;
            } else if (id != ID_RTF_IN_SYNC && !STORE_OWNED.contains(id)) {
                props.add(unicode(v));
            }
        }
        if (html == null && htmlBytes != null) {
            html = new String(htmlBytes, Codepages.charset(cpid));
        }
        if (html == null && rtf != null) {
            try {
                byte[] decompressed = CompressedRtf.decompress(rtf, MAX_RTF_BYTES);
                switch (EncapsulatedRtf.origin(decompressed)) {
                    case HTML -> html = EncapsulatedRtf.html(decompressed).orElse(null);
                    case TEXT -> {
                        if (plain == null) {
                            plain = EncapsulatedRtf.text(decompressed).orElse(null);
                        }
                    }
                    case RTF -> {
                        props.add(PropValue.of(PropTags.PR_RTF_COMPRESSED, rtf));
                        if (plain == null) {
                            plain = EncapsulatedRtf.text(decompressed).orElse(null);
                        }
                    }
                }
            } catch (TnefException e) {
                LOG.info("TNEF compressed RTF body dropped: {}", e.getMessage());
            }
        }
        for (NamedValue nv : m.namedProperties()) {
            props.add(unicode(nv).resolve(names));
        }
        sentRepresenting(props);
        List<Recipient> recipients = new ArrayList<>();
        for (TnefRecipient r : m.recipients()) {
            recipients.add(recipient(r));
        }
        List<AttachmentContent> attachments = new ArrayList<>();
        for (TnefAttachment a : m.attachments()) {
            attachments.add(attachment(a));
        }
        return new TnefContent(Optional.ofNullable(plain), Optional.ofNullable(html), props, recipients, attachments);
    }

    /** The sender as the From a client shows, when the stream only named the sender (attFrom). */
    private static void sentRepresenting(List<PropValue> props) {
        if (find(props, PropTags.PR_SENT_REPRESENTING_NAME.id()).isPresent()) {
            return;
        }
        copy(props, PropTags.PR_SENDER_NAME, PropTags.PR_SENT_REPRESENTING_NAME);
        copy(props, PropTags.PR_SENDER_ADDRTYPE, PropTags.PR_SENT_REPRESENTING_ADDRTYPE);
        copy(props, PropTags.PR_SENDER_EMAIL_ADDRESS, PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS);
        copy(props, PropTags.PR_SENDER_SMTP_ADDRESS, PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS);
    }

    private static void copy(List<PropValue> props, PropTag from, PropTag to) {
        find(props, from.id()).filter(v -> v.javaValue() instanceof String)
                .ifPresent(v -> props.add(PropValue.of(to, v.javaValue())));
    }

    private static Optional<PropValue> find(List<PropValue> props, int id) {
        return props.stream().filter(v -> v.tag().id() == id).findFirst();
    }

    private static Optional<String> string(List<PropValue> props, int id) {
        return find(props, id).map(PropValue::javaValue).filter(String.class::isInstance).map(String.class::cast);
    }

    private Recipient recipient(TnefRecipient r) {
        List<PropValue> rest = new ArrayList<>();
        for (PropValue v : r.properties()) {
            rest.add(unicode(v));
        }
        RecipientType type = RecipientType.MAPI_TO;
        Optional<PropValue> t = find(rest, PropTags.PR_RECIPIENT_TYPE.id());
        if (t.isPresent() && t.get().javaValue() instanceof Integer code) {
            try {
                type = RecipientType.fromCode(code);
            } catch (MapiException unknown) {
                // an unknown type is read as To, so the recipient is not lost
            }
        }
        String name = string(rest, PropTags.PR_DISPLAY_NAME.id()).orElse("");
        String email = string(rest, PropTags.PR_SMTP_ADDRESS.id())
                .or(() -> string(rest, PropTags.PR_EMAIL_ADDRESS.id())).orElse("");
        rest.removeIf(v -> v.tag().id() == PropTags.PR_RECIPIENT_TYPE.id() || v.tag().id() == PropTags.PR_DISPLAY_NAME.id()
                || STORE_OWNED.contains(v.tag().id()));
        return new Recipient(0, type, name.isEmpty() ? email : name, email, rest);
    }

    private AttachmentContent attachment(TnefAttachment a) {
        List<PropValue> props = new ArrayList<>();
        for (PropValue v : a.properties()) {
            if (!STORE_OWNED.contains(v.tag().id())) {
                props.add(unicode(v));
            }
        }
        for (NamedValue nv : a.namedProperties()) {
            props.add(unicode(nv).resolve(names));
        }
        if (a.embedded().isPresent()) {
            TnefMessage inner = a.embedded().get();
            MessageContent message = content(inner).toMessageContent();
            props.removeIf(v -> v.tag().id() == PropTags.PR_ATTACH_METHOD.id());
            props.add(PropValue.of(PropTags.PR_ATTACH_METHOD, AttachMethod.ATTACH_EMBEDDED_MSG.code()));
            if (string(props, PropTags.PR_DISPLAY_NAME.id()).isEmpty()) {
                String subject = string(message.properties(), PropTags.PR_SUBJECT.id()).orElse("");
                props.add(PropValue.of(PropTags.PR_DISPLAY_NAME, subject.isEmpty() ? "message" : subject));
            }
            return new AttachmentContent.Embedded(props, message);
        }
        Optional<String> name = string(props, PropTags.PR_ATTACH_LONG_FILENAME.id())
                .or(() -> string(props, PropTags.PR_ATTACH_FILENAME.id()))
                .map(n -> n.replaceAll("[\\\\/]", "_").strip()).filter(n -> !n.isEmpty());
        if (name.isPresent()) {
            String n = name.get();
            replace(props, PropTags.PR_ATTACH_LONG_FILENAME, n);
            if (string(props, PropTags.PR_ATTACH_FILENAME.id()).isEmpty()) {
                props.add(PropValue.of(PropTags.PR_ATTACH_FILENAME, n));
            }
            if (string(props, PropTags.PR_DISPLAY_NAME.id()).isEmpty()) {
                props.add(PropValue.of(PropTags.PR_DISPLAY_NAME, n));
            }
            int dot = n.lastIndexOf('.');
            if (dot > 0 && string(props, PropTags.PR_ATTACH_EXTENSION.id()).isEmpty()) {
                props.add(PropValue.of(PropTags.PR_ATTACH_EXTENSION, n.substring(dot)));
            }
        }
        if (string(props, PropTags.PR_ATTACH_MIME_TAG.id()).isEmpty()) {
            props.removeIf(v -> v.tag().id() == PropTags.PR_ATTACH_MIME_TAG.id());
            props.add(PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "application/octet-stream"));
        }
        Spool data = a.data().orElseGet(() -> Spool.ofBytes(new byte[0]));
        return new AttachmentContent.ByValue(props, data);
    }

    private static void replace(List<PropValue> props, PropTag tag, String value) {
        props.removeIf(v -> v.tag().id() == tag.id());
        props.add(PropValue.of(tag, value));
    }

    /** PT_STRING8 values (already decoded with the stream's code page) as PT_UNICODE. */
    private static PropValue unicode(PropValue v) {
        PropType type = v.tag().type();
        if (type == PropType.PT_STRING8) {
            return PropValue.of(v.tag().withType(PropType.PT_UNICODE), v.javaValue());
        }
        if (type == PropType.PT_MV_STRING8) {
            return PropValue.of(v.tag().withType(PropType.PT_MV_UNICODE), v.javaValue());
        }
        return v;
    }

    private static NamedValue unicode(NamedValue nv) {
        PropType type = nv.name().type();
        if (type == PropType.PT_STRING8) {
            return new NamedValue(new NamedPropTag(nv.name().name(), PropType.PT_UNICODE), nv.value());
        }
        if (type == PropType.PT_MV_STRING8) {
            return new NamedValue(new NamedPropTag(nv.name().name(), PropType.PT_MV_UNICODE), nv.value());
        }
        return nv;
    }
}
