package org.koppel.inetmapi.mime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.james.mime4j.util.MimeUtil;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.Recipient;

/**
 * A MAPI message to RFC 5322 / MIME, written as a stream: the best body (plain, HTML, or both as
 * multipart/alternative), inline images beside the HTML in multipart/related, attachments and embedded
 * messages in multipart/mixed, and headers from the message's properties. Text goes out as UTF-8 when it
 * is not ASCII, quoted-printable when a line is too long or 8-bit, attachments as base64 streamed from
 * their source: a 50 MB attachment never sits in memory. An S/MIME signed message is written exactly as
 * it was received, so its signature still verifies.
 */
public final class MimeWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    private final NamedTagMap names;
    private final List<String> keptHeaders;
    private final boolean includeBcc;
    private final String domain;

    /**
     * @param keptHeaders the Internet headers kept as named properties that are written back
     * @param includeBcc  write a Bcc header (for the sender's copy; never for what goes to an MTA)
     * @param domain      the right-hand side of generated Message-IDs
     */
    public MimeWriter(NamedTagMap names, List<String> keptHeaders, boolean includeBcc, String domain) {
        this.names = names;
        this.keptHeaders = List.copyOf(keptHeaders);
        this.includeBcc = includeBcc;
        this.domain = domain;
    }

    public MimeWriter(NamedTagMap names) {
        this(names, MimeReader.DEFAULT_KEPT_HEADERS, false, "koppel.invalid");
    }

    public void write(MapiMessage message, OutputStream target) throws IOException {
        OutputStream out = target instanceof BufferedOutputStream ? target : new BufferedOutputStream(target, 16384);
        writeMessage(message, out, Boundaries.of(message));
        out.flush();
    }

    /**
     * Writes the message as it was received when it kept its original ({@link OriginalMime}), byte for byte;
     * otherwise as {@link #write} does.
     */
    public void writeOriginalOrNew(MapiMessage message, OutputStream target) throws IOException {
        Optional<MapiMessage.Attachment> original = OriginalMime.of(message, names);
        if (original.isEmpty()) {
            write(message, target);
            return;
        }
        try (InputStream in = original.get().open()) {
            in.transferTo(target);
        }
        target.flush();
    }

    private void writeMessage(MapiMessage m, OutputStream out, Boundaries bs) throws IOException {
        Optional<MapiMessage.Attachment> signed = string(m, PropTags.PR_MESSAGE_CLASS)
                .filter(c -> c.regionMatches(true, 0, "IPM.Note.SMIME.MultipartSigned", 0, 30))
                .flatMap(c -> m.attachments().stream().filter(a -> a.property(PropTags.PR_ATTACH_MIME_TAG)
                        .map(v -> "multipart/signed".equalsIgnoreCase(String.valueOf(v.javaValue()))).orElse(false))
                        .findFirst());
        if (signed.isPresent()) {
            try (InputStream in = signed.get().open()) {
                in.transferTo(out);
            }
            return;
        }
        Optional<MapiMessage.Attachment> enveloped = string(m, PropTags.PR_MESSAGE_CLASS)
                .filter(c -> c.equalsIgnoreCase("IPM.Note.SMIME") || c.regionMatches(true, 0, "IPM.Note.SMIME.", 0, 15))
                .flatMap(c -> m.attachments().stream().filter(a -> a.property(PropTags.PR_ATTACH_MIME_TAG)
                        .map(v -> String.valueOf(v.javaValue()).toLowerCase(Locale.ROOT).contains("pkcs7-mime"))
                        .orElse(false)).findFirst());
        headers(m, out, bs);
        header(out, "MIME-Version", "1.0");
        if (enveloped.isPresent()) {
            // An encrypted (or opaque-signed) message is its PKCS #7 object, as it came: the recipient's
            // client decrypts it.
            header(out, "Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"");
            header(out, "Content-Disposition", "attachment; filename=\"smime.p7m\"");
            header(out, "Content-Transfer-Encoding", "base64");
            out.write(CRLF);
            OutputStream b64 = Base64.getMimeEncoder(76, CRLF).wrap(new NonClosing(out));
            try (InputStream in = enveloped.get().open()) {
                in.transferTo(b64);
            }
            b64.close();
            out.write(CRLF);
            return;
        }
        body(m, out, bs);
    }

    // ---- headers

    private void headers(MapiMessage m, OutputStream out, Boundaries bs) throws IOException {
        header(out, "Date", DATE.format(ZonedDateTime.ofInstant(bs.date(m), ZoneId.of("UTC"))));
        Optional<String> fromAddress = string(m, PropTags.PR_SENT_REPRESENTING_SMTP_ADDRESS)
                .or(() -> string(m, PropTags.PR_SENT_REPRESENTING_EMAIL_ADDRESS));
        Optional<String> senderAddress = string(m, PropTags.PR_SENDER_SMTP_ADDRESS)
                .or(() -> string(m, PropTags.PR_SENDER_EMAIL_ADDRESS));
        if (fromAddress.isPresent()) {
            address(out, "From", List.of(mailbox(string(m, PropTags.PR_SENT_REPRESENTING_NAME), fromAddress.get())));
            if (senderAddress.isPresent() && !senderAddress.get().equalsIgnoreCase(fromAddress.get())) {
                // Sent on behalf: From is whom it is for, Sender who sent it.
                address(out, "Sender", List.of(mailbox(string(m, PropTags.PR_SENDER_NAME), senderAddress.get())));
            }
        } else if (senderAddress.isPresent()) {
            address(out, "From", List.of(mailbox(string(m, PropTags.PR_SENDER_NAME), senderAddress.get())));
        }
        for (RecipientType type : List.of(RecipientType.MAPI_TO, RecipientType.MAPI_CC, RecipientType.MAPI_BCC)) {
            if (type == RecipientType.MAPI_BCC && !includeBcc) {
                continue;
            }
            List<String> list = new ArrayList<>();
            for (Recipient r : m.recipients()) {
                if (r.type() == type && r.email() != null && !r.email().isBlank()) {
                    list.add(mailbox(Optional.of(r.displayName()), r.email()));
                }
            }
            if (!list.isEmpty()) {
                address(out, type == RecipientType.MAPI_TO ? "To" : type == RecipientType.MAPI_CC ? "Cc" : "Bcc", list);
            }
        }
        names.find(MimeReader.REPLY_TO).flatMap(t -> string(m, t)).ifPresent(list -> {
            List<String> replyTo = new ArrayList<>();
            for (org.apache.james.mime4j.dom.address.Address a
                    : org.apache.james.mime4j.field.address.LenientAddressParser.DEFAULT.parseAddressList(list)) {
                if (a instanceof org.apache.james.mime4j.dom.address.Mailbox mb && mb.getAddress() != null
                        && !mb.getAddress().isBlank()) {
                    replyTo.add(mailbox(Optional.ofNullable(mb.getName()), mb.getAddress()));
                }
            }
            if (!replyTo.isEmpty()) {
                address(out, "Reply-To", replyTo);
            }
        });
        String subject = string(m, PropTags.PR_SUBJECT).orElse("");
        header(out, "Subject", EncoderUtil.encodeIfNecessary(subject, EncoderUtil.Usage.TEXT_TOKEN, 9));
        header(out, "Message-ID", string(m, PropTags.PR_INTERNET_MESSAGE_ID)
                .orElseGet(() -> bs.messageId(domain)));
        string(m, PropTags.PR_IN_REPLY_TO_ID).ifPresent(v -> header(out, "In-Reply-To", v));
        string(m, PropTags.PR_INTERNET_REFERENCES).ifPresent(v -> header(out, "References", v));
        integer(m, PropTags.PR_IMPORTANCE).filter(i -> i != 1).ifPresent(i -> {
            header(out, "Importance", i == 2 ? "high" : "low");
            header(out, "X-Priority", i == 2 ? "1 (Highest)" : "5 (Lowest)");
        });
        integer(m, PropTags.PR_SENSITIVITY).filter(s -> s > 0 && s <= 3).ifPresent(s -> header(out, "Sensitivity",
                s == 1 ? "Personal" : s == 2 ? "Private" : "Company-Confidential"));
        if (bool(m, PropTags.PR_READ_RECEIPT_REQUESTED) && fromAddress.isPresent()) {
            header(out, "Disposition-Notification-To", "<" + fromAddress.get() + ">");
        }
        if (bool(m, PropTags.PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED) && fromAddress.isPresent()) {
            header(out, "Return-Receipt-To", "<" + fromAddress.get() + ">");
        }
        for (String kept : keptHeaders) {
            names.find(NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS, kept.toLowerCase(Locale.ROOT),
                    PropType.PT_UNICODE)).flatMap(t -> string(m, t))
                    .ifPresent(v -> header(out, kept, EncoderUtil.encodeIfNecessary(v, EncoderUtil.Usage.TEXT_TOKEN,
                            kept.length() + 2)));
        }
    }

    private static String mailbox(Optional<String> name, String address) {
        if (name.isEmpty() || name.get().isBlank() || name.get().equalsIgnoreCase(address)) {
            return address;
        }
        return EncoderUtil.encodeAddressDisplayName(name.get()) + " <" + address + ">";
    }

    private static void address(OutputStream out, String name, List<String> mailboxes) {
        header(out, name, String.join(", ", mailboxes));
    }

    private static void header(OutputStream out, String name, String value) {
        try {
            String line = MimeUtil.fold(name + ": " + value.replaceAll("[\r\n]+", " "), 0);
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- body structure

    private void body(MapiMessage m, OutputStream out, Boundaries bs) throws IOException {
        Optional<String> plain = string(m, PropTags.PR_BODY);
        Optional<String[]> calendar = string(m, PropTags.PR_MESSAGE_CLASS).flatMap(Imip::method)
                .flatMap(method -> Imip.write(m, method, names).map(ics -> new String[] {method, ics}));
        Optional<String> html = m.property(PropTags.PR_HTML).map(v -> htmlText(v, m));
        List<MapiMessage.Attachment> inline = new ArrayList<>();
        List<MapiMessage.Attachment> attached = new ArrayList<>();
        for (MapiMessage.Attachment a : m.attachments()) {
            if (OriginalMime.is(a, names)) {
                continue;
            }
            boolean hidden = a.property(PropTags.PR_ATTACHMENT_HIDDEN).map(v -> (Boolean) v.javaValue()).orElse(false);
            boolean hasId = a.property(PropTags.PR_ATTACH_CONTENT_ID).isPresent();
            if (html.isPresent() && hidden && hasId && a.embedded().isEmpty()) {
                inline.add(a);
            } else {
                attached.add(a);
            }
        }
        if (attached.isEmpty()) {
            textBodies(plain, html, inline, calendar, out, bs);
            return;
        }
        String boundary = bs.next();
        header(out, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        out.write(CRLF);
        out.write("This is a multi-part message in MIME format.\r\n".getBytes(StandardCharsets.US_ASCII));
        open(out, boundary);
        textBodies(plain, html, inline, calendar, out, bs);
        for (MapiMessage.Attachment a : attached) {
            open(out, boundary);
            attachment(a, out, false, bs);
        }
        close(out, boundary);
    }

    private void textBodies(Optional<String> plain, Optional<String> html, List<MapiMessage.Attachment> inline,
            Optional<String[]> calendar, OutputStream out, Boundaries bs) throws IOException {
        if (calendar.isPresent()) {
            // iMIP (RFC 6047): the readable text and the event as alternatives of one another.
            String boundary = bs.next();
            header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            out.write(CRLF);
            open(out, boundary);
            text(out, "text/plain", plain.orElse(""));
            if (html.isPresent()) {
                open(out, boundary);
                related(html.get(), inline, out, bs);
            }
            open(out, boundary);
            text(out, "text/calendar; method=" + calendar.get()[0], calendar.get()[1]);
            close(out, boundary);
            return;
        }
        if (html.isEmpty()) {
            text(out, "text/plain", plain.orElse(""));
            return;
        }
        if (plain.isEmpty()) {
            related(html.get(), inline, out, bs);
            return;
        }
        String boundary = bs.next();
        header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        out.write(CRLF);
        open(out, boundary);
        text(out, "text/plain", plain.get());
        open(out, boundary);
        related(html.get(), inline, out, bs);
        close(out, boundary);
    }

    private void related(String html, List<MapiMessage.Attachment> inline, OutputStream out, Boundaries bs)
            throws IOException {
        if (inline.isEmpty()) {
            text(out, "text/html", html);
            return;
        }
        String boundary = bs.next();
        header(out, "Content-Type", "multipart/related; type=\"text/html\"; boundary=\"" + boundary + "\"");
        out.write(CRLF);
        open(out, boundary);
        text(out, "text/html", html);
        for (MapiMessage.Attachment a : inline) {
            open(out, boundary);
            attachment(a, out, true, bs);
        }
        close(out, boundary);
    }

    private static String htmlText(PropValue v, MapiMessage m) {
        byte[] bytes = (byte[]) v.javaValue();
        Charset cs = integer(m, PropTags.PR_INTERNET_CPID).flatMap(MimeWriter::codePage).orElse(StandardCharsets.UTF_8);
        return BodyText.decode(bytes, cs.name()).text();
    }

    private static Optional<Charset> codePage(int cpid) {
        return switch (cpid) {
            case 65001 -> Optional.of(StandardCharsets.UTF_8);
            case 1252 -> Optional.of(BodyText.WINDOWS_1252);
            case 28591 -> Optional.of(StandardCharsets.ISO_8859_1);
            case 20127 -> Optional.of(StandardCharsets.US_ASCII);
            default -> BodyText.charset("windows-" + cpid).or(() -> BodyText.charset("cp" + cpid));
        };
    }

    /** A text part: us-ascii and 7bit when it can be, else UTF-8 quoted-printable. */
    private static void text(OutputStream out, String type, String text) throws IOException {
        String normalised = text.replaceAll("\r?\n", "\r\n");
        boolean ascii = normalised.chars().allMatch(c -> c < 0x80);
        boolean shortLines = normalised.lines().allMatch(l -> l.length() <= 998);
        header(out, "Content-Type", type + "; charset=" + (ascii ? "us-ascii" : "utf-8"));
        if (ascii && shortLines) {
            header(out, "Content-Transfer-Encoding", "7bit");
            out.write(CRLF);
            out.write(normalised.getBytes(StandardCharsets.US_ASCII));
        } else {
            header(out, "Content-Transfer-Encoding", "quoted-printable");
            out.write(CRLF);
            QuotedPrintable.write(normalised.getBytes(StandardCharsets.UTF_8), out);
        }
        out.write(CRLF);
    }

    private void attachment(MapiMessage.Attachment a, OutputStream out, boolean inline, Boundaries bs)
            throws IOException {
        Optional<String> name = a.property(PropTags.PR_ATTACH_LONG_FILENAME).map(v -> (String) v.javaValue())
                .or(() -> a.property(PropTags.PR_ATTACH_FILENAME).map(v -> (String) v.javaValue()))
                .or(() -> a.property(PropTags.PR_DISPLAY_NAME).map(v -> (String) v.javaValue()));
        Optional<MapiMessage> embedded = a.embedded();
        if (embedded.isPresent()) {
            header(out, "Content-Type", "message/rfc822");
            header(out, "Content-Disposition", "attachment" + name.map(n -> "; " + parameter("filename", n + ".eml"))
                    .orElse(""));
            out.write(CRLF);
            writeMessage(embedded.get(), out, bs);
            out.write(CRLF);
            return;
        }
        String type = a.property(PropTags.PR_ATTACH_MIME_TAG).map(v -> ((String) v.javaValue()).strip())
                .filter(t -> t.indexOf('/') > 0 && !t.contains(";")).orElse("application/octet-stream");
        header(out, "Content-Type", type + name.map(n -> "; " + parameter("name", n)).orElse(""));
        header(out, "Content-Disposition", (inline ? "inline" : "attachment")
                + name.map(n -> "; " + parameter("filename", n)).orElse(""));
        a.property(PropTags.PR_ATTACH_CONTENT_ID).ifPresent(v -> header(out, "Content-ID", "<" + v.javaValue() + ">"));
        a.property(PropTags.PR_ATTACH_CONTENT_LOCATION)
                .ifPresent(v -> header(out, "Content-Location", String.valueOf(v.javaValue())));
        header(out, "Content-Transfer-Encoding", "base64");
        out.write(CRLF);
        OutputStream b64 = Base64.getMimeEncoder(76, CRLF).wrap(new NonClosing(out));
        try (InputStream in = a.open()) {
            in.transferTo(b64);
        }
        b64.close();
        out.write(CRLF);
    }

    /** A header parameter: quoted when ASCII, RFC 2231 UTF-8 when not. */
    private static String parameter(String name, String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        StringBuilder sb = new StringBuilder(name).append("*=utf-8''");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static void open(OutputStream out, String boundary) throws IOException {
        out.write(("\r\n--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void close(OutputStream out, String boundary) throws IOException {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    // ---- property access

    private static Optional<String> string(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).filter(String.class::isInstance).map(String.class::cast)
                .filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> integer(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).filter(Integer.class::isInstance).map(Integer.class::cast);
    }

    private static boolean bool(MapiMessage m, PropTag tag) {
        return m.property(tag).map(v -> Boolean.TRUE.equals(v.javaValue())).orElse(false);
    }

    /** Lets a base64 encoder be closed (to flush its last bytes) without closing the message stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
