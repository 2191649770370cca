package org.koppel.store.client;

import java.util.Optional;

/** The standard folders of a store, each with its container class and, for IPM folders, its default name. */
public enum WellKnownFolder {
    ROOT(null, ""),
    IPM_SUBTREE(null, "IPM_SUBTREE"),
    INBOX("IPF.Note", "Inbox"),
    OUTBOX("IPF.Note", "Outbox"),
    SENT_ITEMS("IPF.Note", "Sent Items"),
    DELETED_ITEMS("IPF.Note", "Deleted Items"),
    DRAFTS("IPF.Note", "Drafts"),
    JUNK("IPF.Note", "Junk E-mail"),
    CALENDAR("IPF.Appointment", "Calendar"),
    CONTACTS("IPF.Contact", "Contacts"),
    TASKS("IPF.Task", "Tasks"),
    NOTES("IPF.StickyNote", "Notes"),
    JOURNAL("IPF.Journal", "Journal"),
    NON_IPM_SUBTREE(null, "IPM_COMMON_VIEWS"),
    SEARCH_ROOT(null, "FINDER_ROOT");

    private final String containerClass;
    private final String defaultName;

    WellKnownFolder(String containerClass, String defaultName) {
        this.containerClass = containerClass;
        this.defaultName = defaultName;
    }

    public Optional<String> containerClass() {
        return Optional.ofNullable(containerClass);
    }

    public String defaultName() {
        return defaultName;
    }
}
