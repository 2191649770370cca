package org.koppel.dagent.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.RuleTags;
import org.koppel.store.api.OutOfOffice;
import org.koppel.store.api.OutOfOfficeMessage;
import org.koppel.store.api.Rules;
import org.koppel.store.client.EventType;
import org.koppel.store.client.Notification;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.WellKnownFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What delivery reads from a mailbox for every message, its store, its inbox rules and its out-of-office state,
 * kept per store: the store for a minute, the rules and out-of-office state for as long as the store says they
 * have not changed. Both live in hidden (associated) messages: the
 * rules in the Inbox, the out-of-office state in the root folder. A kept store holds a subscription on both
 * folders: a new ordinary message there (a delivery, which the store's notification names by its class) leaves
 * what is kept alone, while any other change (to a rule or to the out-of-office state, by the admin tool, a
 * phone, a client, or the reply log of the out-of-office itself; also a message read or moved in the Inbox,
 * which cannot be told apart) drops it; so does RESYNC_NEEDED, which every subscription gets. Without this, every delivery read both again: two table
 * queries, a message load and the rule reads, about half of a delivery's statements.
 *
 * <p>A change is seen when its notification arrives, milliseconds after its commit: a message delivered in
 * between is handled as if it had arrived just before the change. A value read while a notification came is
 * not kept. Bounded: past {@code maxStores} the least recently used store's subscriptions are closed. The
 * subscriptions belong to the session they were made on; {@link #clear} (on a new session) forgets them all.
 */
final class MailboxSettings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxSettings.class);

    /** The default bound: a few thousand busy mailboxes, two subscriptions each. */
    static final int DEFAULT_MAX_STORES = 5_000;

    /** How long a user's store (its entry id and well-known folders) is kept without asking again. */
    static final Duration STORE_KEEP = Duration.ofMinutes(1);

    private final int maxStores;
    private final Clock clock;
    private final Map<EntryId, Kept> kept;
    private final Map<String, OpenedStore> stores;

    private record OpenedStore(StoreInfo store, Instant opened) {
    }

    MailboxSettings(int maxStores) {
        this(maxStores, Clock.systemUTC());
    }

    MailboxSettings(int maxStores, Clock clock) {
        if (maxStores < 0) {
            throw new IllegalArgumentException("maxStores " + maxStores);
        }
        this.maxStores = maxStores;
        this.clock = clock;
        this.kept = new LinkedHashMap<>(16, 0.75f, true);
        this.stores = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The user's private store as {@code Stores.openUserStore} gives it, kept for {@link #STORE_KEEP}: a store
     * and its well-known folders change only when an administrator deletes and recreates them, and a delivery
     * that fails because what was kept is gone calls {@link #forgetStore} and opens it again.
     */
    StoreInfo store(Session s, String login) {
        String key = login.toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        synchronized (stores) {
            OpenedStore o = stores.get(key);
            if (o != null && o.opened().plus(STORE_KEEP).isAfter(now)) {
                return o.store();
            }
        }
        StoreInfo opened = s.stores().openUserStore(login);
        if (maxStores > 0) {
            synchronized (stores) {
                stores.put(key, new OpenedStore(opened, now));
                if (stores.size() > maxStores) {
                    var oldest = stores.entrySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        return opened;
    }

    /** Forgets the kept store of a user (it was not found where it was kept). */
    void forgetStore(String login) {
        synchronized (stores) {
            stores.remove(login.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The store's inbox rules, as {@link Rules#table()} reads them. */
    Rules.Table rules(Session s, StoreInfo store) {
        Kept k = entry(s, store);
        if (k == null) {
            return Rules.of(s, store).table();
        }
        return k.rules(() -> Rules.of(s, store).table());
    }

    /** The store's out-of-office settings, as {@link OutOfOfficeMessage#read()} reads them. */
    OutOfOffice outOfOffice(Session s, StoreInfo store) {
        Kept k = entry(s, store);
        if (k == null) {
            return OutOfOfficeMessage.of(s, store).read();
        }
        return k.outOfOffice(() -> OutOfOfficeMessage.of(s, store).read());
    }

    /** Forgets every store and closes the subscriptions (the session they were made on is gone). */
    void clear() {
        List<Kept> all;
        synchronized (kept) {
            all = List.copyOf(kept.values());
            kept.clear();
        }
        synchronized (stores) {
            stores.clear();
        }
        all.forEach(Kept::close);
    }

    @Override
    public void close() {
        clear();
    }

    /** The kept entry of a store, subscribing on first use; null when it cannot be kept. */
    private Kept entry(Session s, StoreInfo store) {
        if (maxStores == 0) {
            return null;
        }
        synchronized (kept) {
            Kept k = kept.get(store.entryId());
            if (k != null) {
                return k;
            }
        }
        Kept fresh = subscribe(s, store);
        if (fresh == null) {
            return null;
        }
        Kept evicted = null;
        Kept winner;
        synchronized (kept) {
            winner = kept.putIfAbsent(store.entryId(), fresh);
            if (winner == null) {
                winner = fresh;
                if (kept.size() > maxStores) {
                    var oldest = kept.entrySet().iterator();
                    evicted = oldest.next().getValue();
                    oldest.remove();
                }
            }
        }
        if (winner != fresh) {
            fresh.close(); // another delivery to the same store subscribed first
        }
        if (evicted != null) {
            evicted.close();
        }
        return winner;
    }

    private static Kept subscribe(Session s, StoreInfo store) {
        Kept k = new Kept();
        try {
            k.rulesWatch = s.notifications().subscribe(store.folder(WellKnownFolder.INBOX), CHANGES,
                    n -> k.changedUnless(n, RuleTags.MESSAGE_CLASS));
            k.outOfOfficeWatch = s.notifications().subscribe(store.folder(WellKnownFolder.ROOT), CHANGES,
                    n -> k.changedUnless(n, OutOfOfficeMessage.MESSAGE_CLASS));
            return k;
        } catch (MapiException | UnsupportedOperationException e) {
            LOG.debug("Mailbox settings of {} are read per delivery: {}", store.entryId(), e.toString());
            k.close();
            return null;
        }
    }

    private static final Set<EventType> CHANGES = EnumSet.of(EventType.OBJECT_CREATED, EventType.OBJECT_MODIFIED,
            EventType.OBJECT_DELETED, EventType.OBJECT_MOVED, EventType.OBJECT_COPIED, EventType.TABLE_CHANGED);

    /** One store's kept values and the subscriptions that say when they are stale. */
    private static final class Kept {
        private long version;
        private Rules.Table rules;
        private OutOfOffice outOfOffice;
        Subscription rulesWatch;
        Subscription outOfOfficeWatch;

        /**
         * A change in a watched folder: everything kept is stale, unless the store said which message was
         * created and it is an ordinary one (a delivery), not one of {@code settingsClass}.
         */
        void changedUnless(Notification n, String settingsClass) {
            if (n.type() == EventType.OBJECT_CREATED && n.objectType() == MapiObjectType.MAPI_MESSAGE
                    && !n.messageClass().isEmpty() && !n.messageClass().equalsIgnoreCase(settingsClass)) {
                return;
            }
            changed();
        }

        synchronized void changed() {
            version++;
            rules = null;
            outOfOffice = null;
        }

        Rules.Table rules(Supplier<Rules.Table> read) {
            long before;
            synchronized (this) {
                if (rules != null) {
                    return rules;
                }
                before = version;
            }
            Rules.Table now = read.get();
            synchronized (this) {
                if (version == before) {
                    rules = now;
                }
            }
            return now;
        }

        OutOfOffice outOfOffice(Supplier<OutOfOffice> read) {
            long before;
            synchronized (this) {
                if (outOfOffice != null) {
                    return outOfOffice;
                }
                before = version;
            }
            OutOfOffice now = read.get();
            synchronized (this) {
                if (version == before) {
                    outOfOffice = now;
                }
            }
            return now;
        }

        void close() {
            for (Subscription sub : new Subscription[] {rulesWatch, outOfOfficeWatch}) {
                if (sub != null) {
                    try {
                        sub.close();
                    } catch (RuntimeException e) {
                        LOG.debug("Closing a mailbox settings subscription failed: {}", e.toString());
                    }
                }
            }
        }
    }
}
