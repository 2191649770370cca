package org.koppel.spooler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP envelope of one message: the return path, the recipients (To, Cc and Bcc alike) and, when the
 * sender asked for delivery receipts, the DSN options.
 */
record Envelope(String from, List<String> recipients, Optional<Dsn> dsn) {

    Envelope {
        Objects.requireNonNull(from, "from");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(dsn, "dsn");
    }

    /**
     * RFC 3461 options: NOTIFY for every recipient, RET and ENVID for the message.
     *
     * @param notifyOn   e.g. SUCCESS,FAILURE,DELAY
     * @param returnFull RET=FULL rather than RET=HDRS
     * @param envelopeId ENVID, the message's Message-ID when it has one
     */
    record Dsn(String notifyOn, boolean returnFull, Optional<String> envelopeId) {
    }
}
