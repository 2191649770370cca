package org.koppel.eas.command;

/**
 * The request body is not what the command expects (not WBXML, wrong elements, bad values): HTTP 400. A codec
 * that knows its command's own protocol-error status answers with that instead of throwing this.
 */
public final class MalformedRequestException extends CommandException {

    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
