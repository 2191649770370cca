package org.koppel.gateway.imap;

/** The IMAP connection states of RFC 9051 section 3. */
enum SessionState {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT
}
