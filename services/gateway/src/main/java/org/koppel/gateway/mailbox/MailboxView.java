package org.koppel.gateway.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.ContentsSyncOptions;
import org.koppel.store.client.ImapFolderState;
import org.koppel.store.client.Session;
import org.koppel.store.client.SyncState;

/**
 * A selected mailbox: the store's messages of one folder as IMAP numbers them, and what this client has
 * been told about them. The store side is kept current by incremental exports (O(changes) each, from the
 * view's own sync state); the client side changes only when {@link #drain} says so, because RFC 9051 7.5.1
 * forbids renumbering messages behind a client's back (no EXPUNGE during FETCH, STORE or SEARCH).
 *
 * <p>Not thread-safe: the session serialises commands and its notification-driven refreshes.
 */
public final class MailboxView {

    private final Session session;
    private final EntryId folder;
    private final FlagProperties flagProperties;
    private final InternalDates internalDates;
    private final ContentsSyncOptions options;
    private final long uidValidity;
    private SyncState state = SyncState.initial();
    private long highestModSeq;
    private long uidNext;

    private MessageTable current = new MessageTable();
    private final UidList client = new UidList();
    private final Set<Long> touched = new LinkedHashSet<>();

    private MailboxView(Session session, EntryId folder, FlagProperties flagProperties, InternalDates internalDates,
            ImapFolderState imap) {
        this.session = session;
        this.folder = folder;
        this.flagProperties = flagProperties;
        this.internalDates = internalDates;
        List<PropTag> columns = new ArrayList<>(flagProperties.columns());
        columns.addAll(internalDates.columns());
        columns.add(PropTags.PR_MESSAGE_SIZE);
        this.options = ContentsSyncOptions.defaults().withBatchSize(ContentsSyncOptions.MAX_BATCH)
                .withColumns(columns);
        this.uidValidity = imap.uidValidity();
        this.highestModSeq = imap.highestModSeq();
        this.uidNext = imap.uidNext();
    }

    /**
     * Reads the folder's messages and shows all of them to the client: from the gateway's last snapshot of the
     * folder plus what changed since (an incremental export under this session's rights), or with one full
     * export when there is none.
     */
    public static MailboxView open(Session session, EntryId folder, FlagProperties flagProperties,
            InternalDates internalDates, FolderSnapshots snapshots) {
        ImapFolderState imap = session.changes().imapState(folder);
        MailboxView v = new MailboxView(session, folder, flagProperties, internalDates, imap);
        snapshots.get(folder).filter(snap -> snap.uidValidity() == imap.uidValidity()).ifPresent(snap -> {
            v.current = snap.table().copy();
            v.state = snap.state();
        });
        v.refresh();
        v.drain(true);
        snapshots.offer(folder, v.snapshot());
        return v;
    }

    /** What the view knows of the store side now, as a snapshot others can start from. */
    FolderSnapshots.Snapshot snapshot() {
        return new FolderSnapshots.Snapshot(current.copy(), state, uidValidity, highestModSeq, uidNext);
    }

    public EntryId folder() {
        return folder;
    }

    public long uidValidity() {
        return uidValidity;
    }

    /** Greater than every UID given out so far, as far as this view has seen. */
    public long uidNext() {
        return uidNext;
    }

    public long highestModSeq() {
        return highestModSeq;
    }

    /** How many messages the client knows of (its EXISTS). */
    public int exists() {
        return client.size();
    }

    /** The sequence number of a UID the client knows, or 0. */
    public int seqOf(long uid) {
        return client.indexOf(uid) + 1;
    }

    /** The UIDs the client knows, ascending (index + 1 = sequence number). */
    public long[] uids() {
        return client.toArray();
    }

    /** The message as the store has it now; empty if it is gone (an expunge the client has not been told of). */
    public Optional<MessageEntry> entry(long uid) {
        return Optional.ofNullable(current.get(uid));
    }

    /** The flags the client was last told for a UID it knows (also after the store lost the message), or empty. */
    public Optional<Flags> toldFlags(long uid) {
        int i = client.indexOf(uid);
        return i < 0 ? Optional.empty() : Optional.of(client.flags(i));
    }

    /** The UID of a message of the store side, by entry id (for APPENDUID into the selected mailbox), or -1. */
    public long uidOf(EntryId message) {
        return current.uidOf(message);
    }

    /** Records that the client was told these flags (in a FETCH response), so the change is not repeated. */
    public void told(long uid, Flags flags) {
        int i = client.indexOf(uid);
        if (i >= 0) {
            client.setFlags(i, flags);
            touched.remove(uid);
        }
    }

