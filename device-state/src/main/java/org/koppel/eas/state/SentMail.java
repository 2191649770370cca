package org.koppel.eas.state;

/**
 * The ClientIds of the mail each device account sent (SendMail, SmartReply, SmartForward): a device that lost
 * the response sends the same request again, with the same ClientId, and must not send the message twice.
 * A ClientId is claimed before the message is queued, marked sent after, and given back when queueing failed.
 * Kept per account for {@link #RETENTION_DAYS} days and at most {@link #MAX_PER_ACCOUNT} ClientIds.
 */
public interface SentMail {

    /** How long a ClientId is remembered. A device retries within minutes; a week leaves room for one offline. */
    int RETENTION_DAYS = 7;

    /** The most ClientIds kept per device account; the oldest go first. */
    int MAX_PER_ACCOUNT = 500;

    /** What {@link #claim} found. */
    enum Claim {
        /** Not seen before (or given back): the caller sends, then calls {@link #sent} or {@link #release}. */
        NEW,
        /** Sent already: answer success and send nothing. */
        SENT,
        /** Another request with this ClientId is at work right now; its outcome is not known yet. */
        IN_PROGRESS
    }

    /**
     * Claims a ClientId for sending. A claim left {@code IN_PROGRESS} longer than {@code staleAfterSeconds}
     * (its request died with the process) is taken over as NEW.
     *
     * @throws DeviceStateException.UnknownDevice when the account is not registered
     */
    Claim claim(DeviceAccount account, String clientId, long staleAfterSeconds);

    /** The claimed message was queued. */
    void sent(DeviceAccount account, String clientId);

    /** The claimed message was not queued: a repeat of the request will try again. */
    void release(DeviceAccount account, String clientId);
}
