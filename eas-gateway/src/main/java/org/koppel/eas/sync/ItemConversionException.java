package org.koppel.eas.sync;

/** A client's item cannot be turned into a backend change: Sync status 6 for that item, the rest goes on. */
public final class ItemConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ItemConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
