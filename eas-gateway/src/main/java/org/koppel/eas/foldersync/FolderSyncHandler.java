package org.koppel.eas.foldersync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Outage;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.Hierarchy;
import org.koppel.eas.state.HierarchyFolder;
import org.koppel.eas.state.KeyLookup;
import org.koppel.eas.state.SyncKey;
import org.koppel.eas.state.SyncPoint;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FolderSync ([MS-ASCMD] 2.2.1.5): the folders the device does not know yet, those renamed or moved, and those
 * gone, since its hierarchy key. Key 0 starts over with every folder; a key the gateway does not honour is
 * status 9; the key before the newest (its response was lost) gets the same answer again. A response that
 * changes nothing keeps the client's key.
 */
public final class FolderSyncHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSyncHandler.class);

    private final Hierarchy hierarchy;
    private final DeviceFolders folders;
    private final FolderHierarchyCodec codec;
    private final CodePages pages;
    private final Outage outage;

    public FolderSyncHandler(Hierarchy hierarchy, CodePages pages, Outage outage) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.folders = new DeviceFolders(hierarchy);
        this.pages = Objects.requireNonNull(pages, "pages");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.codec = new FolderHierarchyCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        FolderSyncRequest req;
        try {
            req = codec.decodeFolderSyncRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("FolderSync of {}: {}", request.user(), e.getMessage());
            return answer(version, FolderSyncResponse.failed(FolderSyncStatus.BAD_REQUEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        try {
            try {
                return answer(version, folderSync(account, request.session(), req.syncKey()));
            } catch (DeviceStateException.ConcurrentUpdate first) {
                // Another request of this device moved the hierarchy meanwhile: looked up again, the key is
                // now the previous one (a replay) or unknown, and either is answered correctly.
                return answer(version, folderSync(account, request.session(), req.syncKey()));
            }
        } catch (DeviceStateException.ConcurrentUpdate again) {
            LOG.info("FolderSync of {}: the hierarchy changed twice under it; device asked to retry", account);
            return answer(version, FolderSyncResponse.failed(FolderSyncStatus.SERVER_ERROR));
        } catch (BackendException.InvalidState e) {
            return answer(version, FolderSyncResponse.failed(FolderSyncStatus.INVALID_SYNC_KEY));
        } catch (RuntimeException e) {
            Optional<? extends RuntimeException> unavailable = outage.of(e);
            if (unavailable.isPresent()) {
                throw unavailable.get();
            }
            if (e instanceof BackendException) {
                LOG.warn("FolderSync of {} failed: {}", account, e.toString());
                return answer(version, FolderSyncResponse.failed(FolderSyncStatus.SERVER_ERROR));
            }
            throw e;
        }
    }

    private FolderSyncResponse folderSync(DeviceAccount account, BackendSession session, String clientKey) {
        KeyLookup<List<HierarchyFolder>> found = hierarchy.lookup(account, clientKey);
        if (found instanceof KeyLookup.Unknown<List<HierarchyFolder>> unknown) {
            LOG.debug("FolderSync of {} with key {}: {}", account, unknown.clientKey(), unknown.reason());
            return FolderSyncResponse.failed(FolderSyncStatus.INVALID_SYNC_KEY);
        }
        SyncPoint<List<HierarchyFolder>> point = (SyncPoint<List<HierarchyFolder>>) found;
        List<HierarchyFolder> known = DeviceFolders.known(point);
        List<HierarchyFolder> now = folders.of(account, session.folders().list());
        List<FolderSyncResponse.Change> changes = DeviceFolders.difference(known, now);
        if (changes.isEmpty() && point instanceof SyncPoint.Current<List<HierarchyFolder>> current) {
            return new FolderSyncResponse(FolderSyncStatus.SUCCESS, Optional.of(current.key().toString()), List.of());
        }
        SyncKey next = hierarchy.issue(point, now, new byte[0]);
        return new FolderSyncResponse(FolderSyncStatus.SUCCESS, Optional.of(next.toString()), changes);
    }

    private CompletionStage<CommandResponse> answer(ProtocolVersion version, FolderSyncResponse response) {
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeFolderSyncResponse(new WbxmlWriter(out, pages, version), response)));
    }
}
