package org.koppel.eas.http;

import java.io.IOException;

/** A request body ran past {@code max_request_size} while being read: answered 413 if nothing was sent yet. */
public final class RequestTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
