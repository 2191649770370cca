package org.koppel.store.core.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;

/**
 * Where users and groups come from, with the send-as lists the administrator keeps for them: the store's own
 * database now; LDAP and Unix accounts later.
 * The store refers to users by the directory's numeric id. A read-only directory answers every write
 * with MAPI_E_NO_SUPPORT. Implementations are proved by {@code UserDirectoryContract}.
 */
public interface UserDirectory {

    /** Whether users and groups can be created and changed through Koppel. */
    boolean writable();

    Optional<UserInfo> byId(long id);

    /** A user by login, primary address or alias, case-insensitively. */
    Optional<UserInfo> find(String loginOrAddress);

    /** The user if the password is right (and the account may log on); empty otherwise. */
    Optional<UserInfo> authenticate(String loginOrAddress, String password);

    List<UserInfo> users();

    /** Creates a user; a taken login or address is MAPI_E_COLLISION. */
    UserInfo create(NewUser user);

    UserInfo update(long id, UserChanges changes);

    void delete(long id);

    void setPassword(long id, String password);

    /** Verifies the old password and sets the new one; a wrong old password is MAPI_E_LOGON_FAILED. */
    void changePassword(long id, String oldPassword, String newPassword);

    List<GroupInfo> groups();

    Optional<GroupInfo> group(String name);

    Optional<GroupInfo> groupById(long id);

    GroupInfo createGroup(String name, String email);

    void deleteGroup(String name);

    void addMember(String group, long userId);

    void removeMember(String group, long userId);

    /** The ids of every group the user is in, Everyone included. */
    Set<Long> groupIdsOf(long userId);

    /**
     * Whether the account still exists and is active: a session of a deleted or disabled user ends at its
     * next call (within the directory's cache time when the change was made elsewhere).
     */
    boolean isActive(long userId);

    /** The id of the built-in Everyone group. */
    long everyoneGroupId();

    /**
     * The send-as list of a user or group: the ids of the users who may send with its address in From. An
     * external directory reads it from its source (Kopano's LDAP plugin has an attribute for it).
     */
    Set<Long> sendAsGrantees(MemberKind kind, long principalId);

    /** Puts a user on the send-as list; false if they were on it already. MAPI_E_NOT_FOUND for an unknown principal. */
    boolean grantSendAs(MemberKind kind, long principalId, long granteeId);

    /** Takes a user off the send-as list; false if they were not on it. */
    boolean revokeSendAs(MemberKind kind, long principalId, long granteeId);
}
