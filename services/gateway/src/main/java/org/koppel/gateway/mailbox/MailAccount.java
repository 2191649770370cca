package org.koppel.gateway.mailbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FolderType;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.WellKnownFolder;

/**
 * A logged-on user's mail as IMAP sees it: the mailboxes of their store's IPM subtree (the Inbox as INBOX,
 * well-known folders with their RFC 6154 special use), the public store's folders as the shared namespace,
 * and the subscription list (kept in the store, so it follows the user to every client).
 */
public final class MailAccount {

    /** The prefix of the shared namespace (RFC 2342): the public store's folders. */
    public static final String PUBLIC_PREFIX = "Public Folders";

    private static final NamedPropTag SUBSCRIPTIONS = NamedPropTag.byName(PropertySets.PS_PUBLIC_STRINGS,
            "urn:koppel:imap-subscriptions", PropType.PT_MV_UNICODE);
    private static final Map<WellKnownFolder, String> SPECIAL_USE = Map.of(
            WellKnownFolder.SENT_ITEMS, "\\Sent", WellKnownFolder.DELETED_ITEMS, "\\Trash",
            WellKnownFolder.DRAFTS, "\\Drafts", WellKnownFolder.JUNK, "\\Junk");

    private final Session session;
    private final StoreInfo store;
    private final NamedTagMap names;
    private final FlagProperties flagProperties;
    private final InternalDates internalDates;
    private final boolean onlyMail;
    private final Optional<StoreInfo> publicStore;
    private final FolderSnapshots snapshots;

    public MailAccount(Session session, boolean onlyMailFolders, boolean publicFolders, FolderSnapshots snapshots) {
        this.session = session;
        this.snapshots = snapshots;
        this.store = session.stores().openOwn();
        this.names = new StoreNamedTags(session, store.entryId());
        this.flagProperties = new FlagProperties(names);
        this.internalDates = new InternalDates(names);
        this.onlyMail = onlyMailFolders;
        Optional<StoreInfo> pub = Optional.empty();
        if (publicFolders) {
            try {
                pub = Optional.of(session.stores().openPublic());
            } catch (MapiException e) {
                pub = Optional.empty(); // no public store on this server
            }
        }
        this.publicStore = pub;
    }

    public Session session() {
        return session;
    }

    public StoreInfo store() {
        return store;
    }

    public NamedTagMap names() {
        return names;
    }

    public FlagProperties flagProperties() {
        return flagProperties;
    }

    public InternalDates internalDates() {
        return internalDates;
    }

    public boolean hasSharedNamespace() {
        return publicStore.isPresent();
    }

    /** Every mailbox, parents before children. */
    public List<Mailbox> list() {
        List<Mailbox> out = own();
        out.addAll(shared());
        return out;
    }

    /** The mailboxes of the user's own store. */
    private List<Mailbox> own() {
        List<Mailbox> out = new ArrayList<>();
        EntryId inbox = store.folder(WellKnownFolder.INBOX);
        Map<EntryId, String> special = new HashMap<>();
        SPECIAL_USE.forEach((w, attr) -> store.findFolder(w).ifPresent(id -> special.put(id, attr)));
        walk(store.folder(WellKnownFolder.IPM_SUBTREE), "", inbox, special, false, out);
        return out;
    }

    /** The shared namespace: the public store's folders. */
    private List<Mailbox> shared() {
        List<Mailbox> out = new ArrayList<>();
        publicStore.flatMap(p -> p.findFolder(WellKnownFolder.IPM_SUBTREE)).ifPresent(root -> {
            out.add(new Mailbox(PUBLIC_PREFIX, root, Set.of("\\Noselect"), true, true));
            walk(root, PUBLIC_PREFIX + Mailbox.DELIMITER, null, Map.of(), true, out);
        });
        return out;
    }

    private void walk(EntryId root, String prefix, EntryId inbox, Map<EntryId, String> special, boolean shared,
            List<Mailbox> out) {
        List<FolderInfo> all;
        try {
            all = session.folders().children(root, true);
        } catch (MapiException.NoAccess e) {
            return;
        }
        Map<EntryId, String> paths = new HashMap<>();
        Set<EntryId> skipped = new LinkedHashSet<>();
        Map<EntryId, Integer> index = new HashMap<>();
        for (FolderInfo f : all) {
            EntryId parent = f.parent().orElse(root);
            if (skipped.contains(parent) || f.type() == FolderType.FOLDER_SEARCH || !isMail(f)) {
                skipped.add(f.entryId());
                continue;
            }
            String leaf = f.name().replace(Mailbox.DELIMITER, '_');
            String path;
            if (f.entryId().equals(inbox)) {
                path = Mailbox.INBOX;
            } else if (paths.containsKey(parent)) {
                path = paths.get(parent) + Mailbox.DELIMITER + leaf;
            } else if (parent.equals(root)) {
                path = prefix + leaf;
            } else {
                skipped.add(f.entryId());
                continue;
            }
            if (!shared && !f.entryId().equals(inbox) && path.equalsIgnoreCase(Mailbox.INBOX)) {
                path = path + "_"; // a folder named "Inbox" beside the real one would clash with INBOX
            }
            paths.put(f.entryId(), path);
            Optional.ofNullable(index.get(parent)).ifPresent(i -> {
                Mailbox p = out.get(i);
                out.set(i, new Mailbox(p.name(), p.folder(), p.specialUse(), true, p.shared()));
            });
            String use = special.get(f.entryId());
            index.put(f.entryId(), out.size());
            out.add(new Mailbox(path, f.entryId(), use == null ? Set.of() : Set.of(use), false, shared));
        }
    }

