package org.koppel.gateway.pop3;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.gateway.mailbox.FlagProperties;
import org.koppel.gateway.mailbox.InternalDates;
import org.koppel.gateway.mailbox.FolderSnapshots;
import org.koppel.gateway.mailbox.MailboxView;
import org.koppel.gateway.mailbox.MessageText;
import org.koppel.gateway.mailbox.MessageTexts;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * A POP3 maildrop (RFC 1939): the user's Inbox as it was at login, its ordinary messages numbered 1..n in
 * delivery order (by IMAP UID, the change number each entered the folder with). A message's octets are its
 * MIME: the original as delivered when inetmapi kept it, else MIME generated from the MAPI message, through the
 * gateway's cache of message texts, so a message is counted once per version, not once per session.
 * Deletions are only marked until {@link #commit()}, which applies them in one store call. Not thread-safe:
 * one per POP3 session.
 */
final class Maildrop {

    /** One message of the snapshot. */
    record Message(EntryId entryId, SourceKey sourceKey, long uid, long modSeq, boolean read) {
    }

    private final Session session;
    private final EntryId inbox;
    private final NamedTagMap names;
    private final MessageTexts texts;
    private final List<Message> messages;
    private final long[] sizes;
    private final boolean[] deleted;

    private Maildrop(Session session, EntryId inbox, NamedTagMap names, MessageTexts texts, List<Message> messages) {
        this.session = session;
        this.inbox = inbox;
        this.names = names;
        this.texts = texts;
        this.messages = List.copyOf(messages);
        this.sizes = new long[messages.size()];
        java.util.Arrays.fill(sizes, -1);
        this.deleted = new boolean[messages.size()];
    }

    /** The snapshot of the session user's Inbox at login, in UID order. */
    static Maildrop open(Session session, MessageTexts texts, FolderSnapshots snapshots) {
        StoreInfo store = session.stores().openOwn();
        EntryId inbox = store.folder(WellKnownFolder.INBOX);
        StoreNamedTags names = new StoreNamedTags(session, store.entryId());
        // The Inbox read as IMAP's SELECT reads it: from the gateway's snapshot plus what changed since.
        MailboxView view = MailboxView.open(session, inbox, new FlagProperties(names), new InternalDates(names),
                snapshots);
        List<Message> list = new ArrayList<>();
        for (long uid : view.uids()) {
            view.entry(uid).ifPresent(e -> list.add(new Message(e.entryId(), e.sourceKey(), e.uid(), e.modSeq(),
                    e.raw().read())));
        }
        return new Maildrop(session, inbox, names, texts, list);
    }


    /** Messages in the snapshot, deleted ones included: the highest message number. */
    int count() {
        return messages.size();
    }

    /** Whether {@code number} (1-based) names a message of the snapshot. */
    boolean exists(int number) {
        return number >= 1 && number <= messages.size();
    }

    boolean deleted(int number) {
        return deleted[number - 1];
    }

    void delete(int number) {
        deleted[number - 1] = true;
    }

    /** RSET: nothing is marked deleted any more. */
    void undeleteAll() {
        java.util.Arrays.fill(deleted, false);
    }

    /** Messages not marked deleted. */
    int visibleCount() {
        int n = 0;
        for (boolean d : deleted) {
            n += d ? 0 : 1;
        }
        return n;
    }

    /** The octets of the messages not marked deleted. */
    long visibleSize() {
        long total = 0;
        for (int i = 1; i <= messages.size(); i++) {
            if (!deleted(i)) {
                total += size(i);
            }
        }
        return total;
    }

    /**
     * The unique-id listing (RFC 1939 UIDL): the message's source key in hex, 44 characters, the same in every
     * session for as long as the message stays in the Inbox, and never given to another message.
     */
    String uniqueId(int number) {
        return HexFormat.of().formatHex(messages.get(number - 1).sourceKey().bytes());
    }

    /** The exact octet count {@link #write} sends, before byte-stuffing. */
    long size(int number) {
        int i = number - 1;
        if (sizes[i] < 0) {
            try {
                sizes[i] = computeSize(i);
            } catch (MapiException.NotFound | MapiException.ObjectDeleted e) {
                // Deleted since login by another client (IMAP, ActiveSync): it counts nothing, RETR says -ERR.
                sizes[i] = 0;
            }
        }
        return sizes[i];
    }

    private long computeSize(int i) {
        return text(i + 1).size();
    }

    /**
     * The message's text (the kept original, else generated MIME), from the gateway's cache of texts that IMAP
     * shares: its size is counted once per version of the message, not once per session.
     */
    MessageText text(int number) {
        Message m = messages.get(number - 1);
        return texts.text(session, names, m.entryId(), m.modSeq());
    }

    /** RETR marks the message read, as Kopano's gateway does (a POP3 client has downloaded it). */
    void markRead(int number) {
        Message m = messages.get(number - 1);
        if (!m.read()) {
            session.messages().setReadFlags(inbox, List.of(m.entryId()), true);
        }
    }

    /**
     * The UPDATE state: soft-deletes the messages marked deleted, all in one store call (one transaction);
     * they stay recoverable like any deleted item. Returns how many.
     */
    int commit() {
        List<EntryId> gone = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (deleted[i]) {
                gone.add(messages.get(i).entryId());
            }
        }
        if (!gone.isEmpty()) {
            session.messages().delete(gone, false);
        }
        return gone.size();
    }
}
