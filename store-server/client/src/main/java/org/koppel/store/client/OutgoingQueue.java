package org.koppel.store.client;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
     * Some recipients are done with while others are to be tried again (a 4xx for them while the rest got a
     * 250 or a 5xx): the recipients whose row ids are in {@code done} are marked MAPI_SUBMITTED, so that the next
     * attempt skips them, and the message waits for a retry as after a temporary {@link #failed}, in one
     * transaction. The marks are in the message itself, so they survive a restart of either side.
     * MAPI_E_NOT_FOUND if it is not queued.
     */
    void partlySent(EntryId message, Collection<Integer> done, String reason);

    /**
     * Sending failed. {@code permanent}: the message leaves the queue and MSGFLAG_SUBMIT is cleared, so its
     * user can change and submit it again; otherwise the claim is released and the message is retried after
     * a delay that doubles with every failure. {@code reason} is kept with the queue entry for the
     * administrator. MAPI_E_NOT_FOUND if it is not queued.
     */
    void failed(EntryId message, String reason, boolean permanent);

    /**
     * Tells {@code listener} of every message submitted in any store from now on, after the submit committed:
     * a {@link EventType#SUBMITTED} notification naming the store, the message and its folder. A
     * RESYNC_NEEDED (the listener fell behind) means: read {@link #pending} again. This is how a spooler
     * finds new work without polling; what was queued before it subscribed it finds with {@link #pending}.
     * The subscription ends with the session at the latest.
     */
    Subscription watch(NotificationListener listener);

    /**
     * When the next queued message that is waiting (for a retry after a temporary failure, or for a spooler's
     * claim to end) becomes due; empty when none is waiting. Submits are announced through {@link #watch}, so
     * this and the watch together tell a spooler every moment it has work without polling.
     */
    Optional<Instant> nextDue();
}
