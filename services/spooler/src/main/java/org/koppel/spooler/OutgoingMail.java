package org.koppel.spooler;

import static org.koppel.mapi.PropTags.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.UserInfo;

/**
 * A queued message made ready for SMTP: who may send it (the send-as rule), its envelope and its MIME. The
 * store owner may use their own primary address and aliases in From and Sender; a message without them
 * goes out From the owner. Other users' addresses need a send-as right or a delegation, which the store does
 * not have yet, so they are refused.
 */
final class OutgoingMail {

    /** A recipient the spooler cannot hand to the smarthost at all, and why. */
    record Unsendable(Recipient recipient, String reason) {
    }

    private final MapiMessage message;
    private final UserInfo owner;

    OutgoingMail(MapiMessage message, UserInfo owner) {
        this.message = message;
        this.owner = owner;
    }

    /** The address in From or Sender the owner may not use, if any. */
    Optional<String> forbiddenSender() {
        for (PropTag tag : List.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, PR_SENT_REPRESENTING_EMAIL_ADDRESS,
                PR_SENDER_SMTP_ADDRESS, PR_SENDER_EMAIL_ADDRESS)) {
            Optional<String> address = smtp(message, tag);
            if (address.isPresent() && !ownAddress(address.get())) {
                return address;
            }
        }
        return Optional.empty();
    }

    private boolean ownAddress(String address) {
        if (address.equalsIgnoreCase(owner.email())) {
            return true;
        }
        for (String alias : owner.aliases()) {
            if (address.equalsIgnoreCase(alias)) {
                return true;
            }
        }
        return false;
    }

    /** The return path: the From address (one of the owner's), or the owner's primary address. */
    String returnPath() {
        return smtp(message, PR_SENT_REPRESENTING_SMTP_ADDRESS)
                .or(() -> smtp(message, PR_SENT_REPRESENTING_EMAIL_ADDRESS))
                .or(() -> smtp(message, PR_SENDER_SMTP_ADDRESS))
                .or(() -> smtp(message, PR_SENDER_EMAIL_ADDRESS))
                .orElse(owner.email());
    }

    /** The recipients still to send to: To, Cc and Bcc, except those a previous send already reached. */
    List<Recipient> recipients() {
        List<Recipient> out = new ArrayList<>();
        for (Recipient r : message.recipients()) {
            boolean submitted = r.properties().stream().anyMatch(v -> v.tag().equals(PR_RECIPIENT_TYPE)
                    && v.javaValue() instanceof Integer t && (t & RecipientType.MAPI_SUBMITTED) != 0);
            if (!submitted) {
                out.add(r);
            }
        }
        return out;
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

    /** Writes the MIME (no Bcc header) to a file, with From filled in from the owner when the message has none. */
    Path render(NamedTagMap names) throws IOException {
        Path file = Files.createTempFile("koppel-spool", ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            new MimeWriter(names).write(withSender(), out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private MapiMessage withSender() {
        boolean hasFrom = smtp(message, PR_SENT_REPRESENTING_SMTP_ADDRESS).isPresent()
                || smtp(message, PR_SENT_REPRESENTING_EMAIL_ADDRESS).isPresent()
                || smtp(message, PR_SENDER_SMTP_ADDRESS).isPresent()
                || smtp(message, PR_SENDER_EMAIL_ADDRESS).isPresent();
        if (hasFrom) {
            return message;
        }
        List<PropValue> props = new ArrayList<>(message.properties());
        props.add(PropValue.of(PR_SENT_REPRESENTING_NAME, owner.fullName()));
        props.add(PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, owner.email()));
        props.add(PropValue.of(PR_SENDER_NAME, owner.fullName()));
        props.add(PropValue.of(PR_SENDER_SMTP_ADDRESS, owner.email()));
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
