package org.koppel.backend;

import java.io.InputStream;

/**
 * Sending mail a client composed as MIME (SendMail; SmartReply and SmartForward join here with their
 * source item).
 */
public interface MailSubmission {

    /**
     * Queues the message for sending as the session's user; with {@code saveInSentItems} a copy stays in Sent
     * Items once sent. The recipients are the MIME's To, Cc and Bcc.
     */
    void send(InputStream mime, boolean saveInSentItems);
}
