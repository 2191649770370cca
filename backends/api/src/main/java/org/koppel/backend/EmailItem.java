package org.koppel.backend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An email message in the fields of MS-ASEMAIL (and MS-ASEMAIL2 for 14.0+), independent of WBXML. Byte
 * arrays are copied in and out.
 *
 * @param dateReceived    when it arrived (for drafts and sent mail: when saved or sent)
 * @param displayTo       the To names as the store shows them
 * @param internetCpid    the code page of the original body (65001 for UTF-8)
 * @param contentClass    "urn:content-classes:message" for mail
 * @param conversationId  MS-ASEMAIL2 ConversationId (16 bytes), when known
 * @param body            the body in the type the client preferred, when asked for
 */
public record EmailItem(
        List<EmailAddress> to,
        List<EmailAddress> cc,
        Optional<EmailAddress> from,
        List<EmailAddress> replyTo,
        String subject,
        Optional<Instant> dateReceived,
        String displayTo,
        Importance importance,
        boolean read,
        String messageClass,
        int internetCpid,
        String contentClass,
        Optional<Flag> flag,
        List<String> categories,
        Optional<byte[]> conversationId,
        Optional<byte[]> conversationIndex,
        Optional<LastVerb> lastVerbExecuted,
        Optional<Instant> lastVerbExecutionTime,
        List<EmailAttachment> attachments,
        Optional<Body> body,
        Optional<MeetingRequest> meetingRequest) implements Item {

    public static final String CONTENT_CLASS_MESSAGE = "urn:content-classes:message";

    public EmailItem {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(from, "from");
        replyTo = List.copyOf(replyTo);
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(dateReceived, "dateReceived");
        displayTo = displayTo == null ? "" : displayTo;
        Objects.requireNonNull(importance, "importance");
        messageClass = messageClass == null || messageClass.isEmpty() ? "IPM.Note" : messageClass;
        contentClass = contentClass == null ? CONTENT_CLASS_MESSAGE : contentClass;
        Objects.requireNonNull(flag, "flag");
        categories = List.copyOf(categories);
        conversationId = conversationId.map(byte[]::clone);
        conversationIndex = conversationIndex.map(byte[]::clone);
        Objects.requireNonNull(lastVerbExecuted, "lastVerbExecuted");
        Objects.requireNonNull(lastVerbExecutionTime, "lastVerbExecutionTime");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(meetingRequest, "meetingRequest");
    }

    @Override
    public Optional<byte[]> conversationId() {
        return conversationId.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> conversationIndex() {
        return conversationIndex.map(byte[]::clone);
    }

    /** A new message as a client composes it (a draft Add in 16.x): the fields a client may send. */
    public static EmailItem draft(List<EmailAddress> to, List<EmailAddress> cc, String subject, Importance importance,
            Optional<Body> body) {
        return new EmailItem(to, cc, Optional.empty(), List.of(), subject, Optional.empty(), "", importance, true,
                "IPM.Note", 65001, CONTENT_CLASS_MESSAGE, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), body, Optional.empty());
    }
}
