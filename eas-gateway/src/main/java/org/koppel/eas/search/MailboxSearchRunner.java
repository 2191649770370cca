package org.koppel.eas.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.MailboxSearch;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.command.LongId;
import org.koppel.eas.email.EmailBodyPreferences;
import org.koppel.eas.email.EmailSyncContent;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.Hierarchy;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.SyncOptions;

/**
 * A mailbox query run through the backend's {@link MailboxSearch}: CollectionIds become backend folders, the
 * hits come back as Search results with their LongId and, where the device knows their folder, its
 * CollectionId. Shared by Search and Find. Backend failures other than an outage become statuses.
 */
public final class MailboxSearchRunner {

    private final Hierarchy hierarchy;
    private final Duration timeLimit;

    public MailboxSearchRunner(Hierarchy hierarchy, Duration timeLimit) {
        this.hierarchy = hierarchy;
        this.timeLimit = timeLimit;
    }

    /** A hit as the response shows it. */
    public record Found(String longId, String folderId, String itemId, Optional<String> collectionId,
            org.koppel.backend.Item item) {
    }

    /** The outcome: a status, and on success the page of hits and the total. */
    public record Outcome(SearchStatus status, List<Found> hits, int total) {
        static Outcome failed(SearchStatus status) {
            return new Outcome(status, List.of(), 0);
        }
    }

    /**
     * Runs {@code q} for {@code range}.
     *
     * @throws BackendException.Unavailable when the store cannot be reached (the caller answers 503)
     */
    public Outcome run(DeviceAccount account, BackendSession session, MailboxQuery q, boolean deep, Range range,
            List<BodyPreference> bodies) {
        if (q.tooComplex()) {
            return Outcome.failed(SearchStatus.TOO_COMPLEX);
        }
        if (!q.classes().isEmpty() && !q.classes().contains(ContentClass.EMAIL)) {
            // Only mail is synced (and so searched) so far: nothing of the other classes can match.
            return new Outcome(SearchStatus.SUCCESS, List.of(), 0);
        }
        String text = q.freeText().orElse("").strip();
        if (text.isEmpty() && q.conversationId().isEmpty()) {
            return Outcome.failed(SearchStatus.INVALID_REQUEST);
        }
        List<String> folders = new ArrayList<>();
        for (String id : q.collectionIds()) {
            Optional<String> backend = hierarchy.backendId(account, id);
            if (backend.isEmpty()) {
                return Outcome.failed(SearchStatus.FOLDER_SYNC_REQUIRED);
            }
            folders.add(backend.get());
        }
        Optional<MailboxSearch> search = session.search();
        if (search.isEmpty()) {
            return Outcome.failed(SearchStatus.ACCESS_BLOCKED);
        }
        MailboxSearch.Result result;
        try {
            result = search.get().search(new MailboxSearch.Query(text, folders, deep, q.receivedAfter(),
                    q.receivedBefore(), q.conversationId(), range.first(), range.size(), timeLimit, bodies));
        } catch (BackendException.NotFound e) {
            return Outcome.failed(SearchStatus.FOLDER_SYNC_REQUIRED);
        } catch (BackendException.AccessDenied e) {
            return Outcome.failed(SearchStatus.ACCESS_DENIED);
        } catch (BackendException.Unavailable e) {
            throw e;
        } catch (BackendException e) {
            return Outcome.failed(SearchStatus.SERVER_ERROR);
        }
        return switch (result) {
            case MailboxSearch.Result.TimedOut t -> Outcome.failed(SearchStatus.TIMED_OUT);
            case MailboxSearch.Result.Found f -> {
                List<Found> hits = new ArrayList<>();
                for (MailboxSearch.Hit h : f.hits()) {
                    hits.add(new Found(new LongId(h.folderId(), h.itemId()).text(), h.folderId(), h.itemId(),
                            hierarchy.knownServerId(account, h.folderId()), h.item()));
                }
                yield new Outcome(SearchStatus.SUCCESS, hits, f.total());
            }
        };
    }

    /** The backend body preferences of a Search's options, as Sync chooses them from its own options. */
    public static List<BodyPreference> bodies(SearchOptions o) {
        SyncOptions sync = new SyncOptions(Optional.empty(), Optional.empty(), o.bodyPreferences(),
                o.bodyPartPreferences(), Optional.empty(), o.mimeSupport(), Optional.empty(), Optional.empty(),
                o.rightsManagementSupport());
        return EmailBodyPreferences.of(sync).ordinary();
    }

    /** The Properties of a hit, as Sync writes the item. */
    public static ApplicationDataWriter properties(org.koppel.backend.Item item) {
        return new EmailSyncContent().item(item);
    }
}
