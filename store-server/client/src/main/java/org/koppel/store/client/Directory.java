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
}
