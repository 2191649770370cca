package org.koppel.store.client;

import java.util.List;
import java.util.Optional;

/**
 * Users and groups (the address book). Anyone may look users up; creating, changing and deleting
 * users and groups needs an administrator.
 */
public interface Directory {

    UserInfo createUser(NewUser user);

    UserInfo updateUser(String login, UserChanges changes);

    /** Deletes the user; the store is removed with it, or kept as an orphan for an admin to handle. */
    void deleteUser(String login, boolean deleteStore);

    void setPassword(String login, String newPassword);

    /** Lets a user change their own password, proving the old one. */
    void changeOwnPassword(String oldPassword, String newPassword);

    Optional<UserInfo> user(String login);

    /** A user by login, primary address or alias (case-insensitive). */
    Optional<UserInfo> resolve(String loginOrAddress);

    List<UserInfo> users();

    GroupInfo createGroup(String name, String email);

    void deleteGroup(String name);

    void addMember(String group, String login);

    void removeMember(String group, String login);

    Optional<GroupInfo> group(String name);

    List<GroupInfo> groups();

    /**
     * The send-as list of a user or group: the logins of the users who may send with its address in From, as
     * if they were it (no Sender header), as Kopano's {@code kopano-admin --add-sendas} grants. Administrators,
     * the system identity and the user themself may read it; MAPI_E_NOT_FOUND for an unknown user or group.
     */
    List<String> sendAs(MemberKind kind, String name);

    /** Lets {@code grantee} (a login) send as the user or group (administrators only); granting twice is one grant. */
    void grantSendAs(MemberKind kind, String name, String grantee);

    /** Takes the send-as right back (administrators only); MAPI_E_NOT_FOUND if the grantee did not have it. */
    void revokeSendAs(MemberKind kind, String name, String grantee);
}
