package org.koppel.eas.http;

/** A request URI's query that cannot be served: 400 (malformed), or 501 for a command Koppel does not know. */
final class BadQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    BadQueryException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    static BadQueryException malformed(String message) {
        return new BadQueryException(400, message);
    }

    int httpStatus() {
        return httpStatus;
    }
}
