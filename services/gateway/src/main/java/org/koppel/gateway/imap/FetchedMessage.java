package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.koppel.gateway.imap.message.MimePart;
import org.koppel.gateway.imap.message.SectionReader;
import org.koppel.gateway.mailbox.MessageEntry;
import org.koppel.gateway.mailbox.MessageText;

/**
 * One message being answered for in a FETCH or tested in a SEARCH: its text and MIME structure, each read only
 * if an item needs it, and at most once per command.
 */
final class FetchedMessage {

    private final ImapSession session;
    private final MessageEntry entry;
    private MessageText text;
    private SectionReader reader;

    FetchedMessage(ImapSession session, MessageEntry entry) {
        this.session = session;
        this.entry = entry;
    }

    MessageEntry entry() {
        return entry;
    }

    MessageText text() {
        if (text == null) {
            text = session.context().texts().text(session.account().session(), session.account().names(), entry);
        }
        return text;
    }

    /** Sections, envelope and structure of the text; the structure from the gateway's cache when it has it. */
    SectionReader sections() {
        if (reader == null) {
            MimePart known = session.context().structures().structure(entry, () -> {
                try {
                    return new SectionReader(() -> text().open()).structure();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader = new SectionReader(() -> text().open(), known);
        }
        return reader;
    }

    MimePart structure() {
        try {
            return sections().structure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
