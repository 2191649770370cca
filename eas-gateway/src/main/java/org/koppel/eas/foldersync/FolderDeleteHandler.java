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
 * FolderDelete ([MS-ASCMD] 2.2.1.4): deletes a user folder with its contents and subfolders, and issues the
 * next hierarchy key standing for the device's list without them. Standard folders are refused. Repeated with
 * the older key after a lost response, it answers success again rather than "not found".
 */
public final class FolderDeleteHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(FolderDeleteHandler.class);
    private static final String COMMAND = "delete";

    private final Hierarchy hierarchy;
    private final FolderHierarchyCodec codec;
    private final CodePages pages;
    private final Outage outage;

    public FolderDeleteHandler(Hierarchy hierarchy, CodePages pages, Outage outage) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.codec = new FolderHierarchyCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        FolderDeleteRequest req;
        try {
            req = codec.decodeFolderDeleteRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("FolderDelete of {}: {}", request.user(), e.getMessage());
            return answer(version, failed(FolderDeleteStatus.BAD_REQUEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        try {
            return answer(version, delete(account, request.session(), req));
        } catch (DeviceStateException.ConcurrentUpdate e) {
            LOG.info("FolderDelete of {}: the hierarchy changed under it; device asked to retry", account);
            return answer(version, failed(FolderDeleteStatus.SERVER_ERROR));
        } catch (BackendException.AccessDenied e) {
            return answer(version, failed(FolderDeleteStatus.SPECIAL_FOLDER));
        } catch (BackendException.NotFound e) {
            return answer(version, failed(FolderDeleteStatus.NOT_FOUND));
        } catch (RuntimeException e) {
            Optional<? extends RuntimeException> unavailable = outage.of(e);
            if (unavailable.isPresent()) {
                throw unavailable.get();
            }
            if (e instanceof BackendException) {
                LOG.warn("FolderDelete of {} failed: {}", account, e.toString());
                return answer(version, failed(FolderDeleteStatus.SERVER_ERROR));
            }
            throw e;
        }
    }

    private FolderDeleteResponse delete(DeviceAccount account, BackendSession session, FolderDeleteRequest req) {
        KeyLookup<List<HierarchyFolder>> found = hierarchy.lookup(account, req.syncKey());
        if (!(found instanceof SyncPoint<List<HierarchyFolder>> point) || point instanceof SyncPoint.Initial<?>) {
            return failed(FolderDeleteStatus.INVALID_SYNC_KEY);
        }
        List<HierarchyFolder> known = DeviceFolders.known(point);
        Optional<HierarchyFolder> target = DeviceFolders.find(known, req.serverId());
        if (target.isEmpty()) {
            return failed(FolderDeleteStatus.NOT_FOUND);
        }
        if (DeviceFolders.isSpecial(target.get().type())) {
            return failed(FolderDeleteStatus.SPECIAL_FOLDER);
        }
        boolean doneBefore = DeviceFolders.replayed(point)
                .filter(edit -> edit.command().equals(COMMAND) && edit.serverId().equals(req.serverId()))
                .isPresent();
        try {
            session.folders().delete(target.get().backendId());
        } catch (BackendException.NotFound e) {
            if (!doneBefore) {
                throw e;
            }
        }
        SyncKey next = hierarchy.issue(point, DeviceFolders.without(known, req.serverId()),
                new DeviceFolders.Edit(COMMAND, req.serverId()).bytes());
        return new FolderDeleteResponse(FolderDeleteStatus.SUCCESS, Optional.of(next.toString()));
    }

    private static FolderDeleteResponse failed(FolderDeleteStatus status) {
        return new FolderDeleteResponse(status, Optional.empty());
    }

    private CompletionStage<CommandResponse> answer(ProtocolVersion version, FolderDeleteResponse response) {
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeFolderDeleteResponse(new WbxmlWriter(out, pages, version), response)));
    }
}
