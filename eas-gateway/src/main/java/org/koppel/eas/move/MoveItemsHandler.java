package org.koppel.eas.move;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendFolder;
import org.koppel.backend.BackendSession;
import org.koppel.backend.MoveResult;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.CommonStatus;
import org.koppel.eas.command.Outage;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MoveItems command (MS-ASCMD 2.2.1.12): the device's folder ServerIds resolved through its hierarchy in
 * device state, the items moved through the backend (one call per source and destination pair), and a Response
 * per Move in the request's order with the new ServerId. Sync keys are not touched: as MS-ASCMD says, the next
 * Sync of the source brings a Delete for the old ServerId and the destination's an Add for the new one.
 */
public final class MoveItemsHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(MoveItemsHandler.class);

    private final CodePages pages;
    private final MoveItemsCodec codec;
    private final DeviceStateStore state;
    private final Outage outage;

    public MoveItemsHandler(CodePages pages, DeviceStateStore state, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new MoveItemsCodec(pages);
        this.state = Objects.requireNonNull(state, "state");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        MoveItemsRequest moves;
        try {
            moves = codec.decodeRequest(new WbxmlReader(new BufferedInputStream(request.body()), pages),
                    request.version());
        } catch (DecodeException e) {
            LOG.debug("MoveItems of {}: {}", account, e.getMessage());
            // MoveItems has no status of its own for a bad request: the common one (HTTP 400 before 14.0).
            return done(new CommandResponse.Status(CommonStatus.INVALID_CONTENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MoveItemsResponse response;
        try {
            response = new MoveItemsResponse(move(account, request.session(), moves.moves()));
        } catch (BackendException.Unavailable | DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
        ProtocolVersion version = request.version();
        return done(new CommandResponse.Wbxml(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version),
                response)));
    }

    /** The source and destination of a Move in backend ids, or the status that ends it before the backend. */
    private record Resolved(String source, String destination) {
    }

    private List<MoveItemsResponse.Response> move(DeviceAccount account, BackendSession session,
            List<MoveItemsRequest.Move> moves) {
        MoveItemsResponse.Response[] out = new MoveItemsResponse.Response[moves.size()];
        Map<Resolved, List<Integer>> batches = new LinkedHashMap<>();
        for (int i = 0; i < moves.size(); i++) {
            MoveItemsRequest.Move m = moves.get(i);
            Optional<String> source = state.hierarchy().backendId(account, m.srcFldId());
            Optional<String> destination = state.hierarchy().backendId(account, m.dstFldId());
            if (source.isEmpty()) {
                out[i] = failure(m, MoveItemsStatus.INVALID_SOURCE);
            } else if (destination.isEmpty()) {
                out[i] = failure(m, MoveItemsStatus.INVALID_DESTINATION);
            } else if (source.get().equals(destination.get())) {
                out[i] = failure(m, MoveItemsStatus.SAME_FOLDER);
            } else {
                batches.computeIfAbsent(new Resolved(source.get(), destination.get()), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Resolved, List<Integer>> batch : batches.entrySet()) {
            List<String> ids = batch.getValue().stream().map(i -> moves.get(i).srcMsgId()).toList();
            Resolved r = batch.getKey();
            try {
                List<MoveResult> results = session.items().move(r.source(), ids, r.destination());
                for (int j = 0; j < ids.size(); j++) {
                    int i = batch.getValue().get(j);
                    out[i] = response(moves.get(i), results.get(j));
                }
            } catch (BackendException.NotFound e) {
                // A folder the device knows was deleted meanwhile: which one decides the status.
                MoveItemsStatus status = exists(session, r.source()) ? MoveItemsStatus.INVALID_DESTINATION
                        : MoveItemsStatus.INVALID_SOURCE;
                batch.getValue().forEach(i -> out[i] = failure(moves.get(i), status));
            } catch (BackendException.AccessDenied e) {
                batch.getValue().forEach(i -> out[i] = failure(moves.get(i), MoveItemsStatus.INVALID_DESTINATION));
            } catch (BackendException.Unavailable e) {
                throw e;
            } catch (BackendException e) {
                LOG.warn("MoveItems of {} from {} to {} failed", account, r.source(), r.destination(), e);
                batch.getValue().forEach(i -> out[i] = failure(moves.get(i), MoveItemsStatus.SERVER_ERROR));
            }
        }
        return List.of(out);
    }

    private static boolean exists(BackendSession session, String folderId) {
        return session.folders().list().stream().map(BackendFolder::id).anyMatch(folderId::equals);
    }

    private static MoveItemsResponse.Response response(MoveItemsRequest.Move m, MoveResult r) {
        return switch (r.outcome()) {
            case MOVED -> new MoveItemsResponse.Response(Optional.of(m.srcMsgId()), MoveItemsStatus.SUCCESS,
                    r.newItemId());
            case NOT_FOUND -> failure(m, MoveItemsStatus.INVALID_SOURCE);
            case LOCKED -> failure(m, MoveItemsStatus.LOCKED);
            case FAILED -> failure(m, MoveItemsStatus.SERVER_ERROR);
        };
    }

    private static MoveItemsResponse.Response failure(MoveItemsRequest.Move m, MoveItemsStatus status) {
        return new MoveItemsResponse.Response(Optional.of(m.srcMsgId()), status, Optional.empty());
    }

    /** MoveItems carries statuses in its Responses only: a common one goes into one Response (14.0 and later). */
    @Override
    public Optional<CommandResponse.BodyWriter> statusDocument(CommonStatus status, ProtocolVersion version) {
        Optional<MoveItemsStatus> s = org.koppel.eas.codec.StatusCode.of(MoveItemsStatus.class, status.code());
        if (s.isEmpty()) {
            return Optional.empty();
        }
        MoveItemsResponse r = new MoveItemsResponse(List.of(new MoveItemsResponse.Response(Optional.empty(), s.get(),
                Optional.empty())));
        return Optional.of(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), r));
    }

    private static CompletionStage<CommandResponse> done(CommandResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
