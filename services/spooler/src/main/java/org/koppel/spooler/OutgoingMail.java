package org.koppel.spooler;

import static org.koppel.mapi.PropTags.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.UserInfo;

/**
 * A queued message made ready for SMTP: the addresses it names as From and Sender (which {@link SendRights}
 * judges), its envelope and its MIME with From and Sender set as the {@link Authorship} decided, and whether
 * it is an automatic reply that must go out with a null return path.
 */
final class OutgoingMail {

    /** The Auto-Submitted header as the conversions keep it: a PS_INTERNET_HEADERS named property. */
    private static final NamedPropTag AUTO_SUBMITTED = NamedPropTag.byName(PropertySets.PS_INTERNET_HEADERS,
            "auto-submitted", PropType.PT_UNICODE);

    private final MapiMessage message;
    private final UserInfo owner;

    OutgoingMail(MapiMessage message, UserInfo owner) {
        this.message = message;
        this.owner = owner;
    }

    /** The From address the message names (PR_SENT_REPRESENTING_*), if it names an Internet address. */
    Optional<String> fromAddress() {
        return smtp(message, PR_SENT_REPRESENTING_SMTP_ADDRESS)
                .or(() -> smtp(message, PR_SENT_REPRESENTING_EMAIL_ADDRESS));
    }

    Optional<String> fromName() {
        return string(message, PR_SENT_REPRESENTING_NAME);
    }

    /** The owner's address the message uses: its From, else its Sender, else the primary address. */
    private String ownAddress() {
        return fromAddress().or(this::senderAddress).orElse(owner.email());
    }

    /** The Sender address the message names (PR_SENDER_*), if it names an Internet address. */
    Optional<String> senderAddress() {
        return smtp(message, PR_SENDER_SMTP_ADDRESS).or(() -> smtp(message, PR_SENDER_EMAIL_ADDRESS));
    }

    /**
     * Whether the message is an automatic reply (Auto-Submitted: auto-replied, as the delivery agent's
     * out-of-office reply says), which RFC 3834 section 3.3 wants sent with a null return path, so that a
     * bounce of it goes nowhere and cannot start a loop between two responders.
     */
    boolean autoReply(NamedTagMap names) {
        return names.find(AUTO_SUBMITTED).flatMap(t -> string(message, t))
                .map(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("auto-replied")).orElse(false);
    }

    /**
     * The return path (MAIL FROM): empty for an automatic reply; else the From address, except on behalf of
     * someone, where it is the delegate's own: bounces go to whoever really sent the message.
     */
    String returnPath(Authorship authorship, boolean autoReply) {
        if (autoReply) {
            return "";
        }
        return switch (authorship) {
            case Authorship.SendAs a -> a.address();
            case Authorship.OnBehalf b -> owner.email();
            case Authorship.Own o -> ownAddress();
            case Authorship.Forbidden f -> throw new IllegalStateException("a forbidden message is not sent");
        };
    }

    /** The recipients still to send to: To, Cc and Bcc, except those a previous send already reached. */
    List<Recipient> recipients() {
        List<Recipient> out = new ArrayList<>();
        for (Recipient r : message.recipients()) {
            if (!submitted(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether an earlier attempt already delivered the message to some of its recipients. */
    boolean partlyDelivered() {
        return message.recipients().stream().anyMatch(OutgoingMail::submitted);
    }

    private static boolean submitted(Recipient r) {
        return r.properties().stream().anyMatch(v -> v.tag().equals(PR_RECIPIENT_TYPE)
                && v.javaValue() instanceof Integer t && (t & RecipientType.MAPI_SUBMITTED) != 0);
    }

    static boolean internetAddress(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1 && address.chars().noneMatch(c -> c <= ' ' || c == '<'
                || c == '>');
    }

    /** DSN options when the sender asked for a delivery receipt. */
    Optional<Envelope.Dsn> dsn() {
        if (!bool(message, PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED)) {
            return Optional.empty();
        }
        return Optional.of(new Envelope.Dsn("SUCCESS,FAILURE,DELAY", false,
                string(message, PR_INTERNET_MESSAGE_ID).map(id -> id.replaceAll("[<>]", ""))));
    }

    String subject() {
        return string(message, PR_SUBJECT).orElse("");
    }

    /** Writes the MIME (no Bcc header) to a file, with From and Sender as {@code authorship} says. */
    Path render(NamedTagMap names, Authorship authorship) throws IOException {
        Path file = Files.createTempFile("koppel-spool", ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            new MimeWriter(names).write(withSender(authorship), out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /**
     * The message with From and Sender rewritten from the decision, both the SMTP and the e-mail address
     * properties, so that what goes out is exactly what was judged (MimeWriter writes a Sender header only
     * when it differs from From).
     */
    private MapiMessage withSender(Authorship authorship) {
        String fromName;
        String from;
        String senderName;
        String sender;
        switch (authorship) {
            case Authorship.SendAs a -> {
                fromName = a.name();
                from = a.address();
                senderName = fromName;
                sender = from;
            }
            case Authorship.OnBehalf b -> {
                fromName = b.name();
                from = b.address();
                senderName = owner.fullName();
                sender = owner.email();
            }
            case Authorship.Own o -> {
                from = ownAddress();
                fromName = fromName().or(() -> string(message, PR_SENDER_NAME)).orElse(owner.fullName());
                senderName = fromName;
                sender = from;
            }
            case Authorship.Forbidden f -> throw new IllegalStateException("a forbidden message is not rendered");
        }
        Set<PropTag> replaced = Set.of(PR_SENT_REPRESENTING_NAME, PR_SENT_REPRESENTING_SMTP_ADDRESS,
                PR_SENT_REPRESENTING_EMAIL_ADDRESS, PR_SENT_REPRESENTING_ADDRTYPE, PR_SENDER_NAME,
                PR_SENDER_SMTP_ADDRESS, PR_SENDER_EMAIL_ADDRESS, PR_SENDER_ADDRTYPE);
        List<PropValue> props = new ArrayList<>();
        for (PropValue v : message.properties()) {
            if (!replaced.contains(v.tag())) {
                props.add(v);
            }
        }
        props.add(PropValue.of(PR_SENT_REPRESENTING_NAME, fromName));
        props.add(PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, from));
        props.add(PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, from));
        props.add(PropValue.of(PR_SENT_REPRESENTING_ADDRTYPE, "SMTP"));
        props.add(PropValue.of(PR_SENDER_NAME, senderName));
        props.add(PropValue.of(PR_SENDER_SMTP_ADDRESS, sender));
        props.add(PropValue.of(PR_SENDER_EMAIL_ADDRESS, sender));
        props.add(PropValue.of(PR_SENDER_ADDRTYPE, "SMTP"));
        List<PropValue> all = List.copyOf(props);
        MapiMessage inner = message;
        return new MapiMessage() {
            @Override
            public List<PropValue> properties() {
                return all;
            }

            @Override
            public List<Recipient> recipients() {
                return inner.recipients();
            }

            @Override
            public List<Attachment> attachments() {
                return inner.attachments();
            }
        };
    }

    private static Optional<String> smtp(MapiMessage m, PropTag tag) {
        return string(m, tag).map(String::trim).filter(OutgoingMail::internetAddress);
    }

    static Optional<String> string(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).filter(String.class::isInstance).map(String.class::cast)
                .filter(s -> !s.isBlank());
    }

    private static boolean bool(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).map(Boolean.TRUE::equals).orElse(false);
    }
}
