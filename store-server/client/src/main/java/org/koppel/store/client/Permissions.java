package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;

/**
 * Folder access control lists, and a mailbox's delegates. Reading or changing a folder's ACL needs the
 * folder-owner right.
 */
public interface Permissions {

    List<AclEntry> list(EntryId folder);

    /** Grants rights to a user or group; 0 removes the entry. */
    void set(EntryId folder, String member, MemberKind kind, int rights);

    /** The rights the session's user holds on the folder. */
    int effectiveRights(EntryId folder);

    /**
     * The delegates of a user's mailbox: the logins of the users who may send on the user's behalf (From the
     * user, Sender the delegate). Kept in the mailbox, as Exchange keeps its delegate list, so its owner
     * manages it: the owner, administrators and the system identity may read it.
     */
    List<String> delegates(String login);

    /** Makes {@code delegate} a delegate of the user's mailbox (its owner or an administrator); adding twice is one entry. */
    void addDelegate(String login, String delegate);

    /** Removes a delegate (its owner or an administrator); MAPI_E_NOT_FOUND if it was not one. */
    void removeDelegate(String login, String delegate);
}
