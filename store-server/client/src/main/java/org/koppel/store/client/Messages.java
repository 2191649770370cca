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

    /**
     * {@link #update} for several messages in one transaction, all or none: what an IMAP STORE on a range of
     * messages or a client's batch of flag changes needs, where one commit per message would dominate the cost.
     * Each message gets its own change number and notification, as if updated alone.
     */
    void updateAll(List<MessageUpdate> updates);

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

    /**
     * Submits a saved message for sending ([MS-OXOMSG] 3.3.5.1.3): sets MSGFLAG_SUBMIT in PR_MESSAGE_FLAGS and
     * PR_CLIENT_SUBMIT_TIME, and puts the message into the store's outgoing queue, where the spooler picks it
     * up. Until the submission is aborted or the spooler is done with it, the message cannot be changed or
     * moved by users (MAPI_E_SUBMITTED); it can be deleted, which takes it out of the queue.
     *
     * @throws org.koppel.mapi.MapiException.NoRecipients if its recipient table is empty
     * @throws org.koppel.mapi.MapiException.Submitted    if it is already submitted
     * @throws org.koppel.mapi.MapiException.NoAccess     if the caller may not change the message
     * @throws org.koppel.mapi.MapiException.NoSupport    for messages of the public store, associated and
     *                                                    embedded messages
     */
    void submit(EntryId message);

    /**
     * Takes a submitted message back out of the outgoing queue (MAPI's IMsgStore::AbortSubmit): MSGFLAG_SUBMIT
     * is cleared and the message stays where it is, editable again. Returns false if the message is not
     * queued, or a spooler holds it (it is being sent).
     */
    boolean abortSubmit(EntryId message);
}
