package org.koppel.dagent.lmtp;

import org.koppel.dagent.delivery.Outcome;
import org.koppel.dagent.delivery.RecipientResult;
import org.koppel.dagent.delivery.Resolution;

/** The replies of the LMTP server, and the one place where delivery outcomes become LMTP status codes. */
final class Replies {

    static final Reply OK = Reply.of(250, "2.0.0", "OK");
    static final Reply SENDER_OK = Reply.of(250, "2.1.0", "Sender OK");
    static final Reply RECIPIENT_OK = Reply.of(250, "2.1.5", "Recipient OK");
    static final Reply START_DATA = new Reply(354, java.util.List.of("Start mail input; end with <CRLF>.<CRLF>"));
    static final Reply BYE = Reply.of(221, "2.0.0", "Bye");
    static final Reply VRFY = Reply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    static final Reply UNKNOWN_COMMAND = Reply.of(500, "5.5.1", "Unknown command");
    static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.2", "Line too long");
    static final Reply NOT_IMPLEMENTED = Reply.of(502, "5.5.1", "Command not implemented");
    static final Reply USE_LHLO = Reply.of(500, "5.5.1", "This is LMTP: say LHLO");
    static final Reply SYNTAX = Reply.of(501, "5.5.4", "Syntax error in parameters or arguments");
    static final Reply NEED_LHLO = Reply.of(503, "5.5.1", "Say LHLO first");
    static final Reply NESTED_MAIL = Reply.of(503, "5.5.1", "Sender already given");
    static final Reply NEED_MAIL = Reply.of(503, "5.5.1", "Need MAIL before RCPT");
    static final Reply NO_RECIPIENTS = Reply.of(503, "5.5.1", "No valid recipients");
    static final Reply MIXED_DATA = Reply.of(503, "5.5.1", "DATA and BDAT cannot be mixed in one transaction");
    static final Reply TLS_ACTIVE = Reply.of(503, "5.5.1", "TLS is already active");
    static final Reply TLS_GO = Reply.of(220, "2.0.0", "Ready to start TLS");
    static final Reply UNSUPPORTED_PARAMETER = Reply.of(555, "5.5.4", "Parameter not supported");
    static final Reply TOO_LARGE = Reply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
    static final Reply TOO_MANY_RECIPIENTS = Reply.of(452, "4.5.3", "Too many recipients");
    static final Reply IDLE_TIMEOUT = Reply.of(421, "4.4.2", "Idle too long; closing connection");
    static final Reply BUSY = Reply.of(421, "4.3.2", "Too many connections; try again later");
    static final Reply SHUTTING_DOWN = Reply.of(421, "4.3.2", "Shutting down; try again later");
    static final Reply TOO_MANY_ERRORS = Reply.of(421, "4.7.0", "Too many errors; closing connection");

    private Replies() {
    }

    static Reply refused(Resolution.Refused r) {
        return forOutcome(r.outcome(), r.address(), r.detail());
    }

    /** The reply for one recipient after DATA or BDAT LAST. */
    static Reply result(RecipientResult r) {
        return forOutcome(r.outcome(), r.address(), r.detail());
    }

    private static Reply forOutcome(Outcome outcome, String address, String detail) {
        String who = "<" + address + "> ";
        return switch (outcome) {
            case DELIVERED -> Reply.of(250, "2.0.0", who + "delivered (" + detail + ")");
            case UNKNOWN_USER -> Reply.of(550, "5.1.1", who + "no such user");
            case MAIL_DISABLED, MAILBOX_FULL -> Reply.of(552, "5.2.2", who + detail);
            case TOO_LARGE -> Reply.of(552, "5.3.4", who + detail);
            case REJECTED -> Reply.of(550, "5.7.1", who + detail);
            case TEMPORARY_FAILURE -> Reply.of(451, "4.3.0", who + detail);
        };
    }
}
