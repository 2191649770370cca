package org.koppel.gateway.mailbox;

/** A mailbox operation the store refused, with the RFC 5530 response code that says why. */
public final class MailboxException extends RuntimeException {

    /** RFC 5530 response codes, plus NONEXISTENT for a missing mailbox. */
    public enum Reason { NONEXISTENT, ALREADYEXISTS, CANNOT, INUSE, NOPERM }

    private final Reason reason;

    public MailboxException(Reason reason, String text) {
        super(text);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
