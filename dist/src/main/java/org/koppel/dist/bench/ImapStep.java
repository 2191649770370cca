package org.koppel.dist.bench;

/** The steps of one IMAP benchmark cycle, each timed on its own, and the whole cycle. */
enum ImapStep {
    CONNECT("connect and greeting"),
    LOGIN("LOGIN"),
    SELECT("SELECT INBOX"),
    FETCH_HEADERS("FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (5 fields)])"),
    FETCH_BODY("FETCH n BODY[]"),
    STORE_FLAGGED("STORE 3 messages +/-FLAGS (\\Flagged)"),
    APPEND("APPEND INBOX (\\Seen) {2-20 KB+}"),
    STORE_DELETED("UID STORE n +FLAGS (\\Deleted)"),
    EXPUNGE("EXPUNGE"),
    LOGOUT("LOGOUT"),
    CYCLE("full cycle");

    private final String label;

    ImapStep(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
