package org.koppel.eas.sync;

import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.ContentClass;

/**
 * A Sync response. {@code D} is an {@link ApplicationDataWriter} when the gateway encodes one (so
 * bodies stream), and the caller's item type when a test client decodes one.
 *
 * @param status      the global status, present when the whole request failed
 * @param collections the per-collection results; absent with a {@code limit}
 * @param limit       with {@link SyncStatus#INVALID_WAIT_OR_HEARTBEAT}: the allowed bound, and with
 *                    {@link SyncStatus#TOO_MANY_COLLECTIONS}: the most collections
 */
public record SyncResponse<D>(Optional<SyncStatus> status, List<Collection<D>> collections, Optional<Integer> limit) {

    public SyncResponse {
        collections = List.copyOf(collections);
    }

    public static <D> SyncResponse<D> failed(SyncStatus status) {
        return new SyncResponse<>(Optional.of(status), List.of(), Optional.empty());
    }

    /**
     * The result for one collection.
     *
     * @param contentClass up to 12.1 only
     * @param syncKey      the next sync key (absent for some errors)
     */
    public record Collection<D>(Optional<ContentClass> contentClass, Optional<String> syncKey, String collectionId,
            SyncStatus status, boolean moreAvailable, List<Command<D>> commands, List<Response<D>> responses) {

        public Collection {
            commands = List.copyOf(commands);
            responses = List.copyOf(responses);
        }
    }

    /** A change the server sends. */
    public sealed interface Command<D> {
    }

    public record Add<D>(String serverId, D data) implements Command<D> {
    }

    public record Change<D>(String serverId, D data) implements Command<D> {
    }

    public record Delete<D>(String serverId) implements Command<D> {
    }

    /** Gone from the client's window (filter), not deleted. */
    public record SoftDelete<D>(String serverId) implements Command<D> {
    }

    /** The server's answer to one of the client's commands. */
    public sealed interface Response<D> {
    }

    /** {@code serverId} is absent when the add failed. */
    public record AddResult<D>(Optional<ContentClass> contentClass, String clientId, Optional<String> serverId,
            SyncStatus status) implements Response<D> {
    }

    public record ChangeResult<D>(String serverId, SyncStatus status) implements Response<D> {
    }

    public record DeleteResult<D>(String serverId, SyncStatus status) implements Response<D> {
    }

    /** {@code data} is present when the fetch succeeded. */
    public record FetchResult<D>(String serverId, SyncStatus status, Optional<D> data) implements Response<D> {
    }
}
