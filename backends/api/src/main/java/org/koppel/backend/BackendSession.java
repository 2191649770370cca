package org.koppel.backend;

import java.util.Optional;

/**
 * One user's view of a backend, split by capability. A session is safe to use from several threads and is
 * closed by the gateway at the end of the request (or when a push subscription it holds ends).
 * The optional capabilities are empty when a backend does not offer them; the gateway then answers with
 * the command's "not supported" status.
 */
public interface BackendSession extends AutoCloseable {

    UserDetails user();

    /**
     * Whether the user may sync a mobile device with this backend: an administrator can switch mobile access
     * off per user while mail, IMAP and the rest go on (the gateway then answers 403). Backends without such
     * a switch let every user who can log on sync.
     */
    default boolean mobileAccess() {
        return true;
    }

    /** The folder hierarchy, its incremental export, and folder create/rename/delete. */
    Folders folders();

    /** Per-folder change export, estimate and import over opaque states. */
    ContentSync contents();

    /** Item fetch, attachment streams and moves. */
    Items items();

    /** Sending mail the client composed. */
    MailSubmission mail();

    /** Push: subscriptions to changes in folders, fed by the backend's own notifications. */
    Push push();

    default Optional<MeetingResponses> meetingResponses() {
        return Optional.empty();
    }

    default Optional<MailboxSearch> search() {
        return Optional.empty();
    }

    default Optional<GlobalAddressList> globalAddressList() {
        return Optional.empty();
    }

    default Optional<OutOfOffice> outOfOffice() {
        return Optional.empty();
    }

    @Override
    void close();
}
