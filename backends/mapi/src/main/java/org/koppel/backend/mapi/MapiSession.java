package org.koppel.backend.mapi;

import java.time.Clock;
import java.util.Optional;
import org.koppel.backend.BackendSession;
import org.koppel.backend.ContentSync;
import org.koppel.backend.Folders;
import org.koppel.backend.GlobalAddressList;
import org.koppel.backend.Items;
import org.koppel.backend.MailSubmission;
import org.koppel.backend.MailboxSearch;
import org.koppel.backend.OutOfOffice;
import org.koppel.backend.Push;
import org.koppel.backend.UserDetails;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.store.client.Feature;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.UserInfo;

/** A user's backend session: one store session and the user's own store, shared by the capabilities. */
final class MapiSession implements BackendSession {

    private final Session session;
    private final UserDetails user;
    private final boolean mobileAccess;
    private final MapiFolders folders;
    private final MapiContentSync contents;
    private final MapiItems items;
    private final MapiMailSubmission mail;
    private final MapiPush push;
    private final MapiMailboxSearch search;
    private final MapiGlobalAddressList gal;
    private final MapiOutOfOffice outOfOffice;

    MapiSession(Session session, Clock clock) {
        this.session = session;
        UserInfo u = session.user();
        this.user = new UserDetails(u.login(), u.fullName(), u.email(), u.aliases());
        this.mobileAccess = u.has(Feature.MOBILE);
        StoreInfo store = session.stores().openOwn();
        StoreNamedTags names = new StoreNamedTags(session, store.entryId());
        EmailConversion conversion = new EmailConversion(session, names);
        this.folders = new MapiFolders(session, store);
        this.contents = new MapiContentSync(session, store, folders, conversion, clock);
        this.items = new MapiItems(session, folders, conversion);
        this.mail = new MapiMailSubmission(session, store, names, items, folders, clock);
        this.push = new MapiPush(session, folders, store.entryId());
        this.search = new MapiMailboxSearch(session, folders, conversion);
        this.gal = new MapiGlobalAddressList(session);
        this.outOfOffice = new MapiOutOfOffice(session, store);
    }

    @Override
    public UserDetails user() {
        return user;
    }

    /** The store's per-user MOBILE feature, as the directory had it at logon. */
    @Override
    public boolean mobileAccess() {
        return mobileAccess;
    }

    @Override
    public Folders folders() {
        return folders;
    }

    @Override
    public ContentSync contents() {
        return contents;
    }

    @Override
    public Items items() {
        return items;
    }

    @Override
    public MailSubmission mail() {
        return mail;
    }

    @Override
    public Push push() {
        return push;
    }

    /** The store's out-of-office, which the delivery agent answers with. */
    @Override
    public Optional<OutOfOffice> outOfOffice() {
        return Optional.of(outOfOffice);
    }

    @Override
    public Optional<MailboxSearch> search() {
        return Optional.of(search);
    }

    @Override
    public Optional<GlobalAddressList> globalAddressList() {
        return Optional.of(gal);
    }

    @Override
    public void close() {
        session.close();
    }
}
