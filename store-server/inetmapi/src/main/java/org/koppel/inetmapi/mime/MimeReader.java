package org.koppel.inetmapi.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;
import org.koppel.inetmapi.AddressBook;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.tnef.TnefContent;
import org.koppel.inetmapi.tnef.TnefException;
import org.koppel.inetmapi.tnef.TnefLimits;
import org.koppel.inetmapi.tnef.TnefMessage;
import org.koppel.inetmapi.tnef.TnefReader;
import org.koppel.inetmapi.Spool;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 5322 / MIME to a MAPI message (IPM.Note), with Apache mime4j's streaming parser: each part's body
 * is decoded and spooled as it passes, so memory stays bounded whatever the message's size. A message
 * that cannot be converted (nested past the limit, broken beyond repair) becomes a fallback message that
 * carries the original as an attachment: nothing is lost, nothing throws.
 */
public final class MimeReader {

    private static final Logger LOG = LoggerFactory.getLogger(MimeReader.class);

    /** Headers kept as PS_INTERNET_HEADERS named properties besides those mapped to MAPI properties. */
    public static final List<String> DEFAULT_KEPT_HEADERS = List.of("List-Id", "List-Unsubscribe", "List-Post",
            "List-Help", "List-Archive", "X-Spam-Status", "X-Spam-Flag", "X-Spam-Score", "X-Mailer",
            "Auto-Submitted", "Precedence", "X-Auto-Response-Suppress");

    private static final int MAX_BODY_CHARS = 32 << 20;

