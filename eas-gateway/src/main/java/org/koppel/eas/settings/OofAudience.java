package org.koppel.eas.settings;

/** Whom an OofMessage is for: its AppliesTo... element. */
public enum OofAudience {
    INTERNAL("Settings:AppliesToInternal"),
    EXTERNAL_KNOWN("Settings:AppliesToExternalKnown"),
    EXTERNAL_UNKNOWN("Settings:AppliesToExternalUnknown");

    private final String element;

    OofAudience(String element) {
        this.element = element;
    }

    /** The AppliesTo element, as {@code "Settings:Name"}. */
    public String element() {
        return element;
    }
}
