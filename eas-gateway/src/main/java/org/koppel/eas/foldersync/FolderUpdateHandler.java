package org.koppel.eas.foldersync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendFolder;
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
 * FolderUpdate ([MS-ASCMD] 2.2.1.6): renames a user folder and/or moves it under another folder the device
 * knows, and issues the next hierarchy key standing for the device's list with that change. Standard folders
 * are refused. Repeating it after a lost response is harmless: renaming to the same name and parent changes
 * nothing in the backend.
 */
public final class FolderUpdateHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(FolderUpdateHandler.class);

    private final Hierarchy hierarchy;
    private final DeviceFolders folders;
    private final FolderHierarchyCodec codec;
    private final CodePages pages;
    private final Outage outage;

    public FolderUpdateHandler(Hierarchy hierarchy, CodePages pages, Outage outage) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.folders = new DeviceFolders(hierarchy);
        this.pages = Objects.requireNonNull(pages, "pages");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.codec = new FolderHierarchyCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        FolderUpdateRequest req;
        try {
            req = codec.decodeFolderUpdateRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("FolderUpdate of {}: {}", request.user(), e.getMessage());
            return answer(version, failed(FolderUpdateStatus.BAD_REQUEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        try {
            return answer(version, update(account, request.session(), req));
        } catch (DeviceStateException.ConcurrentUpdate e) {
            LOG.info("FolderUpdate of {}: the hierarchy changed under it; device asked to retry", account);
            return answer(version, failed(FolderUpdateStatus.SERVER_ERROR));
        } catch (BackendException.AlreadyExists | BackendException.AccessDenied e) {
            return answer(version, failed(FolderUpdateStatus.ALREADY_EXISTS_OR_SPECIAL));
        } catch (BackendException.NotFound e) {
            return answer(version, failed(FolderUpdateStatus.NOT_FOUND));
        } catch (RuntimeException e) {
            Optional<? extends RuntimeException> unavailable = outage.of(e);
            if (unavailable.isPresent()) {
                throw unavailable.get();
            }
            if (e instanceof BackendException) {
                LOG.warn("FolderUpdate of {} failed: {}", account, e.toString());
                return answer(version, failed(FolderUpdateStatus.SERVER_ERROR));
            }
            throw e;
        }
    }

    private FolderUpdateResponse update(DeviceAccount account, BackendSession session, FolderUpdateRequest req) {
        KeyLookup<List<HierarchyFolder>> found = hierarchy.lookup(account, req.syncKey());
        if (!(found instanceof SyncPoint<List<HierarchyFolder>> point) || point instanceof SyncPoint.Initial<?>) {
            return failed(FolderUpdateStatus.INVALID_SYNC_KEY);
        }
        List<HierarchyFolder> known = DeviceFolders.known(point);
        Optional<HierarchyFolder> target = DeviceFolders.find(known, req.serverId());
        if (target.isEmpty()) {
            return failed(FolderUpdateStatus.NOT_FOUND);
        }
        if (target.get().type() == FolderType.RECIPIENT_INFORMATION_CACHE.code()) {
            return failed(FolderUpdateStatus.RECIPIENT_INFORMATION_FOLDER);
        }
        if (DeviceFolders.isSpecial(target.get().type())) {
            return failed(FolderUpdateStatus.ALREADY_EXISTS_OR_SPECIAL);
        }
        Optional<HierarchyFolder> parent = Optional.empty();
        if (!req.parentId().equals(DeviceFolders.TOP)) {
            parent = DeviceFolders.find(known, req.parentId());
            if (parent.isEmpty()) {
                return failed(FolderUpdateStatus.PARENT_NOT_FOUND);
            }
            if (DeviceFolders.find(DeviceFolders.without(known, req.serverId()), req.parentId()).isEmpty()) {
                // The new parent is the folder itself or one of its subfolders.
                return failed(FolderUpdateStatus.BAD_REQUEST);
            }
        }
        if (req.displayName().isBlank()) {
            return failed(FolderUpdateStatus.BAD_REQUEST);
        }
        BackendFolder updated = session.folders().update(target.get().backendId(),
                parent.map(HierarchyFolder::backendId), req.displayName());
        SyncKey next = hierarchy.issue(point, DeviceFolders.with(known, folders.of(account, updated)),
                new DeviceFolders.Edit("update", target.get().serverId()).bytes());
        return new FolderUpdateResponse(FolderUpdateStatus.SUCCESS, Optional.of(next.toString()));
    }

    private static FolderUpdateResponse failed(FolderUpdateStatus status) {
        return new FolderUpdateResponse(status, Optional.empty());
    }

    private CompletionStage<CommandResponse> answer(ProtocolVersion version, FolderUpdateResponse response) {
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeFolderUpdateResponse(new WbxmlWriter(out, pages, version), response)));
    }
}
