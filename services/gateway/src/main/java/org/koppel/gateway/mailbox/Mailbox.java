package org.koppel.gateway.mailbox;

import java.util.Set;
import org.koppel.mapi.EntryId;

/**
 * A folder as IMAP names it.
 *
 * @param name        its full hierarchical name, '/'-delimited, in Unicode (INBOX for the Inbox)
 * @param folder      the store folder
 * @param specialUse  RFC 6154 attributes (\Sent, \Trash, \Drafts, \Junk), for LIST
 * @param hasChildren whether listed mailboxes sit below it
 * @param shared      whether it is in the public store (the shared namespace)
 */
public record Mailbox(String name, EntryId folder, Set<String> specialUse, boolean hasChildren, boolean shared) {

    public static final char DELIMITER = '/';
    public static final String INBOX = "INBOX";

    public Mailbox {
        specialUse = Set.copyOf(specialUse);
    }

    public boolean isInbox() {
        return name.equals(INBOX);
    }
}
