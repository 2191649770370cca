package org.koppel.store.api;

import java.util.Objects;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserInfo;

/** A user of the server: name, address, and the way into their store. */
public final class User {

    private final Session session;
    private final UserInfo info;

    User(Session session, UserInfo info) {
        this.session = Objects.requireNonNull(session, "session");
        this.info = Objects.requireNonNull(info, "info");
    }

    /** The login name. */
    public String name() {
        return info.login();
    }

    public String fullName() {
        return info.fullName();
    }

    /** The primary e-mail address. */
    public String email() {
        return info.email();
    }

    public boolean admin() {
        return info.admin();
    }

    /** Everything the directory says of the user, as the session API gives it. */
    public UserInfo info() {
        return info;
    }

    /** The user's private store, opened with this server's session (folder ACLs decide what it shows). */
    public Store store() {
        return new Store(session, session.stores().openUserStore(info.login()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && u.info.id() == info.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(info.id());
    }

    @Override
    public String toString() {
        return "User[" + info.login() + "]";
    }
}
