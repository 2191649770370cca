package org.koppel.eas.email;

import java.util.List;

/**
 * A client's email ApplicationData that is well-formed but cannot become the change it is sent
 * as: an element the server does not take in a Change (or in a draft), a flag the specification
 * rejects. The Sync handler answers it with status 6 (error in client/server conversion) for that
 * item alone; the rest of the request goes on.
 */
public final class EmailConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public EmailConversionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, naming the element. */
    public List<String> problems() {
        return problems;
    }
}
