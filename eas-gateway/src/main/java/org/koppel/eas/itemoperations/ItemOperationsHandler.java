package org.koppel.eas.itemoperations;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.AttachmentData;
import org.koppel.backend.BackendException;
import org.koppel.backend.EasFolderType;
import org.koppel.backend.BackendSession;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.EmailItem;
import org.koppel.backend.Item;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.LongId;
import org.koppel.eas.command.Outage;
import org.koppel.eas.email.EmailApplicationData;
import org.koppel.eas.email.EmailBodyPreferences;
import org.koppel.eas.itemoperations.ItemOperationsRequest.EmptyFolderContents;
import org.koppel.eas.itemoperations.ItemOperationsRequest.Fetch;
import org.koppel.eas.itemoperations.ItemOperationsRequest.Move;
import org.koppel.eas.itemoperations.ItemOperationsResponse.FetchResult;
import org.koppel.eas.itemoperations.ItemOperationsResponse.FileProperties;
import org.koppel.eas.itemoperations.ItemOperationsResponse.Result;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.SyncOptions;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ItemOperations command (MS-ASCMD 2.2.1.10) on the Mailbox store: Fetch of a mail item (by CollectionId and
 * ServerId, or a Search result's LongId) with the Sync email codec and the client's body preferences, Fetch of an
 * attachment by FileReference with an optional byte Range, EmptyFolderContents, and Move of a conversation
 * (14.0+). Data goes inline as opaque WBXML, or, when the client accepts it, as parts of a multipart response;
 * either way attachments stream from the backend as the response is written, never held in memory.
 * Each operation gets its own status; the document's is 1 unless the request itself could not be read (2).
 */
public final class ItemOperationsHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(ItemOperationsHandler.class);
    private static final String MAILBOX = "Mailbox";

    private final CodePages pages;
    private final ItemOperationsCodec codec;
    private final DeviceStateStore state;
    private final Outage outage;

    public ItemOperationsHandler(CodePages pages, DeviceStateStore state, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new ItemOperationsCodec(pages);
        this.state = Objects.requireNonNull(state, "state");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        ItemOperationsRequest ops;
        try {
            ops = codec.decodeRequest(new WbxmlReader(new BufferedInputStream(request.body()), pages), version);
        } catch (DecodeException e) {
            LOG.debug("ItemOperations of {}: {}", account, e.getMessage());
            return done(wbxml(ItemOperationsResponse.failed(ItemOperationsStatus.PROTOCOL_ERROR), version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run run = new Run(account, request.session(), request.acceptMultiPart());
        List<Result<ApplicationDataWriter>> results = new ArrayList<>();
        try {
            for (ItemOperationsRequest.Operation op : ops.operations()) {
                results.add(switch (op) {
                    case Fetch f -> run.fetch(f);
                    case EmptyFolderContents e -> run.empty(e);
                    case Move m -> run.move(m);
                });
            }
        } catch (BackendException.Unavailable | DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
        ItemOperationsResponse<ApplicationDataWriter> response = new ItemOperationsResponse<>(
                ItemOperationsStatus.SUCCESS, results);
        if (run.multipart) {
            return done(new CommandResponse.Multipart(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version),
                    response), run.parts));
        }
        return done(wbxml(response, version));
    }

    private CommandResponse wbxml(ItemOperationsResponse<ApplicationDataWriter> response, ProtocolVersion version) {
        return new CommandResponse.Wbxml(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response));
    }

    /** One request's operations: the device, the session, and the parts of a multipart response. */
    private final class Run {
        final DeviceAccount account;
        final BackendSession session;
        final boolean multipart;
        final List<CommandResponse.Part> parts = new ArrayList<>();

        Run(DeviceAccount account, BackendSession session, boolean multipart) {
            this.account = account;
            this.session = session;
            this.multipart = multipart;
        }

        /** Adds a part; its number in the response (part 0 is the document). */
        int part(CommandResponse.Part p) {
            parts.add(p);
            return parts.size();
        }

        FetchResult<ApplicationDataWriter> fetch(Fetch f) {
            if (f.linkId().isPresent() || !f.store().equalsIgnoreCase(MAILBOX)) {
                // Document libraries (UNC and SharePoint links) are not served.
                return fetchFailure(f, ItemOperationsStatus.UNKNOWN_STORE);
            }
            int named = (f.fileReference().isPresent() ? 1 : 0) + (f.longId().isPresent() ? 1 : 0)
                    + (f.serverId().isPresent() ? 1 : 0);
            if (named != 1 || f.serverId().isPresent() != f.collectionId().isPresent()) {
                return fetchFailure(f, ItemOperationsStatus.PROTOCOL_ERROR);
            }
            try {
                if (f.fileReference().isPresent()) {
                    return attachment(f, f.fileReference().get());
                }
                if (f.longId().isPresent()) {
                    Optional<LongId> id = LongId.parse(f.longId().get());
                    if (id.isEmpty()) {
                        return fetchFailure(f, ItemOperationsStatus.OBJECT_NOT_FOUND);
                    }
                    return item(f, id.get().folderId(), id.get().itemId());
                }
                Optional<String> folder = state.hierarchy().backendId(account, f.collectionId().get());
                if (folder.isEmpty()) {
                    return fetchFailure(f, ItemOperationsStatus.OBJECT_NOT_FOUND);
                }
                return item(f, folder.get(), f.serverId().get());
            } catch (BackendException.NotFound | BackendException.AccessDenied e) {
                return fetchFailure(f, f.fileReference().isPresent() ? ItemOperationsStatus.INVALID_ATTACHMENT
                        : ItemOperationsStatus.OBJECT_NOT_FOUND);
            } catch (BackendException.NotSupported e) {
                return fetchFailure(f, f.fileReference().isPresent() ? ItemOperationsStatus.INVALID_ATTACHMENT
                        : ItemOperationsStatus.CONVERSION_FAILED);
            } catch (BackendException.Unavailable e) {
                throw e;
            } catch (BackendException e) {
                LOG.warn("ItemOperations Fetch of {} failed", account, e);
                return fetchFailure(f, ItemOperationsStatus.SERVER_ERROR);
            }
        }

        private FetchResult<ApplicationDataWriter> item(Fetch f, String folder, String itemId) {
            SyncOptions asked = new SyncOptions(Optional.empty(), Optional.empty(), f.options().bodyPreferences(),
                    f.options().bodyPartPreferences(), Optional.empty(), f.options().mimeSupport(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            EmailBodyPreferences prefs = EmailBodyPreferences.of(asked);
            Item item = session.items().fetch(folder, itemId, prefs.ordinary());
            ApplicationDataWriter data;
            switch (item) {
                case EmailItem e -> {
                    List<BodyPreference> wanted = prefs.forMessageClass(e.messageClass());
                    EmailItem m = wanted.equals(prefs.ordinary()) ? e
                            : (EmailItem) session.items().fetch(folder, itemId, wanted);
                    Optional<CommandResponse.Part> body = multipart ? EmailApplicationData.bodyData(m)
                            : Optional.empty();
                    data = body.isPresent() ? EmailApplicationData.withBodyInPart(m, part(body.get()))
                            : EmailApplicationData.of(m);
                }
            }
            return new FetchResult<>(ItemOperationsStatus.SUCCESS, f.collectionId(), f.serverId(), f.longId(),
                    Optional.empty(), Optional.of("Email"),
                    Optional.of(new ItemOperationsResponse.ItemProperties<>(data)));
        }

        private FetchResult<ApplicationDataWriter> attachment(Fetch f, String reference) {
            AttachmentData a = session.items().attachment(reference);
            ByteRange range = new ByteRange(0, Math.max(0, a.size() - 1));
            Optional<String> rangeText = Optional.empty();
            Optional<Long> total = Optional.empty();
            if (f.options().range().isPresent()) {
                Optional<ByteRange> sent = ByteRange.parse(f.options().range().get()).flatMap(r -> r.within(a.size()));
                if (sent.isEmpty()) {
                    return fetchFailure(f, ItemOperationsStatus.INVALID_RANGE);
                }
                range = sent.get();
                rangeText = Optional.of(range.text());
                total = Optional.of(a.size());
            }
            long skip = range.first();
            long length = a.size() == 0 ? 0 : range.length();
            CommandResponse.StreamSource source = () -> {
                InputStream in = a.data().open();
                try {
                    in.skipNBytes(skip);
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw e;
                }
                return in;
            };
            ItemOperationsResponse.FileData data = multipart
                    ? new ItemOperationsResponse.InPart(part(new CommandResponse.Part(length, source)))
                    : new ItemOperationsResponse.Streamed(0, length, source);
            return new FetchResult<>(ItemOperationsStatus.SUCCESS, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(reference), Optional.empty(), Optional.of(new FileProperties<>(
                            Optional.of(a.contentType()), rangeText, total, Optional.of(data))));
        }

        private FetchResult<ApplicationDataWriter> fetchFailure(Fetch f, ItemOperationsStatus status) {
            return new FetchResult<>(status, f.collectionId(), f.serverId(), f.longId(), f.fileReference(),
                    Optional.empty(), Optional.empty());
        }

        Result<ApplicationDataWriter> empty(EmptyFolderContents e) {
            ItemOperationsStatus status;
            Optional<String> folder = state.hierarchy().backendId(account, e.collectionId());
            if (folder.isEmpty()) {
                status = ItemOperationsStatus.OBJECT_NOT_FOUND;
            } else {
                status = backend(() -> session.folders().empty(folder.get(), e.deleteSubFolders()));
            }
            return new ItemOperationsResponse.EmptyFolderContentsResult<>(status, e.collectionId());
        }

        Result<ApplicationDataWriter> move(Move m) {
            ItemOperationsStatus status;
            Optional<String> folder = state.hierarchy().backendId(account, m.dstFldId());
            if (folder.isEmpty()) {
                status = ItemOperationsStatus.OBJECT_NOT_FOUND;
            } else if (m.moveAlways()) {
                // Moving the conversation's future messages needs a rule the backend does not keep: refused
                // before anything is moved, so the client does not believe it was done.
                status = ItemOperationsStatus.ACTION_NOT_SUPPORTED;
            } else if (!isMailFolder(folder.get())) {
                // [MS-ASCON] 2.2.2.10: the destination of a conversation move must be a mail (IPF.Note) folder.
                status = ItemOperationsStatus.ACTION_NOT_SUPPORTED;
            } else {
                int[] moved = new int[1];
                status = backend(() -> moved[0] = session.items().moveConversation(m.conversationId(), folder.get()));
                if (status == ItemOperationsStatus.SUCCESS && moved[0] == 0) {
                    status = ItemOperationsStatus.OBJECT_NOT_FOUND;
                }
            }
            return new ItemOperationsResponse.MoveResult<>(status, m.conversationId());
        }

        private boolean isMailFolder(String backendFolder) {
            return session.folders().type(backendFolder).map(EasFolderType::isMail).orElse(false);
        }

        /** Runs a backend call; its failure as the operation's status. */
        private ItemOperationsStatus backend(Runnable call) {
            try {
                call.run();
                return ItemOperationsStatus.SUCCESS;
            } catch (BackendException.NotFound e) {
                return ItemOperationsStatus.OBJECT_NOT_FOUND;
            } catch (BackendException.AccessDenied e) {
                return ItemOperationsStatus.ACCESS_DENIED;
            } catch (BackendException.NotSupported e) {
                return ItemOperationsStatus.ACTION_NOT_SUPPORTED;
            } catch (BackendException.Unavailable e) {
                throw e;
            } catch (BackendException e) {
                LOG.warn("ItemOperations of {} failed", account, e);
                return ItemOperationsStatus.SERVER_ERROR;
            }
        }
    }

    private static CompletionStage<CommandResponse> done(CommandResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
