package org.koppel.mapi;

import java.util.Optional;

/**
 * The PR_CONTAINER_CLASS values of the standard folder kinds. Clients may use subclasses ("IPF.Note.Custom"),
 * which belong to the kind of their prefix.
 */
public enum ContainerClass {
    IPF_NOTE("IPF.Note"),
    IPF_APPOINTMENT("IPF.Appointment"),
    IPF_CONTACT("IPF.Contact"),
    IPF_TASK("IPF.Task"),
    IPF_STICKYNOTE("IPF.StickyNote"),
    IPF_JOURNAL("IPF.Journal");

    private final String value;

    ContainerClass(String value) {
        this.value = value;
    }

    /** The class string as stored in PR_CONTAINER_CLASS. */
    public String value() {
        return value;
    }

    /** Whether a container class is this one or a subclass of it; classes compare case-insensitively. */
    public boolean matches(String containerClass) {
        return containerClass != null
                && (containerClass.equalsIgnoreCase(value)
                || containerClass.length() > value.length()
                && containerClass.regionMatches(true, 0, value, 0, value.length())
                && containerClass.charAt(value.length()) == '.');
    }

    /** The standard kind a container class belongs to, if any. */
    public static Optional<ContainerClass> of(String containerClass) {
        for (ContainerClass c : values()) {
            if (c.matches(containerClass)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
