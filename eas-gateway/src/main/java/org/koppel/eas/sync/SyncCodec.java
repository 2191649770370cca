package org.koppel.eas.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.Tag;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes Sync requests and responses ([MS-ASCMD] 2.2.1.21), both directions.
 * ApplicationData is handed to an {@link ApplicationDataDecoder} on the way in and written by
 * an {@link ApplicationDataWriter} on the way out, so this codec knows no item class.
 *
 * <p>Elements are written in the specification's order; on reading, the children of a
 * container may come in any order (each at most once where the schema says so), as clients
 * in the field are not all strict about the order and nothing depends on it.
 */
public final class SyncCodec {
    static final int MAX_ID = 64;
    static final int MAX_FILTER = 8;
    /** The number of Options a collection may carry ([MS-ASCMD] 2.2.3.125.6: 0...2). */
    static final int MAX_OPTIONS = 2;

    private final CodePages pages;

    public SyncCodec(CodePages pages) {
        this.pages = pages;
    }

    // --- request -------------------------------------------------------------------------------

    /** Decodes a request body; an empty body is {@link SyncRequest#empty()} and never reaches here. */
    public <D> SyncRequest<D> decodeRequest(WbxmlReader reader, ProtocolVersion version,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("AirSync:Sync");
        List<SyncRequest.Collection<D>> collections = new ArrayList<>();
        Optional<Integer> wait = Optional.empty();
        Optional<Integer> heartbeat = Optional.empty();
        Optional<Integer> windowSize = Optional.empty();
        boolean partial = false;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSync:Collections" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("AirSync:Collection")) {
                            throw in.unexpected();
                        }
                        collections.add(requestCollection(in, items));
                    }
                    if (collections.isEmpty()) {
                        throw in.missing("AirSync:Collection", "Collections");
                    }
                }
                case "AirSync:Wait" -> wait = Optional.of(in.integer(0, Integer.MAX_VALUE));
                case "AirSync:HeartbeatInterval" -> heartbeat = Optional.of(in.integer(0, Integer.MAX_VALUE));
                case "AirSync:WindowSize" -> windowSize = Optional.of(in.integer(1, Integer.MAX_VALUE));
                case "AirSync:Partial" -> {
                    in.empty();
                    partial = true;
                }
                default -> throw in.unexpected();
            }
            if (wait.isPresent() && heartbeat.isPresent()) {
                throw in.invalid("Wait and HeartbeatInterval together");
            }
        }
        in.endDocument();
        return new SyncRequest<>(collections, wait, heartbeat, windowSize, partial);
    }

    private <D> SyncRequest.Collection<D> requestCollection(ElementReader in, ApplicationDataDecoder<D> items)
            throws DecodeException, IOException {
        Optional<ContentClass> cls = Optional.empty();
        String syncKey = null;
        String collectionId = null;
        List<Tag> supported = new ArrayList<>();
        Optional<Boolean> deletesAsMoves = Optional.empty();
        Optional<Boolean> getChanges = Optional.empty();
        Optional<Integer> windowSize = Optional.empty();
        Optional<Boolean> conversationMode = Optional.empty();
        List<SyncOptions> options = new ArrayList<>();
        List<SyncRequest.Command<D>> commands = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            if (!in.name().equals("AirSync:Options")) {
                in.once(seen);
            }
            switch (in.name()) {
                case "AirSync:Class" -> {
                    in.requireVersionAtMost(ProtocolVersion.V12_1);
                    cls = Optional.of(ContentClass.read(in));
                }
                case "AirSync:SyncKey" -> syncKey = in.requiredText(MAX_ID);
                case "AirSync:CollectionId" -> collectionId = in.requiredText(MAX_ID);
                case "AirSync:Supported" -> {
                    while (in.nextChild()) {
                        supported.add(in.tag());
                        in.empty();
                    }
                }
                case "AirSync:DeletesAsMoves" -> deletesAsMoves = Optional.of(in.flag());
                case "AirSync:GetChanges" -> getChanges = Optional.of(in.flag());
                case "AirSync:WindowSize" -> windowSize = Optional.of(in.integer(1, Integer.MAX_VALUE));
                case "AirSync:ConversationMode" -> conversationMode = Optional.of(in.bool());
                case "AirSync:Options" -> {
                    if (options.size() == MAX_OPTIONS) {
                        throw in.invalid("more than " + MAX_OPTIONS + " Options in a collection");
                    }
                    options.add(options(in));
                }
                case "AirSync:Commands" -> {
                    if (collectionId == null) {
                        // The decoder needs the collection to know the class of the items.
                        throw in.invalid("Commands before CollectionId");
                    }
                    while (in.nextChild()) {
                        commands.add(clientCommand(in, collectionId, items));
                    }
                    if (commands.isEmpty()) {
                        throw in.missing("an Add, Change, Delete or Fetch", "Commands");
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (options.size() == MAX_OPTIONS && isSms(options.get(0)) == isSms(options.get(1))) {
            // MS-ASCMD 2.2.3.125.6: of two Options one is for SMS, the other for the folder's own class.
            throw in.invalid("two Options, not one of them for the SMS class");
        }
        if (syncKey == null) {
            throw in.missing("AirSync:SyncKey", "Collection");
        }
        if (collectionId == null) {
            throw in.missing("AirSync:CollectionId", "Collection");
        }
        return new SyncRequest.Collection<>(cls, syncKey, collectionId, supported, deletesAsMoves, getChanges,
                windowSize, conversationMode, options, commands);
    }

    private static boolean isSms(SyncOptions o) {
        return o.contentClass().equals(Optional.of(ContentClass.SMS));
    }

    private SyncOptions options(ElementReader in) throws DecodeException, IOException {
        Optional<ContentClass> cls = Optional.empty();
        Optional<Integer> filter = Optional.empty();
        List<BodyPreference> bodies = new ArrayList<>();
        List<BodyPreference> parts = new ArrayList<>();
        Optional<Integer> conflict = Optional.empty();
        Optional<Integer> mimeSupport = Optional.empty();
        Optional<Integer> mimeTruncation = Optional.empty();
        Optional<Integer> maxItems = Optional.empty();
        Optional<Boolean> rights = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            String name = in.name();
            if (!name.equals("AirSyncBase:BodyPreference") && !name.equals("AirSyncBase:BodyPartPreference")) {
                in.once(seen);
            }
            switch (name) {
                case "AirSync:Class" -> {
                    in.requireVersion(ProtocolVersion.V14_0);
                    cls = Optional.of(ContentClass.read(in));
                }
                case "AirSync:FilterType" -> filter = Optional.of(in.integer(0, MAX_FILTER));
                case "AirSyncBase:BodyPreference" -> bodies.add(bodyPreference(in, 1, 4));
                case "AirSyncBase:BodyPartPreference" -> parts.add(bodyPreference(in, 2, 2));
                case "AirSync:Conflict" -> conflict = Optional.of(in.integer(0, 1));
                case "AirSync:MIMESupport" -> mimeSupport = Optional.of(in.integer(0, 2));
                case "AirSync:MIMETruncation" -> mimeTruncation = Optional.of(in.integer(0, 8));
                case "AirSync:MaxItems" -> maxItems = Optional.of(in.integer(1, Integer.MAX_VALUE));
                case "RightsManagement:RightsManagementSupport" -> rights = Optional.of(in.bool());
                default -> throw in.unexpected();
            }
        }
        return new SyncOptions(cls, filter, bodies, parts, conflict, mimeSupport, mimeTruncation, maxItems, rights);
    }

    /** Reads a BodyPreference or BodyPartPreference (also for ItemOperations' Options). */
    public static BodyPreference bodyPreference(ElementReader in, int minType, int maxType)
            throws DecodeException, IOException {
        String container = in.name();
        Integer type = null;
        Optional<Long> truncation = Optional.empty();
        Optional<Boolean> allOrNone = Optional.empty();
        Optional<Integer> preview = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSyncBase:Type" -> type = in.integer(minType, maxType);
                case "AirSyncBase:TruncationSize" -> truncation = Optional.of(in.integer(0L, 0xFFFF_FFFFL));
                case "AirSyncBase:AllOrNone" -> allOrNone = Optional.of(in.bool());
                case "AirSyncBase:Preview" -> preview = Optional.of(in.integer(0, 255));
                default -> throw in.unexpected();
            }
        }
        if (type == null) {
            throw in.missing("AirSyncBase:Type", container);
        }
        return new BodyPreference(type, truncation, allOrNone, preview);
    }

    private static <D> SyncRequest.Command<D> clientCommand(ElementReader in, String collectionId,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        String command = in.name();
        Optional<ContentClass> cls = Optional.empty();
        String id = null;
        D data = null;
        Set<String> seen = new HashSet<>();
        String idElement = command.equals("AirSync:Add") ? "AirSync:ClientId" : "AirSync:ServerId";
        boolean withData = command.equals("AirSync:Add") || command.equals("AirSync:Change");
        if (!withData && !command.equals("AirSync:Delete") && !command.equals("AirSync:Fetch")) {
            throw in.unexpected();
        }
        while (in.nextChild()) {
            in.once(seen);
            String name = in.name();
            if (name.equals(idElement)) {
                id = in.requiredText(MAX_ID);
            } else if (name.equals("AirSync:ApplicationData") && withData) {
                data = applicationData(in, collectionId, items);
            } else if (name.equals("AirSync:Class") && command.equals("AirSync:Add")) {
                cls = Optional.of(ContentClass.read(in));
            } else {
                throw in.unexpected();
            }
        }
        if (id == null) {
            throw in.missing(idElement, command);
        }
        if (withData && data == null) {
            throw in.missing("AirSync:ApplicationData", command);
        }
        return switch (command) {
            case "AirSync:Add" -> new SyncRequest.Add<>(cls, id, data);
            case "AirSync:Change" -> new SyncRequest.Change<>(id, data);
            case "AirSync:Delete" -> new SyncRequest.Delete<>(id);
            default -> new SyncRequest.Fetch<>(id);
        };
    }

    private static <D> D applicationData(ElementReader in, String collectionId, ApplicationDataDecoder<D> items)
            throws DecodeException, IOException {
        int depth = in.raw().depth();
        D data = items.decode(collectionId, in);
        WbxmlReader raw = in.raw();
        // The decoder must consume exactly the ApplicationData element; anything else would
        // leave this codec reading in the wrong place.
        if (raw.event() != WbxmlReader.Event.END_TAG || raw.depth() != depth
                || !in.name().equals("AirSync:ApplicationData")) {
            throw in.invalid("the ApplicationData decoder did not stop at the end of ApplicationData");
        }
        if (data == null) {
            throw in.invalid("the ApplicationData decoder returned nothing");
        }
        return data;
    }

    /** Writes the request; an empty request writes nothing, as it is sent without a body. */
    public void encodeRequest(WbxmlWriter writer, SyncRequest<? extends ApplicationDataWriter> request)
            throws IOException {
        if (request.isEmpty()) {
            return;
        }
        ElementWriter out = new ElementWriter(writer, pages);
        boolean v14 = out.atLeast(ProtocolVersion.V14_0);
        out.start("AirSync:Sync");
        if (!request.collections().isEmpty()) {
            out.start("AirSync:Collections");
            for (SyncRequest.Collection<? extends ApplicationDataWriter> c : request.collections()) {
                out.start("AirSync:Collection");
                if (!v14) {
                    out.optional("AirSync:Class", c.contentClass().map(ContentClass::value));
                }
                out.element("AirSync:SyncKey", c.syncKey()).element("AirSync:CollectionId", c.collectionId());
                if (!c.supported().isEmpty()) {
                    out.start("AirSync:Supported");
                    for (Tag t : c.supported()) {
                        out.raw().empty(t);
                    }
                    out.end();
                }
                out.optional("AirSync:DeletesAsMoves", c.deletesAsMoves());
                if (c.getChanges().isPresent()) {
                    // The empty form means "yes" in every version; only "no" needs a value.
                    if (c.getChanges().get()) {
                        out.empty("AirSync:GetChanges");
                    } else {
                        out.element("AirSync:GetChanges", false);
                    }
                }
                out.optional("AirSync:WindowSize", c.windowSize());
                if (v14) {
                    out.optional("AirSync:ConversationMode", c.conversationMode());
                }
                for (SyncOptions o : c.options()) {
                    writeOptions(out, o);
                }
                if (!c.commands().isEmpty()) {
                    out.start("AirSync:Commands");
                    for (SyncRequest.Command<? extends ApplicationDataWriter> cmd : c.commands()) {
                        writeClientCommand(out, cmd);
                    }
                    out.end();
                }
                out.end();
            }
            out.end();
        }
        out.optional("AirSync:Wait", request.waitMinutes());
        if (v14) {
            out.optional("AirSync:HeartbeatInterval", request.heartbeatInterval());
        }
        out.optional("AirSync:WindowSize", request.windowSize());
        if (request.partial()) {
            out.empty("AirSync:Partial");
        }
        out.end().finish();
    }

    private static void writeOptions(ElementWriter out, SyncOptions o) throws IOException {
        boolean v14 = out.atLeast(ProtocolVersion.V14_0);
        out.start("AirSync:Options");
        if (v14) {
            out.optional("AirSync:Class", o.contentClass().map(ContentClass::value));
        }
        out.optional("AirSync:FilterType", o.filterType());
        for (BodyPreference b : o.bodyPreferences()) {
            writeBodyPreference(out, "AirSyncBase:BodyPreference", b);
        }
        if (out.atLeast(ProtocolVersion.V14_1)) {
            for (BodyPreference b : o.bodyPartPreferences()) {
                writeBodyPreference(out, "AirSyncBase:BodyPartPreference", b);
            }
        }
        out.optional("AirSync:Conflict", o.conflict())
                .optional("AirSync:MIMESupport", o.mimeSupport())
                .optional("AirSync:MIMETruncation", o.mimeTruncation());
        if (v14) {
            out.optional("AirSync:MaxItems", o.maxItems());
        }
        if (out.atLeast(ProtocolVersion.V14_1)) {
            out.optional("RightsManagement:RightsManagementSupport", o.rightsManagementSupport());
        }
        out.end();
    }

    /** Writes a BodyPreference or BodyPartPreference (also for ItemOperations' Options). */
    public static void writeBodyPreference(ElementWriter out, String element, BodyPreference b) throws IOException {
        out.start(element).element("AirSyncBase:Type", b.type())
                .optional("AirSyncBase:TruncationSize", b.truncationSize())
                .optional("AirSyncBase:AllOrNone", b.allOrNone());
        if (out.atLeast(ProtocolVersion.V14_0)) {
            out.optional("AirSyncBase:Preview", b.preview());
        }
        out.end();
    }

    private static void writeClientCommand(ElementWriter out, SyncRequest.Command<? extends ApplicationDataWriter> cmd)
            throws IOException {
        switch (cmd) {
            case SyncRequest.Add<? extends ApplicationDataWriter> a -> {
                out.start("AirSync:Add").optional("AirSync:Class", a.contentClass().map(ContentClass::value))
                        .element("AirSync:ClientId", a.clientId());
                writeApplicationData(out, a.data());
                out.end();
            }
            case SyncRequest.Change<? extends ApplicationDataWriter> c -> {
                out.start("AirSync:Change").element("AirSync:ServerId", c.serverId());
                writeApplicationData(out, c.data());
                out.end();
            }
            case SyncRequest.Delete<? extends ApplicationDataWriter> d ->
                    out.start("AirSync:Delete").element("AirSync:ServerId", d.serverId()).end();
            case SyncRequest.Fetch<? extends ApplicationDataWriter> f ->
                    out.start("AirSync:Fetch").element("AirSync:ServerId", f.serverId()).end();
        }
    }

    private static void writeApplicationData(ElementWriter out, ApplicationDataWriter data) throws IOException {
        out.start("AirSync:ApplicationData");
        data.write(out);
        out.end();
    }

    // --- response ------------------------------------------------------------------------------

    public <D> SyncResponse<D> decodeResponse(WbxmlReader reader, ProtocolVersion version,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("AirSync:Sync");
        Optional<SyncStatus> status = Optional.empty();
        List<SyncResponse.Collection<D>> collections = new ArrayList<>();
        Optional<Integer> limit = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSync:Status" -> status = Optional.of(in.status(SyncStatus.class));
                case "AirSync:Limit" -> limit = Optional.of(in.integer(0, Integer.MAX_VALUE));
                case "AirSync:Collections" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("AirSync:Collection")) {
                            throw in.unexpected();
                        }
                        collections.add(responseCollection(in, items));
                    }
                }
                default -> throw in.unexpected();
            }
            if (limit.isPresent() && seen.contains("AirSync:Collections")) {
                throw in.invalid("Limit and Collections together");
            }
        }
        in.endDocument();
        return new SyncResponse<>(status, collections, limit);
    }

    private <D> SyncResponse.Collection<D> responseCollection(ElementReader in, ApplicationDataDecoder<D> items)
            throws DecodeException, IOException {
        Optional<ContentClass> cls = Optional.empty();
        Optional<String> syncKey = Optional.empty();
        String collectionId = null;
        SyncStatus status = null;
        boolean more = false;
        List<SyncResponse.Command<D>> commands = new ArrayList<>();
        List<SyncResponse.Response<D>> responses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSync:Class" -> {
                    in.requireVersionAtMost(ProtocolVersion.V12_1);
                    cls = Optional.of(ContentClass.read(in));
                }
                case "AirSync:SyncKey" -> syncKey = Optional.of(in.requiredText(MAX_ID));
                case "AirSync:CollectionId" -> collectionId = in.requiredText(MAX_ID);
                case "AirSync:Status" -> status = in.status(SyncStatus.class);
                case "AirSync:MoreAvailable" -> {
                    in.empty();
                    more = true;
                }
                case "AirSync:Commands" -> {
                    requireId(in, collectionId);
                    while (in.nextChild()) {
                        commands.add(serverCommand(in, collectionId, items));
                    }
                }
                case "AirSync:Responses" -> {
                    requireId(in, collectionId);
                    while (in.nextChild()) {
                        responses.add(itemResponse(in, collectionId, items));
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (collectionId == null) {
            throw in.missing("AirSync:CollectionId", "Collection");
        }
        if (status == null) {
            throw in.missing("AirSync:Status", "Collection");
        }
        return new SyncResponse.Collection<>(cls, syncKey, collectionId, status, more, commands, responses);
    }

    private static void requireId(ElementReader in, String collectionId) throws DecodeException {
        if (collectionId == null) {
            throw in.invalid(in.name() + " before CollectionId");
        }
    }

    private static <D> SyncResponse.Command<D> serverCommand(ElementReader in, String collectionId,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        String command = in.name();
        boolean withData = command.equals("AirSync:Add") || command.equals("AirSync:Change");
        if (!withData && !command.equals("AirSync:Delete") && !command.equals("AirSync:SoftDelete")) {
            throw in.unexpected();
        }
        String id = null;
        D data = null;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            if (in.name().equals("AirSync:ServerId")) {
                id = in.requiredText(MAX_ID);
            } else if (withData && in.name().equals("AirSync:ApplicationData")) {
                data = applicationData(in, collectionId, items);
            } else {
                throw in.unexpected();
            }
        }
        if (id == null) {
            throw in.missing("AirSync:ServerId", command);
        }
        if (withData && data == null) {
            throw in.missing("AirSync:ApplicationData", command);
        }
        return switch (command) {
            case "AirSync:Add" -> new SyncResponse.Add<>(id, data);
            case "AirSync:Change" -> new SyncResponse.Change<>(id, data);
            case "AirSync:Delete" -> new SyncResponse.Delete<>(id);
            default -> new SyncResponse.SoftDelete<>(id);
        };
    }

    private static <D> SyncResponse.Response<D> itemResponse(ElementReader in, String collectionId,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        String kind = in.name();
        if (!kind.equals("AirSync:Add") && !kind.equals("AirSync:Change") && !kind.equals("AirSync:Delete")
                && !kind.equals("AirSync:Fetch")) {
            throw in.unexpected();
        }
        Optional<ContentClass> cls = Optional.empty();
        String clientId = null;
        String serverId = null;
        SyncStatus status = null;
        D data = null;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSync:ClientId" -> {
                    if (!kind.equals("AirSync:Add")) {
                        throw in.unexpected();
                    }
                    clientId = in.requiredText(MAX_ID);
                }
                case "AirSync:Class" -> {
                    if (!kind.equals("AirSync:Add")) {
                        throw in.unexpected();
                    }
                    cls = Optional.of(ContentClass.read(in));
                }
                case "AirSync:ServerId" -> serverId = in.requiredText(MAX_ID);
                case "AirSync:Status" -> status = in.status(SyncStatus.class);
                case "AirSync:ApplicationData" -> {
                    if (!kind.equals("AirSync:Fetch")) {
                        throw in.unexpected();
                    }
                    data = applicationData(in, collectionId, items);
                }
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("AirSync:Status", kind);
        }
        if (kind.equals("AirSync:Add")) {
            if (clientId == null) {
                throw in.missing("AirSync:ClientId", kind);
            }
            return new SyncResponse.AddResult<>(cls, clientId, Optional.ofNullable(serverId), status);
        }
        if (serverId == null) {
            throw in.missing("AirSync:ServerId", kind);
        }
        return switch (kind) {
            case "AirSync:Change" -> new SyncResponse.ChangeResult<>(serverId, status);
            case "AirSync:Delete" -> new SyncResponse.DeleteResult<>(serverId, status);
            default -> new SyncResponse.FetchResult<>(serverId, status, Optional.ofNullable(data));
        };
    }

    /**
     * Writes the response. Item content is written by each command's {@link ApplicationDataWriter}
     * as the document goes out.
     */
    public void encodeResponse(WbxmlWriter writer, SyncResponse<? extends ApplicationDataWriter> response)
            throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        boolean upTo121 = !out.atLeast(ProtocolVersion.V14_0);
        out.start("AirSync:Sync").optional("AirSync:Status", response.status());
        if (response.limit().isPresent()) {
            out.element("AirSync:Limit", response.limit().get());
        } else if (!response.collections().isEmpty()) {
            out.start("AirSync:Collections");
            for (SyncResponse.Collection<? extends ApplicationDataWriter> c : response.collections()) {
                out.start("AirSync:Collection");
                if (upTo121) {
                    out.optional("AirSync:Class", c.contentClass().map(ContentClass::value));
                }
                out.optional("AirSync:SyncKey", c.syncKey()).element("AirSync:CollectionId", c.collectionId())
                        .status("AirSync:Status", c.status());
                if (c.moreAvailable()) {
                    out.empty("AirSync:MoreAvailable");
                }
                if (!c.commands().isEmpty()) {
                    out.start("AirSync:Commands");
                    for (SyncResponse.Command<? extends ApplicationDataWriter> cmd : c.commands()) {
                        writeServerCommand(out, cmd);
                    }
                    out.end();
                }
                if (!c.responses().isEmpty()) {
                    out.start("AirSync:Responses");
                    for (SyncResponse.Response<? extends ApplicationDataWriter> r : c.responses()) {
                        writeItemResponse(out, r);
                    }
                    out.end();
                }
                out.end();
            }
            out.end();
        }
        out.end().finish();
    }

    private static void writeServerCommand(ElementWriter out, SyncResponse.Command<? extends ApplicationDataWriter> cmd)
            throws IOException {
        switch (cmd) {
            case SyncResponse.Add<? extends ApplicationDataWriter> a -> {
                out.start("AirSync:Add").element("AirSync:ServerId", a.serverId());
                writeApplicationData(out, a.data());
                out.end();
            }
            case SyncResponse.Change<? extends ApplicationDataWriter> c -> {
                out.start("AirSync:Change").element("AirSync:ServerId", c.serverId());
                writeApplicationData(out, c.data());
                out.end();
            }
            case SyncResponse.Delete<? extends ApplicationDataWriter> d ->
                    out.start("AirSync:Delete").element("AirSync:ServerId", d.serverId()).end();
            case SyncResponse.SoftDelete<? extends ApplicationDataWriter> s ->
                    out.start("AirSync:SoftDelete").element("AirSync:ServerId", s.serverId()).end();
        }
    }

    private static void writeItemResponse(ElementWriter out, SyncResponse.Response<? extends ApplicationDataWriter> r)
            throws IOException {
        switch (r) {
            case SyncResponse.AddResult<? extends ApplicationDataWriter> a -> out.start("AirSync:Add")
                    .optional("AirSync:Class", a.contentClass().map(ContentClass::value))
                    .element("AirSync:ClientId", a.clientId())
                    .optional("AirSync:ServerId", a.serverId())
                    .status("AirSync:Status", a.status()).end();
            case SyncResponse.ChangeResult<? extends ApplicationDataWriter> c -> out.start("AirSync:Change")
                    .element("AirSync:ServerId", c.serverId()).status("AirSync:Status", c.status()).end();
            case SyncResponse.DeleteResult<? extends ApplicationDataWriter> d -> out.start("AirSync:Delete")
                    .element("AirSync:ServerId", d.serverId()).status("AirSync:Status", d.status()).end();
            case SyncResponse.FetchResult<? extends ApplicationDataWriter> f -> {
                out.start("AirSync:Fetch").element("AirSync:ServerId", f.serverId())
                        .status("AirSync:Status", f.status());
                if (f.data().isPresent()) {
                    writeApplicationData(out, f.data().get());
                }
                out.end();
            }
        }
    }
}
