package org.koppel.eas.command;

/**
 * The failures a command handler reports (thrown, or as the cause of its stage's failure) that the HTTP layer
 * answers in a particular way; anything else becomes a 500 without details, and is logged.
 */
public sealed abstract class CommandException extends RuntimeException
        permits StoreUnavailableException, MalformedRequestException {

    private static final long serialVersionUID = 1L;

    protected CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
