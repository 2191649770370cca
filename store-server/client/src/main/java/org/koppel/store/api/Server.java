package org.koppel.store.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.StoreSummary;

/**
 * The way into the high-level API: a logged-on session and what it can reach, users, groups and stores.
 * Everything runs as the session's user, with that user's rights. Closing the server closes the session if
 * the server opened it ({@link #logon}); a session handed in stays the caller's.
 */
public final class Server implements AutoCloseable {

    private final Session session;
    private final boolean ownsSession;

    /** Works with a session the caller opened and will close. */
    public Server(Session session) {
        this(session, false);
    }

    private Server(Session session, boolean ownsSession) {
        this.session = Objects.requireNonNull(session, "session");
        this.ownsSession = ownsSession;
    }

    /** Logs on to a store server (in-process engine or remote transport); close the server when done. */
    public static Server logon(StoreServer server, Credentials credentials) {
        return new Server(server.logon(credentials), true);
    }

    /** The session underneath, for what the high-level API does not cover. */
    public Session session() {
        return session;
    }

    /** The user this server acts as. */
    public User me() {
        return new User(session, session.user());
    }

    public List<User> users() {
        return session.directory().users().stream().map(u -> new User(session, u)).toList();
    }

    /** A user by login or address; MAPI_E_NOT_FOUND if there is none. */
    public User user(String name) {
        return findUser(name).orElseThrow(() -> new MapiException.NotFound("no user " + name));
    }

    public Optional<User> findUser(String name) {
        return session.directory().resolve(name).map(u -> new User(session, u));
    }

    /** Creates a user with every feature and a private store (administrators only). */
    public User createUser(String login, String fullName, String email, String password) {
        return createUser(NewUser.of(login, fullName, email, password));
    }

    public User createUser(NewUser user) {
        return new User(session, session.directory().createUser(user));
    }

    /** Deletes a user, with their store or leaving it orphaned (administrators only). */
    public void deleteUser(User user, boolean deleteStore) {
        session.directory().deleteUser(user.name(), deleteStore);
    }

    public List<Group> groups() {
        return session.directory().groups().stream().map(g -> new Group(this, g)).toList();
    }

    /** A group by name; MAPI_E_NOT_FOUND if there is none. */
    public Group group(String name) {
        return session.directory().group(name).map(g -> new Group(this, g))
                .orElseThrow(() -> new MapiException.NotFound("no group " + name));
    }

    /** Creates a group (administrators only). */
    public Group createGroup(String name, String email) {
        return new Group(this, session.directory().createGroup(name, email));
    }

    /** The session user's own store. */
    public Store store() {
        return new Store(session, session.stores().openOwn());
    }

    public Store publicStore() {
        return new Store(session, session.stores().openPublic());
    }

    /** Every store of the server, private, public and orphaned, with owner and size (administrators only). */
    public List<StoreSummary> stores() {
        return session.stores().list();
    }

    /**
     * Deletes an orphaned store (its owner was deleted with the store kept) and everything in it
     * (administrators only); a store with an owner is refused with MAPI_E_NO_ACCESS: delete the user instead.
     */
    public void removeOrphanStore(EntryId store) {
        session.stores().removeOrphan(store);
    }

    @Override
    public void close() {
        if (ownsSession) {
            session.close();
        }
    }

    @Override
    public String toString() {
        return "Server[" + session.user().login() + "]";
    }
}
