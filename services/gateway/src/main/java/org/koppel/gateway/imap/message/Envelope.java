package org.koppel.gateway.imap.message;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.koppel.gateway.imap.syntax.ResponseWriter;

/**
 * The ENVELOPE of a message (RFC 9051 7.5.2): header values as they are on the wire (unfolded; encoded words are
 * not decoded), sender and reply-to defaulting to from.
 */
public record Envelope(Optional<String> date, Optional<String> subject, List<EnvelopeAddress> from,
        List<EnvelopeAddress> sender, List<EnvelopeAddress> replyTo, List<EnvelopeAddress> to,
        List<EnvelopeAddress> cc, List<EnvelopeAddress> bcc, Optional<String> inReplyTo, Optional<String> messageId) {

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /** The envelope of the message (or embedded message) with these header fields. */
    public static Envelope of(Headers headers) {
        List<EnvelopeAddress> from = addresses(headers, "From");
        List<EnvelopeAddress> sender = addresses(headers, "Sender");
        List<EnvelopeAddress> replyTo = addresses(headers, "Reply-To");
        return new Envelope(headers.text("Date"), headers.text("Subject"), from, sender.isEmpty() ? from : sender,
                replyTo.isEmpty() ? from : replyTo, addresses(headers, "To"), addresses(headers, "Cc"),
                addresses(headers, "Bcc"), headers.text("In-Reply-To"), headers.text("Message-ID"));
    }

    private static List<EnvelopeAddress> addresses(Headers headers, String name) {
        return headers.text(name).map(AddressList::parse).orElse(List.of());
    }

    /** Writes {@code (date subject from sender reply-to to cc bcc in-reply-to message-id)}. */
    public void write(ResponseWriter w) throws IOException {
        w.openList();
        w.nstring(date.orElse(null));
        w.nstring(subject.orElse(null));
        for (List<EnvelopeAddress> list : List.of(from, sender, replyTo, to, cc, bcc)) {
            writeAddresses(w, list);
        }
        w.nstring(inReplyTo.orElse(null));
        w.nstring(messageId.orElse(null));
        w.closeList();
    }

    private static void writeAddresses(ResponseWriter w, List<EnvelopeAddress> list) throws IOException {
        if (list.isEmpty()) {
            w.nil();
            return;
        }
        w.openList();
        for (EnvelopeAddress a : list) {
            w.adjacent();
            w.openList();
            switch (a) {
                case EnvelopeAddress.Mailbox m -> {
                    w.nstring(m.name().orElse(null));
                    w.nstring(m.route().orElse(null));
                    w.string(m.mailbox());
                    w.string(m.host());
                }
                case EnvelopeAddress.GroupStart g -> {
                    w.nil();
                    w.nil();
                    w.string(g.name());
                    w.nil();
                }
                case EnvelopeAddress.GroupEnd e -> {
                    w.nil();
                    w.nil();
                    w.nil();
                    w.nil();
                }
            }
            w.closeList();
        }
        w.closeList();
    }
}
