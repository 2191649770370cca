package org.koppel.gateway.imap;

import org.koppel.gateway.mailbox.FolderWatch;
import org.koppel.gateway.mailbox.Mailbox;
import org.koppel.gateway.mailbox.MailboxView;

/**
 * The selected mailbox: its view, the notifications that keep the view honest, EXAMINE's read-only bit, and the
 * messages that are \\Recent in this session.
 */
record Selected(Mailbox mailbox, MailboxView view, FolderWatch watch, boolean readOnly, RecentMessages recent)
        implements AutoCloseable {

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