    /** The sequence number of the first message without \Seen, or 0. */
    public int firstUnseen() {
        for (int i = 0; i < client.size(); i++) {
            int row = current.indexOf(client.get(i));
            if (row >= 0 && !current.readAt(row)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Reads what changed in the folder since the last refresh: the store side only; see {@link #drain}. */
    public void refresh() {
        ContentsExport batch;
        do {
            batch = session.changes().exportContents(folder, state, options);
            for (ContentChange c : batch.changes()) {
                apply(c);
            }
            state = batch.state();
        } while (!batch.complete());
    }

    private void apply(ContentChange c) {
        highestModSeq = Math.max(highestModSeq, c.modSeq());
        if (c.kind().isAddition()) {
            MessageEntry e = entry(c);
            long old = current.uidOf(c.sourceKey());
            if (old >= 0 && old != e.uid()) {
                current.remove(old);
            }
            current.put(e);
            uidNext = Math.max(uidNext, e.uid() + 1);
            return;
        }
        long uid = current.uidOf(c.sourceKey());
        if (uid < 0) {
            if (c.kind() == ChangeKind.MODIFIED && c.uid() > 0 && c.entryId().isPresent()) {
                // Known to the store's state but not to this view (a new state): take it as an addition.
                MessageEntry e = entry(c);
                current.put(e);
                uidNext = Math.max(uidNext, e.uid() + 1);
            }
            return;
        }
        if (c.kind().isRemoval()) {
            current.remove(uid);
            return;
        }
        MessageEntry before = current.get(uid);
        FlagProperties.Raw raw = c.kind() == ChangeKind.READ_STATE
                ? new FlagProperties.Raw(c.read(), before.raw().messageFlags(), before.raw().msgStatus(),
                        before.raw().flagStatus(), before.raw().lastVerb(), before.raw().categories())
                : flagProperties.raw(c.read(), c.properties());
        current.put(new MessageEntry(uid, Math.max(before.modSeq(), c.modSeq()), before.entryId(),
                before.sourceKey(), raw, c.kind() == ChangeKind.READ_STATE ? before.internalDate()
                        : internalDates.read(c.properties()).orElse(before.internalDate()),
                c.kind() == ChangeKind.READ_STATE ? before.mapiSize() : size(c.properties())));
        touched.add(uid);
    }

    private MessageEntry entry(ContentChange c) {
        return new MessageEntry(c.uid(), c.modSeq(), c.entryId().orElseThrow(), c.sourceKey(),
                flagProperties.raw(c.read(), c.properties()), internalDates.read(c.properties())
                        .orElse(InternalDate.EPOCH),
                size(c.properties()));
    }

    private static long size(List<PropValue> props) {
        for (PropValue v : props) {
            if (v.tag().equals(PropTags.PR_MESSAGE_SIZE) && v.javaValue() instanceof Number n) {
                return n.longValue();
            }
        }
        return 0;
    }

    /**
     * What to tell the client now, and the client side brought up to date accordingly: expunges (only when
     * {@code allowExpunge}; sequence numbers descending, so each stays valid as sent), the new message
     * count if it grew, and messages whose flags changed.
     */
    public Updates drain(boolean allowExpunge) {
        List<Integer> expunged = new ArrayList<>();
        List<Long> vanished = new ArrayList<>();
        if (allowExpunge) {
            for (int i = client.size() - 1; i >= 0; i--) {
                long uid = client.get(i);
                if (!current.contains(uid)) {
                    expunged.add(i + 1);
                    vanished.add(uid);
                    client.removeAt(i);
                    touched.remove(uid);
                }
            }
        }
        int before = client.size();
        for (int row = current.after(client.last()); row < current.size(); row++) {
            MessageEntry e = current.entryAt(row);
            client.append(e.uid(), e.flags());
        }
        List<FlagChange> flags = new ArrayList<>();
        for (long uid : touched) {
            int index = client.indexOf(uid);
            MessageEntry e = current.get(uid);
            if (index < 0 || e == null) {
                continue;
            }
            Flags now = e.flags();
            if (!now.equals(client.flags(index))) {
                client.setFlags(index, now);
                flags.add(new FlagChange(index + 1, uid, now, e.modSeq()));
            }
        }
        touched.clear();
        return new Updates(expunged, vanished.reversed(), client.size() > before ? client.size() : -1, flags);
    }

    /**
     * Untagged news for the client.
     *
     * @param expunged sequence numbers to send EXPUNGE for, in sending order
     * @param vanished the same messages' UIDs, ascending (VANISHED under QRESYNC)
     * @param exists   the new EXISTS count, or -1 if it did not change
     * @param flags    messages whose flags changed
     */
    public record Updates(List<Integer> expunged, List<Long> vanished, int exists, List<FlagChange> flags) {
        public Updates {
            expunged = List.copyOf(expunged);
            vanished = List.copyOf(vanished);
            flags = List.copyOf(flags);
        }

        public boolean isEmpty() {
            return expunged.isEmpty() && exists < 0 && flags.isEmpty();
        }
    }

    /** A flag change to report: FETCH (FLAGS ...) for the message. */
    public record FlagChange(int seq, long uid, Flags flags, long modSeq) {
    }
}
