package org.koppel.dagent.delivery;

/**
 * What became of one recipient of a message, in the terms both front ends map to their own: LMTP replies
 * ({@code org.koppel.dagent.lmtp.Replies}) and the exit codes of {@code koppel dagent deliver}.
 */
public enum Outcome {
    /** Saved and committed in the recipient's store. */
    DELIVERED,
    /** No user has this address (login, primary address or alias). */
    UNKNOWN_USER,
    /** The user exists but may not receive mail (feature "mail" off, or the account disabled). */
    MAIL_DISABLED,
    /** The recipient's store is over its hard quota. */
    MAILBOX_FULL,
    /** The message is larger than max_message_size. */
    TOO_LARGE,
    /** A delivery plugin refused the message for this recipient for good. */
    REJECTED,
    /** The store could not be reached or failed; the sender should try again later. */
    TEMPORARY_FAILURE
}
