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
import org.koppel.backend.EasFolderType;
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
 * FolderCreate ([MS-ASCMD] 2.2.1.3): a user folder under a folder the device knows (or at the top), and the
 * next hierarchy key, which stands for what the device knew plus the new folder, so that the next FolderSync
 * does not send it back. Repeated with the older key after a lost response, it answers with the folder made
 * the first time.
 */
public final class FolderCreateHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(FolderCreateHandler.class);
    private static final String COMMAND = "create";

    private final Hierarchy hierarchy;
    private final DeviceFolders folders;
    private final FolderHierarchyCodec codec;
    private final CodePages pages;
    private final Outage outage;

    public FolderCreateHandler(Hierarchy hierarchy, CodePages pages, Outage outage) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.folders = new DeviceFolders(hierarchy);
        this.pages = Objects.requireNonNull(pages, "pages");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.codec = new FolderHierarchyCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        FolderCreateRequest req;
        try {
            req = codec.decodeFolderCreateRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("FolderCreate of {}: {}", request.user(), e.getMessage());
            return answer(version, failed(FolderCreateStatus.BAD_REQUEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        try {
            return answer(version, create(account, request.session(), req));
        } catch (DeviceStateException.ConcurrentUpdate e) {
            LOG.info("FolderCreate of {}: the hierarchy changed under it; device asked to retry", account);
            return answer(version, failed(FolderCreateStatus.SERVER_ERROR));
        } catch (BackendException.AlreadyExists e) {
            return answer(version, failed(FolderCreateStatus.ALREADY_EXISTS));
        } catch (BackendException.NotFound e) {
            return answer(version, failed(FolderCreateStatus.PARENT_NOT_FOUND));
        } catch (BackendException.AccessDenied e) {
            LOG.info("FolderCreate of {} refused by the backend: {}", account, e.getMessage());
            return answer(version, failed(FolderCreateStatus.UNKNOWN_ERROR));
        } catch (RuntimeException e) {
            Optional<? extends RuntimeException> unavailable = outage.of(e);
            if (unavailable.isPresent()) {
                throw unavailable.get();
            }
            if (e instanceof BackendException) {
                LOG.warn("FolderCreate of {} failed: {}", account, e.toString());
                return answer(version, failed(FolderCreateStatus.SERVER_ERROR));
            }
            throw e;
        }
    }

    private FolderCreateResponse create(DeviceAccount account, BackendSession session, FolderCreateRequest req) {
        KeyLookup<List<HierarchyFolder>> found = hierarchy.lookup(account, req.syncKey());
        if (!(found instanceof SyncPoint<List<HierarchyFolder>> point) || point instanceof SyncPoint.Initial<?>) {
            return failed(FolderCreateStatus.INVALID_SYNC_KEY);
        }
        List<HierarchyFolder> known = DeviceFolders.known(point);
        Optional<HierarchyFolder> parent = Optional.empty();
        if (!req.parentId().equals(DeviceFolders.TOP)) {
            parent = DeviceFolders.find(known, req.parentId());
            if (parent.isEmpty()) {
                return failed(FolderCreateStatus.PARENT_NOT_FOUND);
            }
            if (parent.get().type() == FolderType.RECIPIENT_INFORMATION_CACHE.code()) {
                return failed(FolderCreateStatus.SPECIAL_PARENT);
            }
        }
        if (req.displayName().isBlank() || !isUserType(req.type())) {
            return failed(FolderCreateStatus.BAD_REQUEST);
        }
        Optional<HierarchyFolder> made = DeviceFolders.replayed(point)
                .filter(edit -> edit.command().equals(COMMAND))
                .flatMap(edit -> madeBefore(account, session, edit.serverId(), req));
        HierarchyFolder folder;
        if (made.isPresent()) {
            folder = made.get();
        } else {
            BackendFolder created = session.folders().create(parent.map(HierarchyFolder::backendId),
                    req.displayName(), EasFolderType.fromCode(req.type().code()));
            folder = folders.of(account, created);
        }
        SyncKey next = hierarchy.issue(point, DeviceFolders.with(known, folder),
                new DeviceFolders.Edit(COMMAND, folder.serverId()).bytes());
        return new FolderCreateResponse(FolderCreateStatus.SUCCESS, Optional.of(next.toString()),
                Optional.of(folder.serverId()));
    }

    /** The folder the first run of a repeated request made, if it is still there as asked. */
    private Optional<HierarchyFolder> madeBefore(DeviceAccount account, BackendSession session, String serverId,
            FolderCreateRequest req) {
        Optional<String> backendId = hierarchy.backendId(account, serverId);
        if (backendId.isEmpty()) {
            return Optional.empty();
        }
        return folders.of(account, session.folders().list()).stream()
                .filter(f -> f.backendId().equals(backendId.get()))
                .filter(f -> f.displayName().equals(req.displayName()) && f.parentId().equals(req.parentId()))
                .findFirst();
    }

    private static boolean isUserType(FolderType type) {
        return type == FolderType.USER_CREATED_GENERIC
                || type.code() >= FolderType.USER_CREATED_MAIL.code() && type.code() <= FolderType.USER_CREATED_NOTES.code();
    }

    private static FolderCreateResponse failed(FolderCreateStatus status) {
        return new FolderCreateResponse(status, Optional.empty(), Optional.empty());
    }

    private CompletionStage<CommandResponse> answer(ProtocolVersion version, FolderCreateResponse response) {
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeFolderCreateResponse(new WbxmlWriter(out, pages, version), response)));
    }
}
