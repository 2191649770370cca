package org.koppel.gateway.imap.message;

import java.util.Optional;

/**
 * An element of an ENVELOPE address list (RFC 9051 7.5.2): a mailbox, or the start or end marker of a group.
 */
public sealed interface EnvelopeAddress {

    /** Used for an address without local part or domain, as other servers do, since NIL host means a group. */
    String MISSING_MAILBOX = "MISSING_MAILBOX";
    String MISSING_DOMAIN = "MISSING_DOMAIN";

    /**
     * {@code (name adl mailbox host)}.
     *
     * @param name  the display name as written (quotes removed, encoded words kept)
     * @param route the obsolete source route ({@code @a,@b})
     */
    record Mailbox(Optional<String> name, Optional<String> route, String mailbox, String host) implements EnvelopeAddress {
    }

    /** {@code (NIL NIL "group" NIL)}. */
    record GroupStart(String name) implements EnvelopeAddress {
    }

    /** {@code (NIL NIL NIL NIL)}. */
    record GroupEnd() implements EnvelopeAddress {
    }
}
