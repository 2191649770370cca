package org.koppel.store.client;

import java.time.Instant;
import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/** Messages (including associated, FAI, messages and embedded messages) inside folders. */
public interface Messages {

    /** Saves a new message with its recipients and attachments in one transaction. */
    EntryId create(EntryId folder, MessageContent content);

    /**
     * Saves several new messages into one folder in a single transaction, all or none: for imports,
     * restores and migrations, where one commit per message would dominate the cost.
     */
    List<EntryId> createAll(EntryId folder, List<MessageContent> contents);

    MessageData load(EntryId message);

    /** Chosen properties; a missing one comes back as a PT_ERROR value with MAPI_E_NOT_FOUND. */
    List<PropValue> properties(EntryId message, List<PropTag> tags);

    /** Sets and removes properties; everything else on the message is left as it is. */
    void update(EntryId message, List<PropValue> set, List<PropTag> remove);

    /** Replaces the recipient table. */
    void setRecipients(EntryId message, List<Recipient> recipients);

    /**
     * Deletes messages: {@code hard} removes them at once; otherwise they become soft-deleted
     * (invisible, still counted in PR_DELETED_MSG_COUNT) until purged or restored.
     */
    void delete(List<EntryId> messages, boolean hard);

    /** Brings soft-deleted messages back into their folder. */
    void restore(List<EntryId> messages);

    /** Hard-deletes the folder's soft-deleted messages deleted before the given time; returns how many. */
    int purgeDeleted(EntryId folder, Instant deletedBefore);

    /** Copies messages into a folder; returns the copies' entry ids in the same order. */
    List<EntryId> copy(List<EntryId> messages, EntryId destination);

    /** Moves messages into a folder; entry ids stay the same. */
    void move(List<EntryId> messages, EntryId destination);

    /**
     * Sets or clears the read flag on the given messages of a folder, or on all of them when the list
     * is empty; returns how many messages changed.
     */
    int setReadFlags(EntryId folder, List<EntryId> messages, boolean read);
}
