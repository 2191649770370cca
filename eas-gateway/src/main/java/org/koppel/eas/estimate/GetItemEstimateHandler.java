package org.koppel.eas.estimate;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.FilterType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.CommonStatus;
import org.koppel.eas.command.Outage;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.state.KeyLookup;
import org.koppel.eas.state.SyncOptions;
import org.koppel.eas.state.SyncPoint;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GetItemEstimate command (MS-ASCMD 2.2.1.9): how many changes the next Sync of each collection would
 * bring, counted by the backend from the state of the device's key, which is looked at but not moved.
 */
public final class GetItemEstimateHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(GetItemEstimateHandler.class);

    private final CodePages pages;
    private final Outage outage;
    private final GetItemEstimateCodec codec;
    private final DeviceStateStore state;

    public GetItemEstimateHandler(CodePages pages, DeviceStateStore state, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new GetItemEstimateCodec(pages);
        this.state = Objects.requireNonNull(state, "state");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        GetItemEstimateRequest estimate;
        try {
            BufferedInputStream in = new BufferedInputStream(request.body());
            estimate = codec.decodeRequest(new WbxmlReader(in, pages), version);
        } catch (DecodeException e) {
            LOG.debug("GetItemEstimate of {}: {}", account, e.getMessage());
            // GetItemEstimate has no status of its own for a bad request: the common one (HTTP 400 before 14.0).
            return CompletableFuture.completedFuture(new CommandResponse.Status(CommonStatus.INVALID_CONTENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GetItemEstimateResponse.Response> responses = new ArrayList<>();
        try {
            if (!valid(account, request.session(), estimate)) {
                return CompletableFuture.completedFuture(new CommandResponse.Status(CommonStatus.INVALID_XML));
            }
            for (GetItemEstimateRequest.Collection c : estimate.collections()) {
                responses.add(collection(account, request.session(), c));
            }
        } catch (BackendException.Unavailable e) {
            throw outage.of(e).orElseThrow();
        } catch (DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
        GetItemEstimateResponse response = new GetItemEstimateResponse(responses);
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response)));
    }

    /**
     * What MS-ASCMD answers with the whole request's Status 103 (invalid XML): a FilterType of 9 or more
     * (2.2.3.68.1), and ConversationMode on a collection that does not hold email (2.2.3.36.1). A CollectionId
     * the device does not know is left to its own Response (Status 2).
     */
    private boolean valid(DeviceAccount account, BackendSession session, GetItemEstimateRequest estimate) {
        for (GetItemEstimateRequest.Collection c : estimate.collections()) {
            if (Stream.concat(c.filterType().stream(), c.options().stream()
                    .map(GetItemEstimateRequest.Options::filterType).flatMap(Optional::stream))
                    .anyMatch(f -> f > GetItemEstimateCodec.MAX_FILTER)) {
                return false;
            }
            if (c.conversationMode().isPresent() && state.hierarchy().backendId(account, c.collectionId())
                    .flatMap(id -> session.folders().type(id)).map(t -> !t.isMail()).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private GetItemEstimateResponse.Response collection(DeviceAccount account, BackendSession session,
            GetItemEstimateRequest.Collection c) {
        String id = c.collectionId();
        Optional<String> folder = state.hierarchy().backendId(account, id);
        if (folder.isEmpty()) {
            return failure(GetItemEstimateStatus.INVALID_COLLECTION, id);
        }
        KeyLookup<byte[]> found = state.syncStates().peek(account, id, c.syncKey());
        byte[] from;
        Optional<SyncOptions> stored;
        switch (found) {
            case KeyLookup.Unknown<byte[]> u -> {
                return failure(GetItemEstimateStatus.INVALID_SYNC_KEY, id);
            }
            case SyncPoint.Initial<byte[]> i -> {
                // Key 0: no Sync has primed the collection for this device yet.
                return failure(GetItemEstimateStatus.SYNC_STATE_NOT_PRIMED, id);
            }
            case SyncPoint.Current<byte[]> cur -> {
                from = cur.state();
                stored = cur.options();
            }
            case SyncPoint.Replay<byte[]> r -> {
                from = r.state();
                stored = r.options();
            }
        }
        try {
            int n = session.contents().estimate(folder.get(), from, filter(c, stored));
            return new GetItemEstimateResponse.Response(GetItemEstimateStatus.SUCCESS, Optional.of(id),
                    Optional.of((long) n));
        } catch (BackendException.NotFound e) {
            return failure(GetItemEstimateStatus.INVALID_COLLECTION, id);
        } catch (BackendException.InvalidState e) {
            return failure(GetItemEstimateStatus.INVALID_SYNC_KEY, id);
        }
    }

    /** The filter the request names (12.x in the collection, 14.0+ in the email Options), else the Sync's. */
    private static FilterType filter(GetItemEstimateRequest.Collection c, Optional<SyncOptions> stored) {
        Optional<Integer> sent = c.filterType().or(() -> c.options().stream()
                .filter(o -> o.contentClass().isEmpty() || o.contentClass().get() == ContentClass.EMAIL)
                .map(GetItemEstimateRequest.Options::filterType).flatMap(Optional::stream).findFirst());
        int f = sent.orElse(stored.map(SyncOptions::filterType).orElse(0));
        return f >= 0 && f <= 7 ? FilterType.fromCode(f) : FilterType.ALL;
    }

    private static GetItemEstimateResponse.Response failure(GetItemEstimateStatus status, String id) {
        return new GetItemEstimateResponse.Response(status, Optional.of(id), Optional.empty());
    }
}
