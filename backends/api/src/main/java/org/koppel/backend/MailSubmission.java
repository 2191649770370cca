package org.koppel.backend;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * Sending mail a client composed as MIME: SendMail, and SmartReply / SmartForward, where the server adds what
 * the client left out of the source message (its body, and for a forward its attachments) and marks the source
 * as replied to or forwarded. Everything goes through the mail source's own outgoing queue; nothing here talks
 * to SMTP.
 *
 * <p>Failures: {@link BackendException.InvalidMessage} when the MIME cannot be sent as it is (no recipients,
 * not a message), {@link BackendException.NotFound} when the source item is gone, the other
 * {@link BackendException}s as usual. Nothing is queued when any of these is thrown.
 */
public interface MailSubmission {

    /**
     * Queues the message for sending as the session's user; with {@code saveInSentItems} a copy stays in Sent
     * Items once sent. The recipients are the MIME's To, Cc and Bcc.
     */
    void send(InputStream mime, boolean saveInSentItems);

    /**
     * Queues a reply to {@code source}. Unless {@code replaceMime}, the source's body is added below the client's
     * text (quoted for plain text, the source's HTML for HTML). The source then carries the reply's last verb:
     * {@link LastVerb#REPLY_TO_ALL} when the reply goes to any of the source's other recipients, else
     * {@link LastVerb#REPLY_TO_SENDER}.
     */
    void reply(Source source, InputStream mime, Options options);

    /**
     * Queues a forward of {@code source}. Unless {@code replaceMime}, the source's body is added below the
     * client's text and the source's attachments are attached beside the client's own. {@code forwardees} are
     * further recipients (To) the client named outside the MIME. The source then carries
     * {@link LastVerb#FORWARD}.
     */
    void forward(Source source, InputStream mime, Options options, List<EmailAddress> forwardees);

    /** The message replied to or forwarded: a folder and an item in it, by the backend's ids. */
    record Source(String folderId, String itemId) {
        public Source {
            Objects.requireNonNull(folderId, "folderId");
            Objects.requireNonNull(itemId, "itemId");
        }
    }

    /**
     * @param replaceMime the client's MIME is the whole message: nothing of the source is added
     * @param saveInSentItems keep a copy in Sent Items once sent
     */
    record Options(boolean replaceMime, boolean saveInSentItems) {
    }
}
