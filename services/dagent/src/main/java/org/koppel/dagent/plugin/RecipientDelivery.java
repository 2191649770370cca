package org.koppel.dagent.plugin;

import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserInfo;

/** One recipient's delivery as a plugin sees it before and after the message is saved. */
public interface RecipientDelivery {

    /** The envelope sender; empty for a null sender. */
    String sender();

    /** The recipient address as the MTA gave it. */
    String address();

    /** The user the address belongs to; empty for an address only a plugin accepted. */
    Optional<UserInfo> user();

    /**
     * The converted message (named properties numbered locally: use {@link #save} to store it, which maps
     * them to the target store's ids).
     */
    MessageContent message();

    /** The agent's service session (the system identity, which may write into every store). */
    Session session();

    /** Saves the message into a folder of a store, unread, in one transaction; returns its entry id. */
    EntryId save(EntryId store, EntryId folder);
}
