package org.koppel.eas.sync;

import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.wbxml.Tag;

/**
 * A Sync request. {@code D} is what the client's ApplicationData became: the caller's item type
 * when decoded, an {@link ApplicationDataWriter} when a test client encodes one.
 *
 * @param waitMinutes       12.1+: minutes to hold the request open; range checked by the server (status 14)
 * @param heartbeatInterval 14.0+: the same in seconds
 * @param windowSize        the most changes over all collections in the response
 * @param partial           the collections complete the cached request instead of replacing it
 */
public record SyncRequest<D>(List<Collection<D>> collections, Optional<Integer> waitMinutes,
        Optional<Integer> heartbeatInterval, Optional<Integer> windowSize, boolean partial) {

    public SyncRequest {
        collections = List.copyOf(collections);
    }

    /** The request without a body: repeat the cached one. */
    public static <D> SyncRequest<D> empty() {
        return new SyncRequest<>(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** Nothing in it: sent without a body. */
    public boolean isEmpty() {
        return collections.isEmpty() && waitMinutes.isEmpty() && heartbeatInterval.isEmpty() && windowSize.isEmpty() && !partial;
    }

    /**
     * One collection of the request.
     *
     * @param contentClass up to 12.1 only; from 14.0 the class goes in the options
     * @param supported    with sync key 0: the elements the client tracks for this folder, as tags
     */
    public record Collection<D>(Optional<ContentClass> contentClass, String syncKey, String collectionId,
            List<Tag> supported, Optional<Boolean> deletesAsMoves, Optional<Boolean> getChanges,
            Optional<Integer> windowSize, Optional<Boolean> conversationMode, List<SyncOptions> options,
            List<Command<D>> commands) {

        public Collection {
            supported = List.copyOf(supported);
            options = List.copyOf(options);
            commands = List.copyOf(commands);
        }
    }

    /** A change the client sends. */
    public sealed interface Command<D> {
    }

    /** A new item; {@code contentClass} only when it differs from the folder's (SMS in the Inbox). */
    public record Add<D>(Optional<ContentClass> contentClass, String clientId, D data) implements Command<D> {
    }

    public record Change<D>(String serverId, D data) implements Command<D> {
    }

    public record Delete<D>(String serverId) implements Command<D> {
    }

    /** Ask for the whole item (e.g. after a truncated body). */
    public record Fetch<D>(String serverId) implements Command<D> {
    }
}
