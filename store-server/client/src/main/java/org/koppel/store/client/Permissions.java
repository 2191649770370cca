package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;

/** Folder access control lists. Reading or changing a folder's ACL needs the folder-owner right. */
public interface Permissions {

    List<AclEntry> list(EntryId folder);

    /** Grants rights to a user or group; 0 removes the entry. */
    void set(EntryId folder, String member, MemberKind kind, int rights);

    /** The rights the session's user holds on the folder. */
    int effectiveRights(EntryId folder);
}
