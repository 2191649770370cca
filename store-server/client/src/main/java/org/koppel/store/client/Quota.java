package org.koppel.store.client;

/**
 * Store size limits in bytes; 0 means no limit. Over {@code warnBytes} the user is warned, over
 * {@code softBytes} sending is refused, over {@code hardBytes} nothing more is saved or delivered.
 */
public record Quota(long warnBytes, long softBytes, long hardBytes) {
    public static final Quota UNLIMITED = new Quota(0, 0, 0);

    public Quota {
        if (warnBytes < 0 || softBytes < 0 || hardBytes < 0) {
            throw new org.koppel.mapi.MapiException.InvalidParameter("quota limits must not be negative");
        }
    }
}
