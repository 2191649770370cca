package org.koppel.eas.sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.ChangeResult;
import org.koppel.backend.ClientChange;
import org.koppel.backend.ExportOptions;
import org.koppel.backend.ExportPage;
import org.koppel.backend.FilterType;
import org.koppel.backend.ImportResults;
import org.koppel.backend.Item;
import org.koppel.backend.ItemChange;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Outage;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.foldersync.HierarchyCheck;
import org.koppel.eas.push.PushWait;
import org.koppel.eas.push.PushWaits;
import org.koppel.eas.push.WaitOutcome;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.DeviceStateStore;
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
 * The Sync command (MS-ASCMD 2.2.1.21) for the collections of one request: sync keys through device-state,
 * the client's Add/Change/Delete imported and Fetch answered through the backend, the server's changes
 * exported a window at a time, empty and partial requests from the cached last request, and heartbeat Syncs
 * that wait on the backend's push without a thread. The item class is {@link SyncContent}'s business.
 *
 * @param <D> what the content's decoder makes of a client's ApplicationData
 */
public final class SyncHandler<D> implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);

    private final CodePages pages;
    private final Outage outage;
    private final SyncCodec codec;
    private final SyncContent<D> content;
    private final DeviceStateStore state;
    private final PushWaits waits;
    private final SyncLimits limits;
    private final CachedSyncRequest cache;
    private final HierarchyCheck hierarchy;

    public SyncHandler(CodePages pages, SyncContent<D> content, DeviceStateStore state, PushWaits waits,
            SyncLimits limits, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new SyncCodec(pages);
        this.content = Objects.requireNonNull(content, "content");
        this.state = Objects.requireNonNull(state, "state");
        this.waits = Objects.requireNonNull(waits, "waits");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.cache = new CachedSyncRequest(pages, codec);
        this.hierarchy = new HierarchyCheck(state.hierarchy());
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        SyncRequest<D> sent;
        try {
            sent = read(request.body(), version);
        } catch (DecodeException e) {
            LOG.debug("Sync of {}: {}", account, e.getMessage());
            return done(failed(SyncStatus.PROTOCOL_ERROR, version));
        }
        SyncRequest<D> effective = sent;
        if (sent.isEmpty() || sent.partial()) {
            Optional<SyncRequest<D>> cached = version.compareTo(ProtocolVersion.V12_1) < 0 ? Optional.empty()
                    : this.<Optional<byte[]>>storage(() -> state.devices().lastSyncRequest(account))
                            .flatMap(cache::<D>decode);
            if (cached.isEmpty()) {
                return done(failed(SyncStatus.INCOMPLETE_REQUEST, version));
            }
            effective = sent.isEmpty() ? cached.get() : CachedSyncRequest.complete(sent, cached.get());
        }
        if (effective.collections().isEmpty()) {
            return done(failed(SyncStatus.INCOMPLETE_REQUEST, version));
        }
        if (effective.collections().size() > limits.maxCollections()) {
            // MS-ASCMD 2.2.3.97: Status 15 with the most collections the server syncs in one request as Limit.
            return done(respond(new SyncResponse<>(Optional.of(SyncStatus.TOO_MANY_COLLECTIONS), List.of(),
                    Optional.of(limits.maxCollections())), version));
        }
        Optional<Duration> heartbeat;
        try {
            heartbeat = heartbeat(effective);
        } catch (OutOfRange e) {
            return done(respond(new SyncResponse<>(Optional.of(SyncStatus.INVALID_WAIT_OR_HEARTBEAT), List.of(),
                    Optional.of(e.limit)), version));
        }
        SyncRequest<D> toRun = effective;
        Run run = run(account, request.session(), toRun, version);
        if (!run.quiet() || heartbeat.isEmpty() || run.watched().isEmpty()) {
            return done(respond(run, version));
        }
        return waitForChanges(account, request.session(), toRun, version, run, heartbeat.get());
    }

    private SyncRequest<D> read(InputStream body, ProtocolVersion version) throws DecodeException {
        try {
            BufferedInputStream in = new BufferedInputStream(body);
            in.mark(1);
            if (in.read() < 0) {
                return SyncRequest.empty();
            }
            in.reset();
            return codec.decodeRequest(new WbxmlReader(in, pages), version, content.decoder());
        } catch (IOException e) {
            // A WbxmlException inside is answered 400 by the HTTP layer; anything else is a broken connection.
            throw new UncheckedIOException(e);
        }
    }

    private static final class OutOfRange extends Exception {
        private static final long serialVersionUID = 1L;
        final int limit;

        OutOfRange(int limit) {
            super(null, null, false, false);
            this.limit = limit;
        }
    }

    /** The wait a heartbeat Sync asks for, checked against the server's range (Limit in the request's unit). */
    private Optional<Duration> heartbeat(SyncRequest<D> request) throws OutOfRange {
        long min = limits.minHeartbeat().toSeconds();
        long max = limits.maxHeartbeat().toSeconds();
        if (request.waitMinutes().isPresent()) {
            long seconds = request.waitMinutes().get() * 60L;
            if (seconds < min) {
                throw new OutOfRange((int) ((min + 59) / 60));
            }
            if (seconds > max) {
                throw new OutOfRange((int) (max / 60));
            }
            return Optional.of(Duration.ofSeconds(seconds));
        }
        if (request.heartbeatInterval().isPresent()) {
            long seconds = request.heartbeatInterval().get();
            if (seconds < min) {
                throw new OutOfRange((int) min);
            }
            if (seconds > max) {
                throw new OutOfRange((int) max);
            }
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return Optional.empty();
    }

    private CompletionStage<CommandResponse> waitForChanges(DeviceAccount account, BackendSession session,
            SyncRequest<D> request, ProtocolVersion version, Run quiet, Duration heartbeat) {
        Set<String> folders = new java.util.HashSet<>();
        quiet.watched().forEach(w -> folders.add(w.folderId()));
        PushWait wait;
        try {
            wait = waits.start(account, session.push(), folders, heartbeat,
                    () -> hierarchy.outOfDate(account, session.folders()));
        } catch (BackendException e) {
            // A folder that went away meanwhile: the next Sync finds out; answer what there is now.
            return done(respond(quiet, version));
        }
        try {
            if (hierarchy.outOfDate(account, session.folders())) {
                // MS-ASCMD: a heartbeat Sync tells of folder changes with Status 12; the device FolderSyncs.
                wait.end(new WaitOutcome.HierarchyChanged());
            }
            // A change between the export above and the subscription would otherwise wait a whole heartbeat.
            for (Watched w : quiet.watched()) {
                if (!wait.isDone() && session.contents().estimate(w.folderId(), w.state(), w.filter()) > 0) {
                    wait.changed(Set.of(w.folderId()));
                }
            }
        } catch (RuntimeException e) {
            wait.end(new WaitOutcome.TimedOut());
            throw outage.of(e).<RuntimeException>map(u -> u).orElse(e);
        }
        return wait.outcome().thenApplyAsync(outcome -> switch (outcome) {
            case WaitOutcome.Changed c -> respond(run(account, session, request, version), version);
            case WaitOutcome.HierarchyChanged h -> failed(SyncStatus.FOLDER_HIERARCHY_CHANGED, version);
            case WaitOutcome.TimedOut t -> respond(quiet, version);
            case WaitOutcome.Superseded s -> respond(quiet, version);
        }, waits.continuations());
    }

    /** One folder a quiet heartbeat Sync watches, with the state its key stands for. */
    private record Watched(String folderId, byte[] state, FilterType filter) {
    }

    /**
     * The outcome of running a request over its collections.
     *
     * @param keys    CollectionId to the key the response gives (for the cached request)
     * @param quiet   nothing to tell: every collection fine, no commands or responses, no new key
     * @param watched the folders of the collections, for a heartbeat wait
     */
    private record Run(List<SyncResponse.Collection<ApplicationDataWriter>> collections, Map<String, String> keys,
            boolean quiet, List<Watched> watched) {
    }

    private Run run(DeviceAccount account, BackendSession session, SyncRequest<D> request, ProtocolVersion version) {
        int budget = request.windowSize().map(w -> Math.min(w, limits.maxWindowSize())).orElse(Integer.MAX_VALUE);
        List<SyncResponse.Collection<ApplicationDataWriter>> out = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<Watched> watched = new ArrayList<>();
        boolean quiet = true;
        for (SyncRequest.Collection<D> c : request.collections()) {
            Outcome o = collection(account, session, c, version, budget, request.windowSize());
            budget -= o.response().commands().size();
            out.add(o.response());
            o.response().syncKey().ifPresent(k -> keys.put(c.collectionId(), k));
            o.watched().ifPresent(watched::add);
            SyncResponse.Collection<ApplicationDataWriter> r = o.response();
            quiet &= r.status() == SyncStatus.SUCCESS && r.commands().isEmpty() && r.responses().isEmpty()
                    && !r.moreAvailable() && r.syncKey().equals(Optional.of(c.syncKey()));
        }
        if (version.compareTo(ProtocolVersion.V12_1) >= 0) {
            byte[] kept = cache.encode(request, keys, version);
            storage(() -> {
                state.devices().saveLastSyncRequest(account, kept);
                return null;
            });
        }
        return new Run(out, keys, quiet, watched);
    }

    /** One collection's response, and what a heartbeat wait would watch. */
    private record Outcome(SyncResponse.Collection<ApplicationDataWriter> response, Optional<Watched> watched) {
    }

    private Outcome collection(DeviceAccount account, BackendSession session, SyncRequest.Collection<D> c,
            ProtocolVersion version, int budget, Optional<Integer> requestWindow) {
        String id = c.collectionId();
        try {
            Optional<String> folder = state.hierarchy().backendId(account, id);
            if (folder.isEmpty()) {
                // A CollectionId this device was never given: its hierarchy is not what it thinks.
                return failure(c, SyncStatus.FOLDER_HIERARCHY_CHANGED, Optional.empty());
            }
            KeyLookup<byte[]> found = state.syncStates().lookup(account, id, c.syncKey());
            if (found instanceof KeyLookup.Unknown<byte[]> u) {
                LOG.debug("Sync of {} collection {}: key {} not honoured ({})", account, id, u.clientKey(), u.reason());
                return failure(c, SyncStatus.INVALID_SYNC_KEY, Optional.of("0"));
            }
            SyncPoint<byte[]> point = (SyncPoint<byte[]>) found;
            CollectionOptions options = CollectionOptions.of(point.options(), c, pages);
            String backendFolder = folder.get();
            CollectionContext where = new CollectionContext(version, () -> session.folders().type(backendFolder));
            boolean saysEmail = c.contentClass().equals(Optional.of(ContentClass.EMAIL)) || c.options().stream()
                    .anyMatch(o -> o.contentClass().equals(Optional.of(ContentClass.EMAIL)));
            if (c.conversationMode().orElse(false) && !saysEmail
                    && where.folderType().map(t -> !t.isMail()).orElse(false)) {
                // [MS-ASCMD] 2.2.3.35.3: ConversationMode on a collection that is not email is Status 4.
                return failure(c, SyncStatus.PROTOCOL_ERROR, Optional.empty());
            }
            if (!content.definesFilter(options.stored().filterType())) {
                return failure(c, SyncStatus.PROTOCOL_ERROR, Optional.empty());
            }
            if (point instanceof SyncPoint.Initial<byte[]> && c.getChanges().orElse(false)) {
                // [MS-ASCMD] 2.2.3.84: GetChanges 1 (or empty) with SyncKey 0 is Status 4; key 0 only starts a series.
                return failure(c, SyncStatus.PROTOCOL_ERROR, Optional.empty());
            }
            return switch (point) {
                case SyncPoint.Initial<byte[]> initial -> {
                    // Key 0: a new series, nothing else (MS-ASCMD: the client then syncs with the new key).
                    SyncKey key = state.syncStates().issue(initial, new byte[0], new byte[0], options.stored());
                    yield new Outcome(success(c, key, false, List.of(), List.of()), Optional.empty());
                }
                case SyncPoint.Current<byte[]> current -> proceed(session, c, folder.get(), current, current.key(),
                        current.state(), ReplayRecord.NONE, options, where, budget, requestWindow);
                case SyncPoint.Replay<byte[]> replay -> proceed(session, c, folder.get(), replay, replay.key(),
                        replay.state(), ReplayRecord.decode(replay.pending()), options, where, budget, requestWindow);
            };
        } catch (BackendException.Unavailable e) {
            throw outage.of(e).orElseThrow();
        } catch (BackendException.InvalidState e) {
            LOG.info("Sync of {} collection {}: backend state refused, the device starts over", account, id);
            return failure(c, SyncStatus.INVALID_SYNC_KEY, Optional.of("0"));
        } catch (BackendException.NotFound e) {
            return failure(c, SyncStatus.OBJECT_NOT_FOUND, Optional.empty());
        } catch (BackendException.QuotaExceeded e) {
            return failure(c, SyncStatus.OUT_OF_SPACE, Optional.empty());
        } catch (BackendException e) {
            LOG.warn("Sync of {} collection {} failed", account, id, e);
            return failure(c, SyncStatus.SERVER_ERROR, Optional.empty());
        } catch (DeviceStateException.ConcurrentUpdate e) {
            // Another request of this device moved the key first; this one must not hand out a key.
            LOG.debug("Sync of {} collection {}: {}", account, id, e.getMessage());
            return failure(c, version.compareTo(ProtocolVersion.V14_0) >= 0 ? SyncStatus.RETRY : SyncStatus.SERVER_ERROR,
                    Optional.empty());
        } catch (DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        } catch (DeviceStateException e) {
            LOG.warn("Sync of {} collection {} failed", account, id, e);
            return failure(c, SyncStatus.SERVER_ERROR, Optional.empty());
        }
    }

    private Outcome proceed(BackendSession session, SyncRequest.Collection<D> c, String folder,
            SyncPoint<byte[]> point, SyncKey key, byte[] keyState, ReplayRecord replay, CollectionOptions options,
            CollectionContext where, int budget, Optional<Integer> requestWindow) {
        List<org.koppel.backend.BodyPreference> bodies = content.bodyPreferences(options.codecOptions());
        byte[] from = replay.importedState().orElse(keyState);
        Map<String, String> adds = new LinkedHashMap<>();
        List<SyncResponse.Response<ApplicationDataWriter>> responses = new ArrayList<>();
        List<ClientChange> changes = new ArrayList<>();
        // Where each change's response goes among the responses, kept in the order of the client's commands.
        Map<Integer, Integer> slotOfChange = new HashMap<>();
        // Adds made with this key by a request whose own key could not be issued (see below).
        Map<String, String> recorded = c.commands().stream().anyMatch(cmd -> cmd instanceof SyncRequest.Add<D>)
                ? state.syncStates().recordedAdds(point) : Map.of();
        for (SyncRequest.Command<D> cmd : c.commands()) {
            switch (cmd) {
                case SyncRequest.Add<D> a when a.contentClass().equals(Optional.of(ContentClass.SMS)) ->
                    // Koppel does not sync SMS (its Options are accepted and ignored): an SMS the device uploads
                    // is refused rather than filed as an email.
                    responses.add(new SyncResponse.AddResult<>(a.contentClass(), a.clientId(), Optional.empty(),
                            SyncStatus.CONVERSION_ERROR));
                case SyncRequest.Add<D> a -> {
                    String earlier = replay.adds().getOrDefault(a.clientId(), recorded.get(a.clientId()));
                    if (earlier != null) {
                        // Added when this request was first made; the response was lost. Not again.
                        adds.put(a.clientId(), earlier);
                        responses.add(new SyncResponse.AddResult<>(a.contentClass(), a.clientId(),
                                Optional.of(earlier), SyncStatus.SUCCESS));
                        continue;
                    }
                    try {
                        Item item = content.newItem(a.data(), where);
                        slotOfChange.put(changes.size(), responses.size());
                        changes.add(new ClientChange.Add(a.clientId(), item));
                        responses.add(null);
                    } catch (ItemConversionException e) {
                        responses.add(new SyncResponse.AddResult<>(a.contentClass(), a.clientId(), Optional.empty(),
                                SyncStatus.CONVERSION_ERROR));
                    }
                }
                case SyncRequest.Change<D> ch -> {
                    try {
                        ClientChange.Change change = content.change(ch.serverId(), ch.data(), where);
                        slotOfChange.put(changes.size(), responses.size());
                        changes.add(change);
                        responses.add(null);
                    } catch (ItemConversionException e) {
                        responses.add(new SyncResponse.ChangeResult<>(ch.serverId(), SyncStatus.CONVERSION_ERROR));
                    }
                }
                case SyncRequest.Delete<D> d -> {
                    slotOfChange.put(changes.size(), responses.size());
                    changes.add(new ClientChange.Delete(d.serverId(), options.stored().deletesAsMoves()));
                    responses.add(null);
                }
                case SyncRequest.Fetch<D> f -> responses.add(fetch(session, folder, f.serverId(), bodies, options));
            }
        }
        Optional<byte[]> afterImport = replay.importedState();
        if (!changes.isEmpty()) {
            ImportResults imported = session.contents().importChanges(folder, from, changes, options.conflict());
            from = imported.state();
            afterImport = Optional.of(from);
            Map<String, String> made = new LinkedHashMap<>();
            for (int i = 0; i < imported.results().size(); i++) {
                ChangeResult r = imported.results().get(i);
                responses.set(slotOfChange.get(i), itemResponse(r, made));
            }
            if (!made.isEmpty()) {
                // Kept before the key is issued: if another request of the device advances the key first, this
                // one answers Status 16 and the device retries with the same key; its Adds must not be made twice.
                state.syncStates().recordAdds(point, made);
                adds.putAll(made);
            }
        }
        // Successful Changes and Deletes need no answer (MS-ASCMD: Responses carry failures for them).
        responses.removeIf(Objects::isNull);

        List<SyncResponse.Command<ApplicationDataWriter>> commands = new ArrayList<>();
        boolean more = false;
        byte[] next = from;
        if (c.getChanges().orElse(true)) {
            int window = windowOf(c, options, requestWindow);
            if (budget <= 0) {
                more = session.contents().estimate(folder, from, options.filter()) > 0;
            } else {
                ExportPage page = session.contents().export(folder, from,
                        new ExportOptions(options.filter(), Math.min(window, budget), bodies));
                for (ItemChange change : page.changes()) {
                    commands.add(serverCommand(withItemBody(session, folder, change, options)));
                }
                more = page.moreAvailable();
                if (!page.changes().isEmpty()) {
                    next = page.nextState();
                }
            }
        }
        boolean changed = afterImport.isPresent() || !commands.isEmpty();
        SyncKey answer = key;
        if (changed) {
            byte[] pending = new ReplayRecord(afterImport, adds).encode();
            answer = state.syncStates().issue(point, next, pending, options.changed() ? options.stored() : null);
        } else if (options.changed()) {
            state.syncStates().saveOptions(point, options.stored());
        }
        Optional<Watched> watched = changed || more ? Optional.empty()
                : Optional.of(new Watched(folder, next, options.filter()));
        return new Outcome(success(c, answer, more, commands, responses), watched);
    }

    private int windowOf(SyncRequest.Collection<D> c, CollectionOptions options, Optional<Integer> requestWindow) {
        int w = c.windowSize().orElse(options.stored().windowSize() > 0 ? options.stored().windowSize()
                : requestWindow.orElse(limits.defaultWindowSize()));
        return Math.max(1, Math.min(w, limits.maxWindowSize()));
    }

    private SyncResponse.Response<ApplicationDataWriter> fetch(BackendSession session, String folder, String serverId,
            List<org.koppel.backend.BodyPreference> bodies, CollectionOptions options) {
        try {
            Item item = session.items().fetch(folder, serverId, bodies);
            Optional<List<org.koppel.backend.BodyPreference>> other =
                    content.bodyPreferencesFor(item, options.codecOptions());
            if (other.isPresent()) {
                item = session.items().fetch(folder, serverId, other.get());
            }
            return new SyncResponse.FetchResult<>(serverId, SyncStatus.SUCCESS, Optional.of(content.item(item)));
        } catch (BackendException.NotFound e) {
            return new SyncResponse.FetchResult<>(serverId, SyncStatus.OBJECT_NOT_FOUND, Optional.empty());
        }
    }

    /**
     * An exported item, fetched again when its class wants other body preferences than the export was asked
     * for (S/MIME mail under MIMESupport 1: its MIME). Such items are few; the rest pass as they are.
     */
    private ItemChange withItemBody(BackendSession session, String folder, ItemChange change,
            CollectionOptions options) {
        Item item = switch (change) {
            case ItemChange.Added a -> a.item();
            case ItemChange.Changed c -> c.item();
            default -> null;
        };
        if (item == null) {
            return change;
        }
        Optional<List<org.koppel.backend.BodyPreference>> other = content.bodyPreferencesFor(item,
                options.codecOptions());
        if (other.isEmpty()) {
            return change;
        }
        try {
            return switch (change) {
                case ItemChange.Added a -> new ItemChange.Added(a.itemId(),
                        session.items().fetch(folder, a.itemId(), other.get()));
                case ItemChange.Changed c -> new ItemChange.Changed(c.itemId(),
                        session.items().fetch(folder, c.itemId(), other.get()));
                default -> change;
            };
        } catch (BackendException.NotFound e) {
            // Gone since the export: sent as exported, the next Sync deletes it.
            return change;
        }
    }

    /** The response to one imported change; null for a Change or Delete that went well (nothing is sent). */
    private static SyncResponse.Response<ApplicationDataWriter> itemResponse(ChangeResult r, Map<String, String> adds) {
        SyncStatus status = switch (r.outcome()) {
            case APPLIED, CONFLICT_CLIENT_WON -> SyncStatus.SUCCESS;
            case CONFLICT_SERVER_WON -> SyncStatus.CONFLICT;
            case NOT_FOUND -> SyncStatus.OBJECT_NOT_FOUND;
            case FAILED -> SyncStatus.CONVERSION_ERROR;
        };
        return switch (r.change()) {
            case ClientChange.Add a -> {
                Optional<String> id = status == SyncStatus.SUCCESS ? r.itemId() : Optional.empty();
                id.ifPresent(s -> adds.put(a.clientId(), s));
                yield new SyncResponse.AddResult<>(Optional.empty(), a.clientId(), id,
                        id.isPresent() ? status : (status == SyncStatus.SUCCESS ? SyncStatus.SERVER_ERROR : status));
            }
            case ClientChange.Change ch -> status == SyncStatus.SUCCESS ? null
                    : new SyncResponse.ChangeResult<>(ch.itemId(), status);
            case ClientChange.Delete d -> status == SyncStatus.SUCCESS ? null
                    : new SyncResponse.DeleteResult<>(d.itemId(), status);
        };
    }

    private SyncResponse.Command<ApplicationDataWriter> serverCommand(ItemChange change) {
        return switch (change) {
            case ItemChange.Added a -> new SyncResponse.Add<>(a.itemId(), content.item(a.item()));
            case ItemChange.Changed ch -> new SyncResponse.Change<>(ch.itemId(), content.item(ch.item()));
            case ItemChange.ReadChanged r -> new SyncResponse.Change<>(r.itemId(), content.readFlag(r.read()));
            case ItemChange.Deleted d -> new SyncResponse.Delete<>(d.itemId());
            case ItemChange.SoftDeleted s -> new SyncResponse.SoftDelete<>(s.itemId());
        };
    }

    private SyncResponse.Collection<ApplicationDataWriter> success(SyncRequest.Collection<D> c, SyncKey key,
            boolean more, List<SyncResponse.Command<ApplicationDataWriter>> commands,
            List<SyncResponse.Response<ApplicationDataWriter>> responses) {
        return new SyncResponse.Collection<>(c.contentClass(), Optional.of(key.toString()), c.collectionId(),
                SyncStatus.SUCCESS, more, commands, responses);
    }

    private Outcome failure(SyncRequest.Collection<D> c, SyncStatus status, Optional<String> key) {
        return new Outcome(new SyncResponse.Collection<>(c.contentClass(), key, c.collectionId(), status, false,
                List.of(), List.of()), Optional.empty());
    }

    private CommandResponse respond(Run run, ProtocolVersion version) {
        if (run.quiet() && version.compareTo(ProtocolVersion.V14_0) >= 0) {
            // MS-ASCMD 2.2.1.21.2: nothing to report is an empty response (the client may answer it empty too).
            return new CommandResponse.Empty();
        }
        return respond(new SyncResponse<>(Optional.empty(), run.collections(), Optional.empty()), version);
    }

    private CommandResponse respond(SyncResponse<ApplicationDataWriter> response, ProtocolVersion version) {
        return new CommandResponse.Wbxml(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response));
    }

    private CommandResponse failed(SyncStatus status, ProtocolVersion version) {
        return respond(SyncResponse.failed(status), version);
    }

    private static CompletionStage<CommandResponse> done(CommandResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private interface StateCall<T> {
        T call();
    }

    /** Device-state calls outside a collection: a database failure is the store being unavailable (503). */
    private <T> T storage(StateCall<T> call) {
        try {
            return call.call();
        } catch (DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
    }
}