    /** The Reply-To addresses, as an address list (names and addresses, decoded). */
    static final NamedPropTag REPLY_TO = NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, "reply-to",
            PropType.PT_UNICODE);

    private final MimeLimits limits;
    private final NamedTagMap names;
    private final List<String> keptHeaders;
    private final AddressBook addressBook;
    private final boolean keepOriginal;

    /**
     * @param keptHeaders the headers kept as PS_INTERNET_HEADERS named properties
     * @param addressBook local users, whose names and primary addresses replace what the mail says
     */
    public MimeReader(MimeLimits limits, NamedTagMap names, List<String> keptHeaders, AddressBook addressBook) {
        this(limits, names, keptHeaders, addressBook, false);
    }

    private MimeReader(MimeLimits limits, NamedTagMap names, List<String> keptHeaders, AddressBook addressBook,
            boolean keepOriginal) {
        this.keepOriginal = keepOriginal;
        this.limits = limits;
        this.names = names;
        this.keptHeaders = List.copyOf(keptHeaders);
        this.addressBook = addressBook;
    }

    /**
     * The longest text body kept as PR_BODY: the store refuses a property above 8 MiB (its default
     * max_property_size), and PR_BODY counts two bytes a character. A longer text is cut here with a note, so a
     * message with a huge plain-text body is still delivered or appended; with the original kept
     * ({@link #keepingOriginal}) IMAP, POP3 and MIME clients still get every byte of it.
     */
    static final int MAX_PR_BODY_CHARS = 3 << 20;
    /** The largest HTML body kept as PR_HTML; a larger one is left to the plain text (and the kept original). */
    static final int MAX_HTML_BYTES = 6 << 20;

    private static String bounded(String body) {
        if (body.length() <= MAX_PR_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_PR_BODY_CHARS) + "\r\n\r\n[The text is longer than "
                + (MAX_PR_BODY_CHARS >> 20) + "M characters and was cut here; the original message is complete.]\r\n";
    }

    public MimeReader(NamedTagMap names) {
        this(MimeLimits.defaults(), names, DEFAULT_KEPT_HEADERS, AddressBook.NONE);
    }

    /**
     * The same reader, keeping the message as received with the converted one ({@link OriginalMime}): what
     * delivery does, so IMAP can return it byte-exact.
     */
    public MimeReader keepingOriginal() {
        return new MimeReader(limits, names, keptHeaders, addressBook, true);
    }

    /** Converts a message; {@code received} is its delivery time. */
    public ConvertedMessage read(InputStream mime, Instant received) throws IOException {
        Spool original = Spool.of(mime, limits.memoryThreshold(), limits.tempDir(), limits.maxPartBytes());
        MimeTreeBuilder builder = new MimeTreeBuilder(limits);
        try {
            MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(limits.maxHeaderBytes())
                    .setMaxHeaderCount(10_000).setMaxContentLen(-1).setStrictParsing(false).build();
            MimeStreamParser parser = new MimeStreamParser(config);
            parser.setContentDecoding(true);
            parser.setRecurse();
            parser.setContentHandler(builder);
            try (InputStream in = original.open()) {
                parser.parse(in);
            }
            MimePart root = builder.root();
            if (root == null) {
                throw new MimeException("no message");
            }
            List<AutoCloseable> resources = new ArrayList<>();
            return new ConvertedMessage(message(root, received, original, resources), original, root, false,
                    resources);
        } catch (MimeException | IOException | RuntimeException e) {
            if (builder.root() != null) {
                builder.root().close();
            }
            if (e instanceof MapiException me) {
                throw me;
            }
            LOG.info("MIME message not converted ({}); delivering it as an attachment", e.getMessage());
            return new ConvertedMessage(fallback(original, received, e.getMessage()), original, null, true, List.of());
        }
    }

    /** Kopano's fallback: a note saying what happened, the original attached as message.eml. */
    private MessageContent fallback(Spool original, Instant received, String reason) throws IOException {
        String subject = "(message could not be read)";
        try (InputStream in = original.open()) {
            String head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^Subject:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)")
                    .matcher(head);
            if (m.find()) {
                subject = DecoderUtil.decodeEncodedWords(m.group(1).replaceAll("\\r?\\n[ \\t]", " ").strip(),
                        DecodeMonitor.SILENT);
            }
        }
        List<PropValue> props = new ArrayList<>();
        props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"));
        props.add(PropValue.of(PropTags.PR_SUBJECT, subject));
        props.add(PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, received));
        props.add(PropValue.of(PropTags.PR_BODY, "This message could not be converted (" + reason
                + "). The original is attached unchanged."));
        AttachmentContent attachment = new AttachmentContent.ByValue(List.of(
                PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, "message.eml"),
                PropValue.of(PropTags.PR_ATTACH_FILENAME, "message.eml"),
                PropValue.of(PropTags.PR_DISPLAY_NAME, "message.eml"),
                PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "message/rfc822"),
                PropValue.of(PropTags.PR_ATTACH_EXTENSION, ".eml")), original);
        return new MessageContent(props, List.of(), List.of(attachment), false);
    }

    // ---- the message and its headers

    private MessageContent message(MimePart root, Instant received, Spool original, List<AutoCloseable> resources)
            throws IOException {
        List<PropValue> props = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        List<AttachmentContent> attachments = new ArrayList<>();
        headers(root, props, recipients, received);
        Bodies bodies = new Bodies(resources);
        if (root.is("multipart/signed")) {
            props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note.SMIME.MultipartSigned"));
            if (!root.children.isEmpty()) {
                walk(root.children.get(0), bodies, attachments, false);
            }
            // The signed message as it came, so the signature still verifies when it is read or sent on.
            attachments.add(new AttachmentContent.ByValue(List.of(
                    PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, "smime.p7m"),
                    PropValue.of(PropTags.PR_ATTACH_FILENAME, "smime.p7m"),
                    PropValue.of(PropTags.PR_DISPLAY_NAME, "smime.p7m"),
                    PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "multipart/signed")), original));
        } else if (root.is("application/pkcs7-mime") || root.is("application/x-pkcs7-mime")) {
            props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note.SMIME"));
            attachments.add(attachment(root, Optional.of("smime.p7m")));
        } else {
            props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"));
            walk(root, bodies, attachments, false);
        }
        bodies.into(props);
        if (keepOriginal) {
            attachments.add(OriginalMime.attachment(original, names));
        }
        return new MessageContent(props, recipients, attachments, false);
    }

    private void headers(MimePart m, List<PropValue> props, List<Recipient> recipients, Instant received) {
        String subject = m.header("Subject").map(MimeReader::decode).orElse("");
        props.add(PropValue.of(PropTags.PR_SUBJECT, subject));
        props.addAll(ConversationProperties.of(subject, m.header("Thread-Topic").map(MimeReader::decode),
                m.header("Thread-Index")));
        if (received != null) {
            props.add(PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, received));
        }
        m.header("Date").flatMap(MimeReader::date).ifPresent(d -> {
            props.add(PropValue.of(PropTags.PR_CLIENT_SUBMIT_TIME, d));
            if (received == null) {
                props.add(PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, d));
            }
        });
        m.header("Message-ID").ifPresent(v -> props.add(PropValue.of(PropTags.PR_INTERNET_MESSAGE_ID, v)));
        m.header("In-Reply-To").ifPresent(v -> props.add(PropValue.of(PropTags.PR_IN_REPLY_TO_ID, v)));
        m.header("References").ifPresent(v -> props.add(PropValue.of(PropTags.PR_INTERNET_REFERENCES, v)));
        importance(m).ifPresent(i -> props.add(PropValue.of(PropTags.PR_IMPORTANCE, i)));
        m.header("Sensitivity").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "personal" -> 1;
            case "private" -> 2;
            case "company-confidential" -> 3;
            default -> 0;
        }).ifPresent(s -> props.add(PropValue.of(PropTags.PR_SENSITIVITY, s)));
        if (m.field("Disposition-Notification-To").isPresent()) {
            props.add(PropValue.of(PropTags.PR_READ_RECEIPT_REQUESTED, true));
        }
        if (m.field("Return-Receipt-To").isPresent()) {
            props.add(PropValue.of(PropTags.PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED, true));
        }
        StringBuilder transport = new StringBuilder();
        m.fields.forEach(f -> transport.append(f.getName()).append(": ").append(f.getBody()).append("\r\n"));
        props.add(PropValue.of(PropTags.PR_TRANSPORT_MESSAGE_HEADERS, transport.toString()));
        for (String kept : keptHeaders) {
            m.header(kept).ifPresent(v -> props.add(PropValue.of(names.resolve(NamedPropTag.byName(
                    PropertySets.PS_INTERNET_HEADERS, kept.toLowerCase(Locale.ROOT), PropType.PT_UNICODE)), decode(v))));
        }
        List<Mailbox> from = mailboxes(m.header("From"));
        List<Mailbox> sender = mailboxes(m.header("Sender"));
        if (!from.isEmpty()) {
            sender(props, from.get(0), true);
        }
        Mailbox actual = !sender.isEmpty() ? sender.get(0) : from.isEmpty() ? null : from.get(0);
        if (actual != null) {
            sender(props, actual, false);
        }
        List<Mailbox> replyTo = mailboxes(m.header("Reply-To"));
        if (!replyTo.isEmpty()) {
            props.add(PropValue.of(PropTags.PR_REPLY_RECIPIENT_NAMES,
                    String.join("; ", replyTo.stream().map(MimeReader::display).toList())));
            // The addresses too (PR_REPLY_RECIPIENT_NAMES has names only), so Reply-To goes back out.
            props.add(PropValue.of(names.resolve(REPLY_TO), String.join(", ", replyTo.stream()
                    .map(mb -> mb.getName() == null || mb.getName().isBlank() ? mb.getAddress()
                            : "\"" + mb.getName().replace("\"", "'") + "\" <" + mb.getAddress() + ">").toList())));
        }
        for (String h : List.of("To", "Cc", "Bcc")) {
            RecipientType type = switch (h) {
                case "To" -> RecipientType.MAPI_TO;
                case "Cc" -> RecipientType.MAPI_CC;
                default -> RecipientType.MAPI_BCC;
            };
            for (Mailbox mb : mailboxes(m.header(h))) {
                recipients.add(Recipient.of(type, display(mb), mb.getAddress()));
            }
        }
    }

    private static void sender(List<PropValue> props, Mailbox mb, boolean representing) {
        if (representing) {
            props.add(PropValue.of(PropTags.PR_SENT_REPRESENTING_NAME, display(mb)));
            props.add(PropValue.of(PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS, mb.getAddress()));
            props.add(PropValue.of(PropTags.PR_SENT_REPRESENTING_ADDRTYPE, "SMTP"));
            props.add(PropValue.of(PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS, mb.getAddress()));
        } else {
            props.add(PropValue.of(PropTags.PR_SENDER_NAME, display(mb)));
            props.add(PropValue.of(PropTags.PR_SENDER_EMAIL_ADDRESS, mb.getAddress()));
            props.add(PropValue.of(PropTags.PR_SENDER_ADDRTYPE, "SMTP"));
            props.add(PropValue.of(PropTags.PR_SENDER_SMTP_ADDRESS, mb.getAddress()));
        }
    }

    private static String display(Mailbox mb) {
        return mb.getName() == null || mb.getName().isBlank() ? mb.getAddress() : mb.getName();
    }

    private List<Mailbox> mailboxes(Optional<String> header) {
        List<Mailbox> out = new ArrayList<>();
        if (header.isEmpty() || header.get().isBlank()) {
            return out;
        }
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(header.get());
        for (Address a : list) {
            if (a instanceof Mailbox mb) {
                out.add(decoded(mb));
            } else if (a instanceof Group g) {
                g.getMailboxes().forEach(mb -> out.add(decoded(mb)));
            }
        }
        out.removeIf(mb -> mb.getAddress() == null || mb.getAddress().isBlank());
        List<Mailbox> resolved = new ArrayList<>(out.size());
        for (Mailbox mb : out) {
            resolved.add(addressBook.resolve(mb.getAddress()).filter(u -> u.email() != null && u.email().contains("@"))
                    .map(u -> {
                        int at = u.email().lastIndexOf('@');
                        String name = u.fullName() == null || u.fullName().isBlank() ? mb.getName() : u.fullName();
                        return new Mailbox(name, u.email().substring(0, at), u.email().substring(at + 1));
                    }).orElse(mb));
        }
        return resolved;
    }

    private static Mailbox decoded(Mailbox mb) {
        return mb.getName() == null ? mb : new Mailbox(decode(mb.getName()), mb.getLocalPart(), mb.getDomain());
    }

    private static Optional<Integer> importance(MimePart m) {
        Optional<String> imp = m.header("Importance").map(v -> v.toLowerCase(Locale.ROOT));
        if (imp.isPresent()) {
            return Optional.of(imp.get().startsWith("high") ? 2 : imp.get().startsWith("low") ? 0 : 1);
        }
        Optional<String> xp = m.header("X-Priority");
        if (xp.isPresent() && !xp.get().isEmpty()) {
            char c = xp.get().charAt(0);
            return Optional.of(c == '1' || c == '2' ? 2 : c == '4' || c == '5' ? 0 : 1);
        }
        return m.header("Priority").map(v -> v.toLowerCase(Locale.ROOT))
                .map(v -> v.equals("urgent") ? 2 : v.equals("non-urgent") ? 0 : 1);
    }

    static String decode(String header) {
        return DecoderUtil.decodeEncodedWords(header, DecodeMonitor.SILENT);
    }

    private static Optional<Instant> date(String value) {
        return MailDate.parse(value);
    }

    // ---- bodies and attachments

    /** The text bodies found while walking the tree, and what else the walk found. */
    private static final class Bodies {
        String plain;
        String html;
        /** Decoded winmail.dat parts, whose attachment data stays spooled until the message is closed. */
        final List<AutoCloseable> resources;

        Bodies(List<AutoCloseable> resources) {
            this.resources = resources;
        }
        /** The meeting a text/calendar part with a METHOD carried (iMIP), if any. */
        Imip.Meeting meeting;
        /** Message properties a TNEF part carried (the MIME headers win where both say something). */
        final List<PropValue> tnefProperties = new ArrayList<>();

        void into(List<PropValue> props) {
            java.util.Set<org.koppel.mapi.PropTag> have = new java.util.HashSet<>();
            props.forEach(v -> have.add(v.tag()));
            for (PropValue v : tnefProperties) {
                if (!have.contains(v.tag()) && !v.tag().equals(PropTags.PR_MESSAGE_CLASS)) {
                    props.add(v);
                    have.add(v.tag());
                }
            }
            if (meeting != null) {
                props.removeIf(v -> v.tag().equals(PropTags.PR_MESSAGE_CLASS));
                props.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, meeting.messageClass()));
                have.add(PropTags.PR_MESSAGE_CLASS);
                for (PropValue v : meeting.properties()) {
                    if (!have.contains(v.tag()) && !v.tag().equals(PropTags.PR_BODY)) {
                        props.add(v);
                        have.add(v.tag());
                    }
                }
            }
            if (plain != null) {
                props.add(PropValue.of(PropTags.PR_BODY, bounded(plain)));
            } else if (html != null) {
                props.add(PropValue.of(PropTags.PR_BODY, bounded(BodyText.htmlToText(html))));
            }
            if (html != null) {
                byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
                if (bytes.length <= MAX_HTML_BYTES) {
                    props.add(PropValue.of(PropTags.PR_HTML, bytes));
                }
                props.add(PropValue.of(PropTags.PR_INTERNET_CPID, 65001));
            }
        }
    }

    private void walk(MimePart p, Bodies bodies, List<AttachmentContent> attachments, boolean inRelated)
            throws IOException {
        Optional<String> disposition = p.header("Content-Disposition").map(HeaderParameters::value);
        boolean attachment = disposition.map(d -> d.equals("attachment")).orElse(false);
        if (p.is("multipart/alternative")) {
            boolean took = false;
            for (MimePart c : p.children) {
                if (c.is("text/plain") && bodies.plain == null) {
                    bodies.plain = text(c);
                    took = true;
                } else if (c.is("text/html") && bodies.html == null) {
                    bodies.html = text(c);
                    took = true;
                } else if (c.is("text/calendar") && bodies.meeting == null && meeting(c, bodies)) {
                    took = true;
                } else if (c.is("multipart/related") || c.is("multipart/mixed")) {
                    walk(c, bodies, attachments, false);
                    took = true;
                } else {
                    attachments.add(attachment(c, Optional.empty()));
                }
            }
            if (!took && !p.children.isEmpty()) {
                walk(p.children.get(p.children.size() - 1), bodies, attachments, false);
            }
        } else if (p.is("multipart/related")) {
            for (int i = 0; i < p.children.size(); i++) {
                MimePart c = p.children.get(i);
                if (i == 0) {
                    walk(c, bodies, attachments, false);
                } else {
                    attachments.add(inline(attachment(c, Optional.empty()), c));
                }
            }
        } else if (p.isMultipart()) {
            for (MimePart c : p.children) {
                walk(c, bodies, attachments, false);
            }
        } else if (p.embedded != null) {
            attachments.add(embedded(p, bodies.resources));
        } else if (!attachment && p.is("text/plain") && bodies.plain == null && bodies.html == null) {
            bodies.plain = text(p);
        } else if (!attachment && p.is("text/html") && bodies.html == null && bodies.plain == null) {
            bodies.html = text(p);
        } else if (p.body != null && isTnef(p) && tnef(p, bodies, attachments)) {
            return;
        } else if (p.body != null && p.is("text/calendar") && bodies.meeting == null && meeting(p, bodies)) {
            return;
        } else if (p.body != null) {
            attachments.add(attachment(p, Optional.empty()));
        }
    }

    /** A text/calendar part with a METHOD: the message is a meeting request, cancellation or reply. */
    private boolean meeting(MimePart p, Bodies bodies) throws IOException {
        Map<String, String> params = p.header("Content-Type").map(HeaderParameters::parse).orElse(Map.of());
        Optional<Imip.Meeting> meeting = Imip.read(p.body.readAll(MAX_BODY_CHARS), params.get("method"), names);
        meeting.ifPresent(m -> bodies.meeting = m);
        return meeting.isPresent();
    }

    private static boolean isTnef(MimePart p) {
        if (p.is("application/ms-tnef") || p.is("application/vnd.ms-tnef")) {
            return true;
        }
        String name = p.header("Content-Disposition").map(HeaderParameters::parse).map(m -> m.get("filename"))
                .or(() -> p.header("Content-Type").map(HeaderParameters::parse).map(m -> m.get("name"))).orElse("");
        return name.equalsIgnoreCase("winmail.dat");
    }

    /**
     * Decodes a winmail.dat into the message: its bodies where the MIME had none (or only Outlook's
     * plain-text stub beside it), its attachments and its properties. False when it cannot be decoded: the
     * caller keeps it as an ordinary attachment, so nothing is lost.
     */
    private boolean tnef(MimePart p, Bodies bodies, List<AttachmentContent> attachments) throws IOException {
        TnefMessage message;
        try (InputStream in = p.body.open()) {
            message = new TnefReader(TnefLimits.defaults().withTempDir(limits.tempDir())).read(in);
        } catch (TnefException e) {
            LOG.info("winmail.dat not decoded ({}); kept as an attachment", e.getMessage());
            return false;
        }
        bodies.resources.add(message);
        TnefContent content = message.toContent(names);
        if (content.htmlBody().isPresent()) {
            bodies.html = content.htmlBody().get();
            if (content.plainBody().isPresent()) {
                bodies.plain = content.plainBody().get();
            }
        } else if (content.plainBody().isPresent() && (bodies.plain == null || bodies.plain.isBlank())) {
            bodies.plain = content.plainBody().get();
        }
        attachments.addAll(content.attachments());
        bodies.tnefProperties.addAll(content.properties());
        return true;
    }

    private String text(MimePart p) throws IOException {
        if (p.body == null) {
            return "";
        }
        byte[] bytes = p.body.readAll(MAX_BODY_CHARS);
        Map<String, String> params = p.header("Content-Type").map(HeaderParameters::parse).orElse(Map.of());
        String text = BodyText.decode(bytes, params.getOrDefault("charset", p.charset)).text();
        if (p.is("text/plain") && "flowed".equalsIgnoreCase(params.getOrDefault("format", ""))) {
            text = BodyText.unflow(text, "yes".equalsIgnoreCase(params.getOrDefault("delsp", "")));
        }
        return text;
    }

    private AttachmentContent attachment(MimePart p, Optional<String> forcedName) throws IOException {
        List<PropValue> props = new ArrayList<>();
        Map<String, String> disposition = p.header("Content-Disposition").map(HeaderParameters::parse)
                .orElse(Map.of());
        Map<String, String> type = p.header("Content-Type").map(HeaderParameters::parse).orElse(Map.of());
        String name = forcedName.orElseGet(() -> Optional.ofNullable(disposition.get("filename"))
                .or(() -> Optional.ofNullable(type.get("name"))).orElse(""));
        name = name.replaceAll("[\\\\/]", "_").strip();
        if (!name.isEmpty()) {
            props.add(PropValue.of(PropTags.PR_ATTACH_LONG_FILENAME, name));
            props.add(PropValue.of(PropTags.PR_ATTACH_FILENAME, name));
            props.add(PropValue.of(PropTags.PR_DISPLAY_NAME, name));
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                props.add(PropValue.of(PropTags.PR_ATTACH_EXTENSION, name.substring(dot)));
            }
        }
        props.add(PropValue.of(PropTags.PR_ATTACH_MIME_TAG, p.mimeType));
        p.header("Content-ID").map(id -> id.replaceAll("^<|>$", "")).filter(id -> !id.isEmpty())
                .ifPresent(id -> props.add(PropValue.of(PropTags.PR_ATTACH_CONTENT_ID, id)));
        p.header("Content-Location").ifPresent(l -> props.add(PropValue.of(PropTags.PR_ATTACH_CONTENT_LOCATION, l)));
        Spool data = p.body != null ? p.body : Spool.ofBytes(new byte[0]);
        return new AttachmentContent.ByValue(props, data);
    }

    /** An image or other part a multipart/related HTML body refers to: hidden, and marked as referenced. */
    private static AttachmentContent inline(AttachmentContent a, MimePart p) {
        if (p.header("Content-ID").isEmpty() && p.header("Content-Location").isEmpty()) {
            return a;
        }
        List<PropValue> props = new ArrayList<>(a.properties());
        props.add(PropValue.of(PropTags.PR_ATTACHMENT_HIDDEN, true));
        props.add(PropValue.of(PropTags.PR_ATTACH_FLAGS, 4)); // ATT_MHTML_REF
        return new AttachmentContent.ByValue(props, ((AttachmentContent.ByValue) a).data());
    }

    private AttachmentContent embedded(MimePart holder, List<AutoCloseable> resources) throws IOException {
        MimePart m = holder.embedded;
        List<PropValue> mprops = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        List<AttachmentContent> attachments = new ArrayList<>();
        headers(m, mprops, recipients, null);
        mprops.add(PropValue.of(PropTags.PR_MESSAGE_CLASS, "IPM.Note"));
        Bodies bodies = new Bodies(resources);
        walk(m, bodies, attachments, false);
        bodies.into(mprops);
        String subject = m.header("Subject").map(MimeReader::decode).orElse("");
        List<PropValue> aprops = new ArrayList<>();
        aprops.add(PropValue.of(PropTags.PR_DISPLAY_NAME, subject.isEmpty() ? "message" : subject));
        aprops.add(PropValue.of(PropTags.PR_ATTACH_MIME_TAG, "message/rfc822"));
        return new AttachmentContent.Embedded(aprops, new MessageContent(mprops, recipients, attachments, false));
    }
}
