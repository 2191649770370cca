package org.koppel.eas.codec;

import java.util.Optional;

/** The content classes a collection or item can have, as Sync, Ping and GetItemEstimate name them. */
public enum ContentClass {
    EMAIL("Email"),
    CONTACTS("Contacts"),
    CALENDAR("Calendar"),
    TASKS("Tasks"),
    /** 14.0 and later. */
    NOTES("Notes"),
    /** 14.0 and later. */
    SMS("SMS");

    private final String value;

    ContentClass(String value) {
        this.value = value;
    }

    /** The name as written in Class elements. */
    public String value() {
        return value;
    }

    public static Optional<ContentClass> of(String value) {
        for (ContentClass c : values()) {
            if (c.value.equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Reads the current Class element. */
    public static ContentClass read(ElementReader in) throws DecodeException, java.io.IOException {
        String s = in.text(16);
        return of(s).orElseThrow(() -> in.invalid("unknown class '" + s + "'"));
    }

    @Override
    public String toString() {
        return value;
    }
}
