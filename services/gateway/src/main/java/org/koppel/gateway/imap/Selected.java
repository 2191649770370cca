package org.koppel.gateway.imap;

import org.koppel.gateway.mailbox.FolderWatch;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;

/** The selected mailbox: its view, the notifications that keep the view honest, and EXAMINE's read-only bit. */
record Selected(Mailbox mailbox, MailboxView view, FolderWatch watch, boolean readOnly) implements AutoCloseable {

    @Override
    public void close() {
        watch.close();
    }
}
