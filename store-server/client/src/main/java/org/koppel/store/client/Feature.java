package org.koppel.store.client;

/** The per-user features an administrator can switch on or off. */
public enum Feature {
    MAIL,
    IMAP,
    POP3,
    MOBILE,
    CALDAV;

    public static Feature parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.koppel.mapi.MapiException.InvalidParameter("unknown feature: " + name);
        }
    }
}
