package org.koppel.gateway.imap;

import org.koppel.gateway.mailbox.FolderWatch;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;

/** The selected mailbox: its view, the notifications that keep the view honest, and EXAMINE's read-only bit. */
record Selected(Mailbox mailbox, MailboxView view, FolderWatch watch, boolean readOnly) implements AutoCloseable {

    /** Reads the folder's changes into the view if the store said there are any since the last look. */
    void refreshIfChanged() {
        if (watch.takeChanged()) {
            view.refresh();
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
