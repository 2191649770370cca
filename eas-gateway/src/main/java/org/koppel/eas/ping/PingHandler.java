package org.koppel.eas.ping;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.FilterType;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Outage;
import org.koppel.eas.foldersync.HierarchyCheck;
import org.koppel.eas.push.PushWait;
import org.koppel.eas.push.PushWaits;
import org.koppel.eas.push.WaitOutcome;
import org.koppel.eas.state.Device;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.state.PingFolder;
import org.koppel.eas.state.PingSettings;
import org.koppel.eas.state.SyncPoint;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ping command (MS-ASCMD 2.2.1.13): checks the heartbeat and folder count against the server's bounds,
 * fills in what the request leaves out from the device's saved Ping, answers at once when a folder already
 * has changes beyond the device's newest sync key (or the folders changed since its last FolderSync: Status
 * 7), and otherwise waits on the backend's push subscription without a thread until a change (Status 2), a
 * folder change (Status 7), the heartbeat (Status 1), or a newer Ping of the same device (Status 1: the
 * device no longer listens to this one).
 */
public final class PingHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(PingHandler.class);

    private final CodePages pages;
    private final Outage outage;
    private final PingCodec codec;
    private final DeviceStateStore state;
    private final PushWaits waits;
    private final PingLimits limits;
    private final HierarchyCheck hierarchy;

    public PingHandler(CodePages pages, DeviceStateStore state, PushWaits waits, PingLimits limits, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new PingCodec(pages);
        this.state = Objects.requireNonNull(state, "state");
        this.waits = Objects.requireNonNull(waits, "waits");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.hierarchy = new HierarchyCheck(state.hierarchy());
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        PingRequest ping;
        try {
            ping = read(request.body(), version);
        } catch (DecodeException e) {
            LOG.debug("Ping of {}: {}", account, e.getMessage());
            return done(PingResponse.of(PingStatus.PROTOCOL_ERROR), version);
        }
        try {
            return ping(account, request.session(), ping, version);
        } catch (DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        } catch (BackendException.Unavailable e) {
            throw outage.of(e).orElseThrow();
        }
    }

    private CompletionStage<CommandResponse> ping(DeviceAccount account, BackendSession session, PingRequest ping,
            ProtocolVersion version) {
        PingSettings saved = state.devices().find(account).map(Device::ping).orElse(PingSettings.NONE);
        int heartbeat = ping.heartbeatInterval().orElse(saved.heartbeatSeconds());
        List<PingFolder> folders = ping.folders().isEmpty() ? saved.folders()
                : ping.folders().stream().map(f -> new PingFolder(f.id(), f.contentClass().value())).toList();
        if (heartbeat == 0 || folders.isEmpty()) {
            return done(PingResponse.of(PingStatus.MISSING_PARAMETERS), version);
        }
        long min = limits.minHeartbeat().toSeconds();
        long max = limits.maxHeartbeat().toSeconds();
        if (heartbeat < min || heartbeat > max) {
            return done(new PingResponse(PingStatus.HEARTBEAT_OUT_OF_RANGE, List.of(), Optional.empty(),
                    Optional.of((int) (heartbeat < min ? min : max))), version);
        }
        if (folders.size() > limits.maxFolders()) {
            return done(new PingResponse(PingStatus.TOO_MANY_FOLDERS, List.of(), Optional.of(limits.maxFolders()),
                    Optional.empty()), version);
        }
        // CollectionId -> backend folder, in the request's order.
        Map<String, String> watched = new LinkedHashMap<>();
        for (PingFolder f : folders) {
            Optional<String> backend = state.hierarchy().backendId(account, f.collectionId());
            if (backend.isEmpty()) {
                return done(PingResponse.of(PingStatus.FOLDER_SYNC_REQUIRED), version);
            }
            watched.put(f.collectionId(), backend.get());
        }
        // Kept only once it passed every check, so that a refused Ping does not become the saved one.
        PingSettings now = new PingSettings(heartbeat, folders);
        if (!now.equals(saved)) {
            state.devices().savePing(account, now);
        }
        PushWait wait;
        try {
            wait = waits.start(account, session.push(), Set.copyOf(watched.values()), Duration.ofSeconds(heartbeat),
                    () -> hierarchy.outOfDate(account, session.folders()));
        } catch (BackendException.NotFound e) {
            return done(PingResponse.of(PingStatus.FOLDER_SYNC_REQUIRED), version);
        }
        try {
            // Folders changed since the device's last FolderSync (while it was not pinging): tell it now.
            if (hierarchy.outOfDate(account, session.folders())) {
                wait.end(new WaitOutcome.HierarchyChanged());
            } else {
                Set<String> pending = pendingChanges(account, session, watched);
                if (!pending.isEmpty()) {
                    wait.changed(pending);
                }
            }
        } catch (RuntimeException e) {
            wait.end(new WaitOutcome.TimedOut());
            throw outage.of(e).<RuntimeException>map(u -> u).orElse(e);
        }
        return wait.outcome().thenApply(outcome -> respond(switch (outcome) {
            case WaitOutcome.Changed c -> new PingResponse(PingStatus.CHANGES, collectionIds(watched, c.folderIds()),
                    Optional.empty(), Optional.empty());
            case WaitOutcome.HierarchyChanged h -> PingResponse.of(PingStatus.FOLDER_SYNC_REQUIRED);
            case WaitOutcome.TimedOut t -> PingResponse.of(PingStatus.EXPIRED);
            case WaitOutcome.Superseded s -> PingResponse.of(PingStatus.EXPIRED);
        }, version));
    }

    /**
     * The folders that already have changes beyond the device's newest key: those a Ping must report at once
     * (mail that came while the device was between Sync and Ping). A folder never synced is left to push.
     */
    private Set<String> pendingChanges(DeviceAccount account, BackendSession session, Map<String, String> watched) {
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : watched.entrySet()) {
            Optional<SyncPoint.Current<byte[]>> latest = state.syncStates().latest(account, e.getKey());
            if (latest.isEmpty()) {
                continue;
            }
            int f = latest.get().options().map(o -> o.filterType()).orElse(0);
            FilterType filter = f >= 0 && f <= 7 ? FilterType.fromCode(f) : FilterType.ALL;
            try {
                if (session.contents().estimate(e.getValue(), latest.get().state(), filter) > 0) {
                    changed.add(e.getValue());
                }
            } catch (BackendException.InvalidState | BackendException.NotFound x) {
                // The device's state is no good any more: a Sync will tell it so.
                changed.add(e.getValue());
            }
        }
        return changed;
    }

    private static List<String> collectionIds(Map<String, String> watched, Set<String> folderIds) {
        List<String> ids = new ArrayList<>();
        watched.forEach((collectionId, folder) -> {
            if (folderIds.contains(folder)) {
                ids.add(collectionId);
            }
        });
        return ids;
    }

    private PingRequest read(InputStream body, ProtocolVersion version) throws DecodeException {
        try {
            BufferedInputStream in = new BufferedInputStream(body);
            in.mark(1);
            if (in.read() < 0) {
                return PingRequest.empty();
            }
            in.reset();
            return codec.decodeRequest(new WbxmlReader(in, pages), version);
        } catch (IOException e) {
            // A WbxmlException inside is answered 400 by the HTTP layer; anything else is a broken connection.
            throw new UncheckedIOException(e);
        }
    }

    private CommandResponse respond(PingResponse response, ProtocolVersion version) {
        return new CommandResponse.Wbxml(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response));
    }

    private CompletionStage<CommandResponse> done(PingResponse response, ProtocolVersion version) {
        return CompletableFuture.completedFuture(respond(response, version));
    }

}
