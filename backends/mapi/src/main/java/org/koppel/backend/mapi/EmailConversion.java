package org.koppel.backend.mapi;

import static org.koppel.mapi.PropTags.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.backend.Body;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.BodyType;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.EmailAttachment;
import org.koppel.backend.EmailItem;
import org.koppel.backend.EmailUpdate;
import org.koppel.backend.Flag;
import org.koppel.backend.Importance;
import org.koppel.backend.LastVerb;
import org.koppel.backend.MeetingRequest;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoredMessage;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.inetmapi.mime.OriginalMime;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.MessageData;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;

/**
 * MAPI messages to and from the EAS email model: the MS-ASEMAIL fields from properties and recipients, the
 * body in the type the client prefers (MIME through inetmapi's writer), and client changes back to
 * properties ([MS-OXOFLAG] for flags, PS_PUBLIC_STRINGS Keywords for categories).
 */
final class EmailConversion {

    /** Where inetmapi keeps the Reply-To addresses (PR_REPLY_RECIPIENT_NAMES has names only). */
    private static final NamedPropTag REPLY_TO = NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, "reply-to",
            PropType.PT_UNICODE);

    // PidTagLastVerbExecuted values of [MS-OXOMSG] 2.2.1.33.
    private static final int VERB_REPLY_TO_SENDER = 102;
    private static final int VERB_REPLY_TO_ALL = 103;
    private static final int VERB_FORWARD = 104;

    private static final int FLAG_STATUS_COMPLETE = 1;
    private static final int FLAG_STATUS_FLAGGED = 2;

    private final Session session;
    private final NamedTagMap names;

    EmailConversion(Session session, NamedTagMap names) {
        this.session = session;
        this.names = names;
    }

    EmailItem toEmail(MessageData m, List<BodyPreference> preferences) {
        MessageProps p = new MessageProps(m.properties());
        List<EmailAddress> to = new ArrayList<>();
        List<EmailAddress> cc = new ArrayList<>();
        for (Recipient r : m.recipients()) {
            if (r.type() == RecipientType.MAPI_TO) {
                to.add(new EmailAddress(r.displayName(), r.email()));
            } else if (r.type() == RecipientType.MAPI_CC) {
                cc.add(new EmailAddress(r.displayName(), r.email()));
            }
        }
        String fromAddress = p.string(PR_SENT_REPRESENTING_SMTP_ADDRESS);
        if (fromAddress.isEmpty()) {
            fromAddress = p.string(PR_SENT_REPRESENTING_EMAIL_ADDRESS);
        }
        Optional<EmailAddress> from = fromAddress.isEmpty() ? Optional.empty()
                : Optional.of(new EmailAddress(p.string(PR_SENT_REPRESENTING_NAME), fromAddress));
        int flags = p.integer(PR_MESSAGE_FLAGS).orElse(0);
        List<String> categories = p.get(names.find(NamedTags.KEYWORDS))
                .map(v -> ((List<?>) v).stream().map(Object::toString).toList()).orElse(List.of());
        return new EmailItem(to, cc, from, addressList(p.get(names.find(REPLY_TO)).map(Object::toString).orElse("")),
                p.string(PR_SUBJECT), p.time(Optional.of(PR_MESSAGE_DELIVERY_TIME)), p.string(PR_DISPLAY_TO),
                Importance.fromCode(p.integer(PR_IMPORTANCE).orElse(1)), MessageFlags.MSGFLAG_READ.isSet(flags),
                p.string(PR_MESSAGE_CLASS), p.integer(PR_INTERNET_CPID).orElse(65001),
                EmailItem.CONTENT_CLASS_MESSAGE, flag(p), categories, p.binary(PR_CONVERSATION_ID),
                p.binary(PR_CONVERSATION_INDEX), lastVerb(p), p.time(Optional.of(PR_LAST_VERB_EXECUTION_TIME)),
                attachments(m), body(m, p, preferences), meetingRequest(p));
    }

    private Optional<Flag> flag(MessageProps p) {
        int status = p.integer(PR_FLAG_STATUS).orElse(0);
        if (status != FLAG_STATUS_COMPLETE && status != FLAG_STATUS_FLAGGED) {
            return Optional.empty();
        }
        return Optional.of(new Flag(status == FLAG_STATUS_COMPLETE ? Flag.Status.COMPLETE : Flag.Status.ACTIVE,
                p.get(names.find(NamedTags.FLAG_REQUEST)).map(Object::toString).orElse(""),
                p.time(names.find(NamedTags.TASK_START_DATE)), p.time(names.find(NamedTags.TASK_DUE_DATE)),
                p.time(Optional.of(PR_FLAG_COMPLETE_TIME)),
                p.get(names.find(NamedTags.REMINDER_SET)).map(Boolean.TRUE::equals).orElse(false),
                p.time(names.find(NamedTags.REMINDER_TIME))));
    }

    private static Optional<LastVerb> lastVerb(MessageProps p) {
        return p.integer(PR_LAST_VERB_EXECUTED).map(v -> switch (v) {
            case VERB_REPLY_TO_SENDER -> LastVerb.REPLY_TO_SENDER;
            case VERB_REPLY_TO_ALL -> LastVerb.REPLY_TO_ALL;
            case VERB_FORWARD -> LastVerb.FORWARD;
            default -> LastVerb.UNKNOWN;
        });
    }

    private Optional<MeetingRequest> meetingRequest(MessageProps p) {
        if (!p.string(PR_MESSAGE_CLASS).startsWith("IPM.Schedule.Meeting.Request")) {
            return Optional.empty();
        }
        return p.get(names.find(NamedTags.GLOBAL_OBJECT_ID)).filter(byte[].class::isInstance)
                .map(b -> new MeetingRequest((byte[]) b));
    }

    private List<EmailAttachment> attachments(MessageData m) {
        Optional<org.koppel.mapi.PropTag> marker = names.find(OriginalMime.MARKER);
        List<EmailAttachment> out = new ArrayList<>();
        for (AttachmentInfo a : m.attachments()) {
            MessageProps p = new MessageProps(a.properties());
            if (p.get(marker).map(Boolean.TRUE::equals).orElse(false)) {
                continue; // the kept original MIME is the message itself, not an attachment
            }
            String name = p.string(PR_ATTACH_LONG_FILENAME);
            if (name.isEmpty()) {
                name = p.string(PR_ATTACH_FILENAME);
            }
            if (name.isEmpty()) {
                name = p.string(PR_DISPLAY_NAME);
            }
            if (name.isEmpty()) {
                name = "attachment-" + a.attachNum();
            }
            Optional<String> contentId = Optional.of(p.string(PR_ATTACH_CONTENT_ID)).filter(s -> !s.isEmpty());
            boolean hidden = p.get(PR_ATTACHMENT_HIDDEN).map(Boolean.TRUE::equals).orElse(false);
            int method = switch (a.method()) {
                case ATTACH_EMBEDDED_MSG -> 5;
                case ATTACH_OLE -> 6;
                default -> 1;
            };
            out.add(new EmailAttachment(name, Ids.fileReference(m.entryId(), a.attachNum()), method, a.sizeBytes(),
                    contentId, Optional.of(p.string(PR_ATTACH_CONTENT_LOCATION)).filter(s -> !s.isEmpty()),
                    contentId.isPresent() && hidden));
        }
        return out;
    }

    // --- bodies

    private Optional<Body> body(MessageData m, MessageProps p, List<BodyPreference> preferences) {
        if (preferences.isEmpty()) {
            return Optional.empty();
        }
        BodyPreference chosen = choose(preferences, p.get(PR_HTML).isPresent());
        Optional<String> preview = chosen.previewLength() == 0 ? Optional.empty()
                : Optional.of(preview(p.string(PR_BODY), chosen.previewLength()));
        return Optional.of(switch (chosen.type()) {
            case MIME -> mime(m, chosen, preview);
            case HTML -> text(BodyType.HTML, html(p), chosen, preview);
            default -> text(BodyType.PLAIN_TEXT, p.string(PR_BODY), chosen, preview);
        });
    }

    /**
     * MIME when the client asked for it (it asks only when it wants MIME), else HTML when asked and the message
     * has HTML or the client takes no plain text, else plain text; RTF is not offered, plain text stands in.
     */
    private static BodyPreference choose(List<BodyPreference> preferences, boolean hasHtml) {
        Optional<BodyPreference> mime = find(preferences, BodyType.MIME);
        Optional<BodyPreference> html = find(preferences, BodyType.HTML);
        Optional<BodyPreference> plain = find(preferences, BodyType.PLAIN_TEXT);
        if (mime.isPresent()) {
            return mime.get();
        }
        if (html.isPresent() && (hasHtml || plain.isEmpty())) {
            return html.get();
        }
        BodyPreference first = plain.orElse(preferences.get(0));
        return first.type() == BodyType.RTF
                ? new BodyPreference(BodyType.PLAIN_TEXT, first.truncationSize(), first.allOrNone(),
                        first.previewLength())
                : first;
    }

    private static Optional<BodyPreference> find(List<BodyPreference> preferences, BodyType type) {
        return preferences.stream().filter(b -> b.type() == type).findFirst();
    }

    /** Truncation counts UTF-8 bytes (what goes on the wire) and never splits a character. */
    private static Body text(BodyType type, String text, BodyPreference pref, Optional<String> preview) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        long limit = pref.truncationSize().orElse(Long.MAX_VALUE);
        if (utf8.length <= limit) {
            return new Body(type, utf8.length, false, Optional.of(new Body.Text(text)), preview);
        }
        if (pref.allOrNone()) {
            return new Body(type, utf8.length, true, Optional.empty(), preview);
        }
        int end = (int) limit;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return new Body(type, utf8.length, true,
                Optional.of(new Body.Text(new String(utf8, 0, end, StandardCharsets.UTF_8))), preview);
    }

    private static String html(MessageProps p) {
        Optional<byte[]> html = p.binary(PR_HTML);
        if (html.isPresent()) {
            return new String(html.get(), charset(p.integer(PR_INTERNET_CPID).orElse(65001)));
        }
        String text = p.string(PR_BODY).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><body><pre>" + text + "</pre></body></html>";
    }

    static Charset charset(int cpid) {
        String name = switch (cpid) {
            case 65001 -> "UTF-8";
            case 20127 -> "US-ASCII";
            case 28591 -> "ISO-8859-1";
            default -> "windows-" + cpid;
        };
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * The message as MIME (the original as received when the store kept it). With a truncation size only
     * that many bytes are kept while the rest is counted; without one the whole MIME is held in memory.
     */
    private Body mime(MessageData m, BodyPreference pref, Optional<String> preview) {
        long limit = pref.truncationSize().orElse(Integer.MAX_VALUE - 8);
        BoundedCapture capture = new BoundedCapture(pref.allOrNone() ? Integer.MAX_VALUE - 8 : limit);
        try {
            new MimeWriter(names).writeOriginalOrNew(new StoredMessage(session, m.entryId()), capture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean truncated = capture.total() > limit;
        if (truncated && pref.allOrNone()) {
            return new Body(BodyType.MIME, capture.total(), true, Optional.empty(), preview);
        }
        byte[] data = capture.kept();
        return new Body(BodyType.MIME, capture.total(), truncated,
                Optional.of(new Body.Stream(data.length, () -> new ByteArrayInputStream(data))), preview);
    }

    /** The start of the plain text with runs of white space folded, for Preview (MS-ASAIRS 2.2.2.37). */
    static String preview(String body, int length) {
        String folded = body.replaceAll("\\s+", " ").strip();
        return folded.length() <= length ? folded : folded.substring(0, length);
    }

    /** Keeps the first bytes written and counts all of them. */
    private static final class BoundedCapture extends OutputStream {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final long limit;
        private long total;

        BoundedCapture(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            if (total++ < limit) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long room = Math.max(0, limit - total);
            kept.write(b, off, (int) Math.min(room, len));
            total += len;
        }

        long total() {
            return total;
        }

        byte[] kept() {
            return kept.toByteArray();
        }
    }

    // --- client changes and new items

    /** The properties an email update sets; a cleared flag sets the status to none. */
    List<PropValue> updateProperties(EmailUpdate update, Instant now) {
        List<PropValue> out = new ArrayList<>();
        update.flag().ifPresent(f -> {
            switch (f.status()) {
                case CLEARED -> out.add(PropValue.of(PR_FLAG_STATUS, 0));
                case COMPLETE -> {
                    out.add(PropValue.of(PR_FLAG_STATUS, FLAG_STATUS_COMPLETE));
                    out.add(PropValue.of(PR_FLAG_COMPLETE_TIME, f.completeTime().orElse(now)));
                }
                case ACTIVE -> {
                    out.add(PropValue.of(PR_FLAG_STATUS, FLAG_STATUS_FLAGGED));
                    out.add(PropValue.of(names.resolve(NamedTags.FLAG_REQUEST),
                            f.flagType().isEmpty() ? "Follow up" : f.flagType()));
                    f.startDate().ifPresent(d -> out.add(PropValue.of(names.resolve(NamedTags.TASK_START_DATE), d)));
                    f.dueDate().ifPresent(d -> out.add(PropValue.of(names.resolve(NamedTags.TASK_DUE_DATE), d)));
                    out.add(PropValue.of(names.resolve(NamedTags.REMINDER_SET), f.reminderSet()));
                    f.reminderTime().ifPresent(d -> out.add(PropValue.of(names.resolve(NamedTags.REMINDER_TIME), d)));
                }
            }
        });
        update.categories().ifPresent(c -> out.add(PropValue.of(names.resolve(NamedTags.KEYWORDS), c)));
        return out;
    }

    /** A client's new item (a draft) as a message to save. */
    MessageContent newMessage(EmailItem item, Instant now) {
        List<PropValue> props = new ArrayList<>();
        props.add(PropValue.of(PR_MESSAGE_CLASS, item.messageClass()));
        props.add(PropValue.of(PR_SUBJECT, item.subject()));
        props.add(PropValue.of(PR_IMPORTANCE, item.importance().code()));
        props.add(PropValue.of(PR_MESSAGE_FLAGS, item.read() ? MessageFlags.MSGFLAG_READ.value() : 0));
        props.add(PropValue.of(PR_MESSAGE_DELIVERY_TIME, item.dateReceived().orElse(now)));
        item.body().flatMap(Body::data).ifPresent(d -> {
            if (d instanceof Body.Text t) {
                if (item.body().get().type() == BodyType.HTML) {
                    props.add(PropValue.of(PR_HTML, t.text().getBytes(StandardCharsets.UTF_8)));
                    props.add(PropValue.of(PR_INTERNET_CPID, 65001));
                } else {
                    props.add(PropValue.of(PR_BODY, t.text()));
                }
            }
        });
        if (!item.categories().isEmpty()) {
            props.add(PropValue.of(names.resolve(NamedTags.KEYWORDS), item.categories()));
        }
        List<Recipient> recipients = new ArrayList<>();
        item.to().forEach(a -> recipients.add(Recipient.of(RecipientType.MAPI_TO, a.name(), a.address())));
        item.cc().forEach(a -> recipients.add(Recipient.of(RecipientType.MAPI_CC, a.name(), a.address())));
        return new MessageContent(props, recipients, List.of(), false);
    }

    /** An RFC 5322 address list as inetmapi keeps it ("Name <a@b>, c@d"), split at commas outside quotes. */
    static List<EmailAddress> addressList(String text) {
        List<EmailAddress> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : (text + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String one = cur.toString().strip();
                cur.setLength(0);
                if (one.isEmpty()) {
                    continue;
                }
                int lt = one.lastIndexOf('<');
                int gt = one.lastIndexOf('>');
                if (lt >= 0 && gt > lt) {
                    out.add(new EmailAddress(one.substring(0, lt).strip().replace("\"", ""), one.substring(lt + 1, gt)));
                } else {
                    out.add(EmailAddress.of(one));
                }
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    static boolean isByValue(AttachmentInfo a) {
        return a.method() == AttachMethod.ATTACH_BY_VALUE;
    }
}
