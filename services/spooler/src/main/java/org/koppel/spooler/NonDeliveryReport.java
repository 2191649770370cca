package org.koppel.spooler;

import static org.koppel.mapi.PropTags.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.WellKnownFolder;

/**
 * The report a sender finds in their Inbox when recipients could not be reached ([MS-OXOMSG] 2.2.2.x:
 * IPM.Report.IPM.Note.NDR): its recipient table names each failed recipient, its text gives the reason the
 * smarthost (or the spooler) gave for each.
 */
final class NonDeliveryReport {

    static final String MESSAGE_CLASS = "IPM.Report.IPM.Note.NDR";

    /** One recipient that did not get the message and why. */
    record Failure(String name, String address, String reason) {
    }

    private NonDeliveryReport() {
    }

    static MessageContent content(String subject, List<Failure> failures, Instant now) {
        StringBuilder body = new StringBuilder();
        body.append("Your message could not be delivered to ")
                .append(failures.size() == 1 ? "this recipient" : "these recipients").append(":\r\n\r\n");
        List<Recipient> recipients = new ArrayList<>();
        for (Failure f : failures) {
            String who = f.name().isBlank() || f.name().equalsIgnoreCase(f.address()) ? f.address()
                    : f.name() + " <" + f.address() + ">";
            body.append("  ").append(who).append("\r\n    ").append(f.reason().replace("\n", "\r\n    "))
                    .append("\r\n\r\n");
            recipients.add(Recipient.of(RecipientType.MAPI_TO, f.name().isBlank() ? f.address() : f.name(),
                    f.address()));
        }
        body.append("Subject: ").append(subject).append("\r\n");
        List<PropValue> props = List.of(
                PropValue.of(PR_MESSAGE_CLASS, MESSAGE_CLASS),
                PropValue.of(PR_SUBJECT, "Undeliverable: " + subject),
                PropValue.of(PR_ORIGINAL_SUBJECT, subject),
                PropValue.of(PR_BODY, body.toString()),
                PropValue.of(PR_SENDER_NAME, "Mail Delivery System"),
                PropValue.of(PR_SENT_REPRESENTING_NAME, "Mail Delivery System"),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, now),
                PropValue.of(PR_CLIENT_SUBMIT_TIME, now),
                PropValue.of(PR_MESSAGE_FLAGS, 0));
        return new MessageContent(props, recipients, List.of(), false);
    }

    /** Saves the report in the Inbox of the store the message was sent from. */
    static EntryId deliver(Session session, EntryId store, String subject, List<Failure> failures) {
        EntryId inbox = session.stores().open(store).folder(WellKnownFolder.INBOX);
        return session.messages().create(inbox, content(subject, failures, Instant.now()));
    }
}