    private boolean isMail(FolderInfo f) {
        if (!onlyMail) {
            return true;
        }
        String c = f.containerClass();
        return c == null || c.isEmpty() || c.equals("IPF") || c.regionMatches(true, 0, "IPF.Note", 0, 8);
    }

    /** The mailbox of a name (INBOX in any case), if it exists. */
    public Optional<Mailbox> find(String name) {
        String wanted = normalize(name);
        // Only a name in the shared namespace needs the public store's hierarchy read.
        List<Mailbox> candidates = wanted.equals(PUBLIC_PREFIX) || wanted.startsWith(PUBLIC_PREFIX + Mailbox.DELIMITER)
                ? shared() : own();
        return candidates.stream().filter(m -> m.name().equals(wanted)).findFirst();
    }

    /** INBOX, and INBOX/... , in any case are the Inbox (RFC 9051 5.1); other names as they are. */
    public static String normalize(String name) {
        if (name.equalsIgnoreCase(Mailbox.INBOX)) {
            return Mailbox.INBOX;
        }
        if (name.length() > 6 && name.regionMatches(true, 0, "INBOX" + Mailbox.DELIMITER, 0, 6)) {
            return Mailbox.INBOX + name.substring(5);
        }
        while (name.endsWith(String.valueOf(Mailbox.DELIMITER))) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * Creates a mailbox and any missing parents (RFC 9051 6.3.4).
     *
     * @throws MailboxException if it exists or its name is not allowed
     */
    public Mailbox create(String name) {
        String wanted = normalize(name);
        if (wanted.isEmpty() || wanted.contains("//")) {
            throw new MailboxException(MailboxException.Reason.CANNOT, "Invalid mailbox name.");
        }
        if (find(wanted).isPresent()) {
            throw new MailboxException(MailboxException.Reason.ALREADYEXISTS, "Mailbox already exists.");
        }
        List<Mailbox> all = list();
        String[] parts = wanted.split(String.valueOf(Mailbox.DELIMITER));
        EntryId parent = store.folder(WellKnownFolder.IPM_SUBTREE);
        StringBuilder path = new StringBuilder();
        int start = 0;
        if (wanted.startsWith(PUBLIC_PREFIX + Mailbox.DELIMITER) && publicStore.isPresent()) {
            parent = publicStore.get().folder(WellKnownFolder.IPM_SUBTREE);
            path.append(PUBLIC_PREFIX);
            start = 1;
        }
        for (int i = start; i < parts.length; i++) {
            if (path.length() > 0) {
                path.append(Mailbox.DELIMITER);
            }
            path.append(parts[i]);
            String p = path.toString();
            Optional<Mailbox> existing = all.stream().filter(m -> m.name().equals(p)).findFirst();
            if (existing.isPresent()) {
                parent = existing.get().folder();
                continue;
            }
            try {
                parent = session.folders().create(parent, parts[i], "IPF.Note", CollisionPolicy.FAIL);
            } catch (MapiException.Collision e) {
                throw new MailboxException(MailboxException.Reason.ALREADYEXISTS, "Mailbox already exists.");
            } catch (MapiException.NoAccess e) {
                throw new MailboxException(MailboxException.Reason.NOPERM, "Permission denied.");
            }
        }
        return find(wanted).orElseThrow();
    }

    /** Deletes a mailbox with its messages; one with children or a special one is refused. */
    public void delete(String name) {
        Mailbox m = existing(name);
        if (m.isInbox() || !m.specialUse().isEmpty() && !m.shared()) {
            throw new MailboxException(MailboxException.Reason.CANNOT, "This mailbox cannot be deleted.");
        }
        if (m.hasChildren()) {
            throw new MailboxException(MailboxException.Reason.INUSE, "Mailbox has children, delete them first.");
        }
        try {
            session.folders().delete(m.folder(), new FolderDeletion(true, false));
        } catch (MapiException.NoAccess e) {
            throw new MailboxException(MailboxException.Reason.NOPERM, "Permission denied.");
        }
        // The subscription stays (RFC 9051 6.3.7: the server MUST NOT remove a name unilaterally); LIST
        // (SUBSCRIBED) shows it as \NonExistent until the client unsubscribes or the mailbox is made again.
    }

    /**
     * Renames (and where the parent changes, moves) a mailbox with its children. Renaming INBOX moves its
     * messages into the new mailbox and leaves INBOX empty (RFC 9051 6.3.6).
     */
    public void rename(String from, String to) {
        Mailbox m = existing(from);
        String target = normalize(to);
        if (find(target).isPresent()) {
            throw new MailboxException(MailboxException.Reason.ALREADYEXISTS, "Mailbox already exists.");
        }
        if (m.shared() != target.startsWith(PUBLIC_PREFIX + Mailbox.DELIMITER)) {
            throw new MailboxException(MailboxException.Reason.CANNOT, "Cannot move between namespaces.");
        }
        int cut = target.lastIndexOf(Mailbox.DELIMITER);
        String leaf = cut < 0 ? target : target.substring(cut + 1);
        try {
            if (m.isInbox()) {
                Mailbox created = create(target);
                List<EntryId> ids = new ArrayList<>();
                for (var row : session.contents().query(m.folder(), new org.koppel.store.client.TableQuery(
                        List.of(org.koppel.mapi.PropTags.PR_ENTRYID), Optional.empty(),
                        org.koppel.mapi.SortOrderSet.none(), 0, Integer.MAX_VALUE, false)).rows()) {
                    ids.add(row.entryId());
                }
                if (!ids.isEmpty()) {
                    session.messages().move(ids, created.folder());
                }
                return;
            }
            EntryId newParent;
            if (cut < 0) {
                newParent = store.folder(WellKnownFolder.IPM_SUBTREE);
            } else {
                String parentName = target.substring(0, cut);
                newParent = find(parentName).map(Mailbox::folder).orElseGet(() -> create(parentName).folder());
            }
            FolderInfo info = session.folders().info(m.folder());
            if (!newParent.equals(info.parent().orElse(null))) {
                session.folders().move(m.folder(), newParent, CollisionPolicy.FAIL);
            }
            if (!info.name().equals(leaf)) {
                session.folders().rename(m.folder(), leaf);
            }
        } catch (MapiException.Collision e) {
            throw new MailboxException(MailboxException.Reason.ALREADYEXISTS, "Mailbox already exists.");
        } catch (MapiException.NoAccess e) {
            throw new MailboxException(MailboxException.Reason.NOPERM, "Permission denied.");
        } catch (MapiException.FolderCycle e) {
            throw new MailboxException(MailboxException.Reason.CANNOT, "Cannot move a mailbox into itself.");
        }
        List<String> subs = subscriptions();
        List<String> renamed = new ArrayList<>();
        for (String s : subs) {
            if (s.equals(m.name()) || s.startsWith(m.name() + Mailbox.DELIMITER)) {
                renamed.add(target + s.substring(m.name().length()));
            } else {
                renamed.add(s);
            }
        }
        if (!renamed.equals(subs)) {
            saveSubscriptions(renamed);
        }
    }

    private Mailbox existing(String name) {
        return find(name).orElseThrow(() -> new MailboxException(MailboxException.Reason.NONEXISTENT,
                "No such mailbox."));
    }

    /** The subscribed names (RFC 9051 6.3.7), which need not exist. */
    public List<String> subscriptions() {
        List<PropValue> v = session.folders().properties(store.folder(WellKnownFolder.IPM_SUBTREE),
                List.of(names.resolve(SUBSCRIPTIONS)));
        if (!v.isEmpty() && v.get(0).javaValue() instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    public void subscribe(String name) {
        String n = normalize(name);
        List<String> subs = new ArrayList<>(subscriptions());
        if (!subs.contains(n)) {
            subs.add(n);
            saveSubscriptions(subs);
        }
    }

    public void unsubscribe(String name) {
        String n = normalize(name);
        List<String> subs = new ArrayList<>(subscriptions());
        if (subs.remove(n)) {
            saveSubscriptions(subs);
        }
    }

    private void saveSubscriptions(List<String> subs) {
        session.folders().setProperties(store.folder(WellKnownFolder.IPM_SUBTREE),
                List.of(PropValue.of(names.resolve(SUBSCRIPTIONS), List.copyOf(subs))));
    }

    /**
     * The UIDs messages have in a folder now, for APPENDUID and COPYUID (RFC 4315): read like a SELECT, from the
     * gateway's snapshot of the folder plus what changed since, so repeated appends or copies into one folder cost
     * O(changes) and leave the snapshot current for the next SELECT.
     */
    public Map<EntryId, Long> uidsOf(EntryId folder, List<EntryId> messages) {
        MailboxView view = MailboxView.open(session, folder, flagProperties, internalDates, snapshots);
        Map<EntryId, Long> found = new HashMap<>();
        for (EntryId id : messages) {
            long uid = view.uidOf(id);
            if (uid > 0) {
                found.put(id, uid);
            }
        }
        return found;
    }

    /** A view of a mailbox's messages, for SELECT and EXAMINE. */
    public MailboxView open(Mailbox m) {
        return MailboxView.open(session, m.folder(), flagProperties, internalDates, snapshots);
    }
}
