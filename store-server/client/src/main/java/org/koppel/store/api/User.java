package org.koppel.store.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.koppel.store.client.Feature;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaStatus;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;

/**
 * A user of the server: name, address, and the way into their store. The details are as read when the object
 * was made; a change returns a new {@code User} with the details as the store has them then.
 */
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

    /** A disabled user cannot log on; mail is still delivered. */
    public boolean active() {
        return info.active();
    }

    /** Further addresses mail is delivered to, besides {@link #email()}. */
    public List<String> aliases() {
        return info.aliases();
    }

    /** The protocols and services the user may use. */
    public Set<Feature> features() {
        return info.features();
    }

    /** Everything the directory says of the user, as the session API gives it. */
    public UserInfo info() {
        return info;
    }

    /** The user's private store, opened with this server's session (folder ACLs decide what it shows). */
    public Store store() {
        return new Store(session, session.stores().openUserStore(info.login()));
    }

    /**
     * Changes the details set in {@code changes} in one transaction (administrators only); returns the user
     * as the store has them now.
     */
    public User update(UserChanges changes) {
        return new User(session, session.directory().updateUser(info.login(), changes));
    }

    /** Sets the user's password (administrators only). */
    public void setPassword(String password) {
        session.directory().setPassword(info.login(), password);
    }

    /** The user's effective quota, the store's size and where it stands (the user's own, or administrators). */
    public QuotaStatus quota() {
        return session.quotas().status(info.login());
    }

    /**
     * Sets the user's own limits, or with {@code null} returns them to the server defaults (administrators
     * only); returns the status as it is then.
     */
    public QuotaStatus setQuota(Quota quota) {
        session.quotas().set(info.login(), quota);
        return quota();
    }

    /**
     * The users who may send as this user: this user's address in From and no Sender header (administrators
     * and the user themself may read it).
     */
    public List<User> sendAs() {
        return users(session.directory().sendAs(MemberKind.USER, info.login()));
    }

    /** Lets {@code grantee} send as this user (administrators only). */
    public void grantSendAs(User grantee) {
        session.directory().grantSendAs(MemberKind.USER, info.login(), grantee.name());
    }

    /** Takes the send-as right back (administrators only); MAPI_E_NOT_FOUND if {@code grantee} did not have it. */
    public void revokeSendAs(User grantee) {
        session.directory().revokeSendAs(MemberKind.USER, info.login(), grantee.name());
    }

    /**
     * The delegates of this user's mailbox, who may send on the user's behalf: From this user, Sender the
     * delegate (the user themself and administrators may read and change it).
     */
    public List<User> delegates() {
        return users(session.permissions().delegates(info.login()));
    }

    public void addDelegate(User delegate) {
        session.permissions().addDelegate(info.login(), delegate.name());
    }

    /** MAPI_E_NOT_FOUND if {@code delegate} was not one. */
    public void removeDelegate(User delegate) {
        session.permissions().removeDelegate(info.login(), delegate.name());
    }

    /** Users by login, leaving out any deleted since the list was read. */
    private List<User> users(List<String> logins) {
        return logins.stream().map(l -> session.directory().user(l)).flatMap(java.util.Optional::stream)
                .map(u -> new User(session, u)).toList();
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
