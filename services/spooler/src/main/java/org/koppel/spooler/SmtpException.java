package org.koppel.spooler;

import java.io.IOException;

/**
 * The smarthost refused a step of the session that concerns every recipient (greeting, EHLO, STARTTLS, AUTH,
 * MAIL FROM, DATA): its reply says whether to retry ({@link SmtpReply#transientFailure()}) or give up.
 */
public final class SmtpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;
    private final String stage;

    public SmtpException(String stage, SmtpReply reply) {
        super(stage + ": " + reply);
        this.stage = stage;
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }

    public String stage() {
        return stage;
    }

    /**
     * Whether the failure is the message's (a 5xx to MAIL FROM or DATA) rather than the connection's or the
     * configuration's: a 5xx to AUTH or STARTTLS is the administrator's to fix, and the mail waits for that.
     */
    public boolean permanentForMessage() {
        return reply.permanentFailure() && (stage.equals("MAIL FROM") || stage.equals("DATA"));
    }
}
