package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;

/**
 * The spooler's side of message submission: the messages users submitted with {@link Messages#submit}, in
 * every store, and what the spooler reports back about them. Only the system identity may use it. Each call
 * is one transaction; what it changes in a mailbox (flags, the move to Sent Items, a deletion) is an ordinary
 * change, exported by change tracking and notified like any other.
 */
public interface OutgoingQueue {

    /**
     * Up to {@code max} (1 to 1,000) queued messages that are due (not locked by a spooler, not waiting to
     * be retried), oldest submission first, across all stores.
     */
    List<QueuedMessage> pending(int max);

    /**
     * Claims a queued message for sending, so that no other spooler takes it; false if it is not queued, not
     * due yet, or already claimed. A claim left behind by a spooler that died expires after the server's
     * configured lock time ({@code submit_lock_timeout}), and the message is due again.
     */
    boolean lock(EntryId message);

    /**
     * The message was sent: it leaves the queue, MSGFLAG_SUBMIT and MSGFLAG_UNSENT are cleared, its
     * recipients are marked MAPI_SUBMITTED (they have it), and it moves to the folder named by its
     * PR_SENTMAIL_ENTRYID or else its owner's Sent Items, read; if PR_DELETE_AFTER_SUBMIT is true it is
     * deleted instead. MAPI_E_NOT_FOUND if it is not queued.
     */
    void sent(EntryId message);

    /**
     * Sending failed. {@code permanent}: the message leaves the queue and MSGFLAG_SUBMIT is cleared, so its
     * user can change and submit it again; otherwise the claim is released and the message is retried after
     * a delay that doubles with every failure. {@code reason} is kept with the queue entry for the
     * administrator. MAPI_E_NOT_FOUND if it is not queued.
     */
    void failed(EntryId message, String reason, boolean permanent);
}
