package org.koppel.store.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreKind;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.WellKnownFolder;

/** A user's mailbox or the public store: its well-known folders, its folder tree, and sending from it. */
public final class Store {

    private final Session session;
    private final StoreInfo info;

    Store(Session session, StoreInfo info) {
        this.session = Objects.requireNonNull(session, "session");
        this.info = Objects.requireNonNull(info, "info");
    }

    Session session() {
        return session;
    }

    public EntryId entryId() {
        return info.entryId();
    }

    public StoreKind kind() {
        return info.kind();
    }

    /** The owner's login; empty for the public store and orphaned stores. */
    public String ownerLogin() {
        return info.ownerLogin() == null ? "" : info.ownerLogin();
    }

    /** The store as the session API describes it (size, well-known folder ids). */
    public StoreInfo info() {
        return info;
    }

    /** A folder of this store by entry id. */
    public Folder folder(EntryId entryId) {
        return new Folder(this, session.folders().info(entryId));
    }

    /** One of the standard folders; MAPI_E_NOT_FOUND if the store has none (the public store has few). */
    public Folder folder(WellKnownFolder which) {
        return folder(info.folder(which));
    }

    EntryId subtreeId() {
        return info.folder(WellKnownFolder.IPM_SUBTREE);
    }

    public Folder root() {
        return folder(WellKnownFolder.ROOT);
    }

    /** The top of the folders users see (IPM_SUBTREE). */
    public Folder subtree() {
        return folder(WellKnownFolder.IPM_SUBTREE);
    }

    public Folder inbox() {
        return folder(WellKnownFolder.INBOX);
    }

    public Folder outbox() {
        return folder(WellKnownFolder.OUTBOX);
    }

    public Folder sent() {
        return folder(WellKnownFolder.SENT_ITEMS);
    }

    public Folder drafts() {
        return folder(WellKnownFolder.DRAFTS);
    }

    public Folder deletedItems() {
        return folder(WellKnownFolder.DELETED_ITEMS);
    }

    public Folder junk() {
        return folder(WellKnownFolder.JUNK);
    }

    public Folder calendar() {
        return folder(WellKnownFolder.CALENDAR);
    }

    public Folder contacts() {
        return folder(WellKnownFolder.CONTACTS);
    }

    public Folder tasks() {
        return folder(WellKnownFolder.TASKS);
    }

    public Folder notes() {
        return folder(WellKnownFolder.NOTES);
    }

    public Folder journal() {
        return folder(WellKnownFolder.JOURNAL);
    }

    /** A folder by its path below the IPM subtree ("Inbox/Projects"), names compared case-insensitively. */
    public Folder folder(String path) {
        return subtree().folder(path);
    }

    public Optional<Folder> findFolder(String path) {
        return subtree().findFolder(path);
    }

    /** Every folder below the IPM subtree, depth first. */
    public List<Folder> folders() {
        return subtree().allFolders();
    }

    /** The store's inbox rules, which the delivery agent applies to mail delivered into it. */
    public Rules rules() {
        return Rules.of(session, info);
    }

    /** The owner's out-of-office settings and the senders already answered (private stores only). */
    public OutOfOfficeMessage outOfOffice() {
        return OutOfOfficeMessage.of(session, info);
    }

    /** Saves a draft in Drafts, read, with the store's owner as sender unless the draft names one. */
    public Item createDraft(ItemDraft draft) {
        return new Item(session, session.messages().create(drafts().entryId(), draft.content(owner(), true)));
    }

    /**
     * Sends mail: saves it in the Outbox (read, with the store's owner as sender unless the draft names one)
     * and submits it; the spooler takes it from there. The returned item is the queued message.
     */
    public Item send(ItemDraft draft) {
        Item item = new Item(session, session.messages().create(outbox().entryId(), draft.content(owner(), true)));
        return item.send();
    }

    private Address owner() {
        if (ownerLogin().isEmpty()) {
            return null;
        }
        UserInfo u = session.user().login().equalsIgnoreCase(ownerLogin()) ? session.user()
                : session.directory().user(ownerLogin()).orElse(null);
        return u == null ? null : new Address(u.fullName(), u.email());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Store s && s.entryId().equals(entryId());
    }

    @Override
    public int hashCode() {
        return entryId().hashCode();
    }

    @Override
    public String toString() {
        return "Store[" + (info.kind() == StoreKind.PUBLIC ? "public" : ownerLogin()) + "]";
    }
}
