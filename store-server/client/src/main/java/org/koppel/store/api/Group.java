package org.koppel.store.api;

import java.util.List;
import java.util.Objects;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;

/** A group of users; "Everyone" holds every user without listing them. */
public final class Group {

    private final Server server;
    private final GroupInfo info;

    Group(Server server, GroupInfo info) {
        this.server = Objects.requireNonNull(server, "server");
        this.info = Objects.requireNonNull(info, "info");
    }

    public String name() {
        return info.name();
    }

    public String email() {
        return info.email();
    }

    /** Everything the directory says of the group, its members' logins included, as read when this object was made. */
    public GroupInfo info() {
        return info;
    }

    /** The members as read when this group object was made. */
    public List<User> members() {
        return info.members().stream().map(server::user).toList();
    }

    /** Adds a user (administrators only); returns the group as it is now. */
    public Group add(User user) {
        server.session().directory().addMember(info.name(), user.name());
        return server.group(info.name());
    }

    /** Removes a user (administrators only); returns the group as it is now. */
    public Group remove(User user) {
        server.session().directory().removeMember(info.name(), user.name());
        return server.group(info.name());
    }

    /** The users who may send as the group: its address in From, no Sender header (administrators only). */
    public List<User> sendAs() {
        return server.session().directory().sendAs(MemberKind.GROUP, info.name()).stream().map(server::user).toList();
    }

    /** Lets {@code grantee} send as the group (administrators only). */
    public void grantSendAs(User grantee) {
        server.session().directory().grantSendAs(MemberKind.GROUP, info.name(), grantee.name());
    }

    /** Takes the send-as right back (administrators only); MAPI_E_NOT_FOUND if {@code grantee} did not have it. */
    public void revokeSendAs(User grantee) {
        server.session().directory().revokeSendAs(MemberKind.GROUP, info.name(), grantee.name());
    }

    /** Deletes the group, not its members (administrators only); "Everyone" cannot be deleted. */
    public void delete() {
        server.session().directory().deleteGroup(info.name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && g.info.id() == info.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(info.id());
    }

    @Override
    public String toString() {
        return "Group[" + info.name() + "]";
    }
}
