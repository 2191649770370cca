package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** Opening stores. */
public interface Stores {

    /** The session user's own private store. */
    StoreInfo openOwn();

    /** Another user's private store; what can be seen inside it is governed by folder ACLs. */
    StoreInfo openUserStore(String login);

    StoreInfo openPublic();

    StoreInfo open(EntryId storeEntryId);

    /** Store-level properties (PR_IPM_*_ENTRYID, PR_MESSAGE_SIZE_EXTENDED, PR_MAILBOX_OWNER_NAME, ...). */
    List<PropValue> properties(EntryId storeEntryId, List<PropTag> tags);

    /** Every store of the server, private, public and orphaned (administrators only). */
    List<StoreSummary> list();

    /**
     * Deletes an orphaned store (a private store whose owner was deleted) with all its contents
     * (administrators only); a store with an owner is refused with MAPI_E_NO_ACCESS: delete the user.
     */
    void removeOrphan(org.koppel.mapi.EntryId store);
}
