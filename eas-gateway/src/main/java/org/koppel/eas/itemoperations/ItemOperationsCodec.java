package org.koppel.eas.itemoperations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.itemoperations.ItemOperationsRequest.EmptyFolderContents;
import org.koppel.eas.itemoperations.ItemOperationsRequest.Fetch;
import org.koppel.eas.itemoperations.ItemOperationsRequest.FetchOptions;
import org.koppel.eas.itemoperations.ItemOperationsRequest.Move;
import org.koppel.eas.itemoperations.ItemOperationsResponse.FileProperties;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.BodyPreference;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes ItemOperations requests and responses ([MS-ASCMD] 2.2.1.10), both directions. An item's
 * properties are class-specific, so, as in Sync, the caller writes them ({@link ApplicationDataWriter}) and reads
 * them ({@link ApplicationDataDecoder}, handed the reader on the Properties element). A file's Data is opaque in
 * WBXML and streamed from its source when written.
 */
public final class ItemOperationsCodec {
    static final int MAX_ID = 64;
    /** A file reference or LongId may be longer than a ServerId (MS-ASCMD: LongId up to 256). */
    static final int MAX_REFERENCE = 256;
    /** More operations than this in one request are refused as a malformed request. */
    public static final int MAX_OPERATIONS = 100;
    /** ConversationIds are 16 bytes; anything much larger is not one. */
    static final int MAX_CONVERSATION_ID = 64;

    private final CodePages pages;

    public ItemOperationsCodec(CodePages pages) {
        this.pages = pages;
    }

    // --- request --------------------------------------------------------------------------------------------

    public ItemOperationsRequest decodeRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("ItemOperations:ItemOperations");
        List<ItemOperationsRequest.Operation> ops = new ArrayList<>();
        while (in.nextChild()) {
            if (ops.size() == MAX_OPERATIONS) {
                throw in.invalid("more than " + MAX_OPERATIONS + " operations");
            }
            switch (in.name()) {
                case "ItemOperations:Fetch" -> ops.add(fetch(in));
                case "ItemOperations:EmptyFolderContents" -> ops.add(emptyFolderContents(in));
                case "ItemOperations:Move" -> ops.add(move(in));
                default -> throw in.unexpected();
            }
        }
        if (ops.isEmpty()) {
            throw in.missing("ItemOperations:Fetch", "ItemOperations");
        }
        in.endDocument();
        return new ItemOperationsRequest(ops);
    }

    private static Fetch fetch(ElementReader in) throws DecodeException, IOException {
        String store = null;
        Optional<String> collectionId = Optional.empty();
        Optional<String> serverId = Optional.empty();
        Optional<String> longId = Optional.empty();
        Optional<String> fileReference = Optional.empty();
        Optional<String> linkId = Optional.empty();
        FetchOptions options = FetchOptions.NONE;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "ItemOperations:Store" -> store = in.requiredText(MAX_ID);
                case "AirSync:CollectionId" -> collectionId = Optional.of(in.requiredText(MAX_ID));
                case "AirSync:ServerId" -> serverId = Optional.of(in.requiredText(MAX_ID));
                case "Search:LongId" -> longId = Optional.of(in.requiredText(MAX_REFERENCE));
                case "AirSyncBase:FileReference" -> fileReference = Optional.of(in.requiredText(MAX_REFERENCE));
                case "DocumentLibrary:LinkId" -> linkId = Optional.of(in.requiredText(2048));
                case "ItemOperations:Options" -> options = fetchOptions(in);
                case "RightsManagement:RemoveRightsManagementProtection" -> in.empty();
                default -> throw in.unexpected();
            }
        }
        if (store == null) {
            throw in.missing("ItemOperations:Store", "Fetch");
        }
        return new Fetch(store, collectionId, serverId, longId, fileReference, linkId, options);
    }

    private static FetchOptions fetchOptions(ElementReader in) throws DecodeException, IOException {
        Optional<String> range = Optional.empty();
        Optional<String> userName = Optional.empty();
        boolean password = false;
        Optional<Integer> mimeSupport = Optional.empty();
        List<BodyPreference> bodies = new ArrayList<>();
        List<BodyPreference> parts = new ArrayList<>();
        Optional<Boolean> rights = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            String name = in.name();
            if (!name.equals("AirSyncBase:BodyPreference") && !name.equals("AirSyncBase:BodyPartPreference")) {
                in.once(seen);
            }
            switch (name) {
                case "ItemOperations:Range" -> range = Optional.of(in.text(64));
                case "ItemOperations:Schema" -> in.raw().skipElement();
                case "ItemOperations:UserName" -> userName = Optional.of(in.text(256));
                case "ItemOperations:Password" -> {
                    in.text(256);
                    password = true;
                }
                case "AirSync:MIMESupport" -> mimeSupport = Optional.of(in.integer(0, 2));
                case "AirSyncBase:BodyPreference" -> {
                    if (bodies.size() == 4) {
                        throw in.invalid("more than four BodyPreference elements");
                    }
                    bodies.add(SyncCodec.bodyPreference(in, 1, 4));
                }
                case "AirSyncBase:BodyPartPreference" -> {
                    if (parts.size() == 4) {
                        throw in.invalid("more than four BodyPartPreference elements");
                    }
                    parts.add(SyncCodec.bodyPreference(in, 2, 2));
                }
                case "RightsManagement:RightsManagementSupport" -> rights = Optional.of(in.bool());
                default -> throw in.unexpected();
            }
        }
        return new FetchOptions(range, userName, password, mimeSupport, bodies, parts, rights);
    }

    private static EmptyFolderContents emptyFolderContents(ElementReader in) throws DecodeException, IOException {
        String collectionId = null;
        boolean deleteSubFolders = false;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSync:CollectionId" -> collectionId = in.requiredText(MAX_ID);
                case "ItemOperations:Options" -> {
                    Set<String> inner = new HashSet<>();
                    while (in.nextChild()) {
                        in.once(inner);
                        if (!in.name().equals("ItemOperations:DeleteSubFolders")) {
                            throw in.unexpected();
                        }
                        deleteSubFolders = in.flag();
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (collectionId == null) {
            throw in.missing("AirSync:CollectionId", "EmptyFolderContents");
        }
        return new EmptyFolderContents(collectionId, deleteSubFolders);
    }

    private static Move move(ElementReader in) throws DecodeException, IOException {
        byte[] conversationId = null;
        String dst = null;
        boolean always = false;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "ItemOperations:ConversationId" -> conversationId = binary(in, MAX_CONVERSATION_ID);
                case "ItemOperations:DstFldId" -> dst = in.requiredText(MAX_ID);
                case "ItemOperations:Options" -> {
                    Set<String> inner = new HashSet<>();
                    while (in.nextChild()) {
                        in.once(inner);
                        if (!in.name().equals("ItemOperations:MoveAlways")) {
                            throw in.unexpected();
                        }
                        always = in.flag();
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (conversationId == null || conversationId.length == 0) {
            throw in.missing("ItemOperations:ConversationId", "Move");
        }
        if (dst == null) {
            throw in.missing("ItemOperations:DstFldId", "Move");
        }
        return new Move(conversationId, dst, always);
    }

    /** A byte-array element: opaque in WBXML (a client writing text gets its UTF-8 bytes). */
    private static byte[] binary(ElementReader in, int max) throws DecodeException, IOException {
        WbxmlReader r = in.raw();
        String element = in.name();
        long at = r.offset();
        if (in.isEmptyElement()) {
            r.next();
            return new byte[0];
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            WbxmlReader.Event e;
            try {
                e = r.next();
            } catch (WbxmlException x) {
                throw new DecodeException(DecodeException.Reason.MALFORMED, x.getMessage(), x.offset(), x);
            }
            switch (e) {
                case OPAQUE -> {
                    if (r.opaqueLength() > max) {
                        throw new DecodeException(DecodeException.Reason.BAD_VALUE, element + " longer than " + max
                                + " bytes", at);
                    }
                    out.write(r.opaqueBytes());
                }
                case TEXT -> out.write(r.text().getBytes(StandardCharsets.UTF_8));
                case END_TAG -> {
                    if (out.size() > max) {
                        throw new DecodeException(DecodeException.Reason.BAD_VALUE, element + " longer than " + max
                                + " bytes", at);
                    }
                    return out.toByteArray();
                }
                default -> throw new DecodeException(DecodeException.Reason.UNEXPECTED, element
                        + " must hold data only", r.offset());
            }
        }
    }

    public void encodeRequest(WbxmlWriter writer, ItemOperationsRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("ItemOperations:ItemOperations");
        for (ItemOperationsRequest.Operation op : request.operations()) {
            switch (op) {
                case Fetch f -> {
                    out.start("ItemOperations:Fetch").element("ItemOperations:Store", f.store())
                            .optional("AirSync:CollectionId", f.collectionId())
                            .optional("AirSync:ServerId", f.serverId())
                            .optional("Search:LongId", f.longId())
                            .optional("AirSyncBase:FileReference", f.fileReference())
                            .optional("DocumentLibrary:LinkId", f.linkId());
                    writeOptions(out, f.options());
                    out.end();
                }
                case EmptyFolderContents e -> {
                    out.start("ItemOperations:EmptyFolderContents").element("AirSync:CollectionId", e.collectionId());
                    if (e.deleteSubFolders()) {
                        out.start("ItemOperations:Options").empty("ItemOperations:DeleteSubFolders").end();
                    }
                    out.end();
                }
                case Move m -> {
                    out.start("ItemOperations:Move").start("ItemOperations:ConversationId");
                    out.raw().opaque(m.conversationId());
                    out.end().element("ItemOperations:DstFldId", m.dstFldId());
                    if (m.moveAlways()) {
                        out.start("ItemOperations:Options").empty("ItemOperations:MoveAlways").end();
                    }
                    out.end();
                }
            }
        }
        out.end().finish();
    }

    private static void writeOptions(ElementWriter out, FetchOptions o) throws IOException {
        if (o.equals(FetchOptions.NONE)) {
            return;
        }
        out.start("ItemOperations:Options").optional("AirSync:MIMESupport", o.mimeSupport());
        for (BodyPreference b : o.bodyPreferences()) {
            SyncCodec.writeBodyPreference(out, "AirSyncBase:BodyPreference", b);
        }
        for (BodyPreference b : o.bodyPartPreferences()) {
            SyncCodec.writeBodyPreference(out, "AirSyncBase:BodyPartPreference", b);
        }
        out.optional("ItemOperations:Range", o.range()).optional("ItemOperations:UserName", o.userName());
        if (o.password()) {
            out.element("ItemOperations:Password", "");
        }
        out.optional("RightsManagement:RightsManagementSupport", o.rightsManagementSupport());
        out.end();
    }

    // --- response -------------------------------------------------------------------------------------------

    public <D> ItemOperationsResponse<D> decodeResponse(WbxmlReader reader, ProtocolVersion version,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("ItemOperations:ItemOperations");
        ItemOperationsStatus status = null;
        List<ItemOperationsResponse.Result<D>> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "ItemOperations:Status" -> status = in.status(ItemOperationsStatus.class);
                case "ItemOperations:Response" -> {
                    while (in.nextChild()) {
                        switch (in.name()) {
                            case "ItemOperations:Fetch" -> results.add(fetchResult(in, items));
                            case "ItemOperations:EmptyFolderContents" -> results.add(emptyResult(in));
                            case "ItemOperations:Move" -> results.add(moveResult(in));
                            default -> throw in.unexpected();
                        }
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("ItemOperations:Status", "ItemOperations");
        }
        in.endDocument();
        return new ItemOperationsResponse<>(status, results);
    }

    private static <D> ItemOperationsResponse.FetchResult<D> fetchResult(ElementReader in,
            ApplicationDataDecoder<D> items) throws DecodeException, IOException {
        ItemOperationsStatus status = null;
        Optional<String> collectionId = Optional.empty();
        Optional<String> serverId = Optional.empty();
        Optional<String> longId = Optional.empty();
        Optional<String> fileReference = Optional.empty();
        Optional<String> cls = Optional.empty();
        Optional<ItemOperationsResponse.Properties<D>> properties = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "ItemOperations:Status" -> status = in.status(ItemOperationsStatus.class);
                case "AirSync:CollectionId" -> collectionId = Optional.of(in.requiredText(MAX_ID));
                case "AirSync:ServerId" -> serverId = Optional.of(in.requiredText(MAX_ID));
                case "Search:LongId" -> longId = Optional.of(in.requiredText(MAX_REFERENCE));
                case "AirSyncBase:FileReference" -> fileReference = Optional.of(in.requiredText(MAX_REFERENCE));
                case "AirSync:Class" -> cls = Optional.of(in.requiredText(MAX_ID));
                case "ItemOperations:Properties" -> properties = Optional.of(fileReference.isPresent()
                        ? fileProperties(in)
                        : new ItemOperationsResponse.ItemProperties<>(items.decode(collectionId.orElse(""), in)));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("ItemOperations:Status", "Fetch");
        }
        return new ItemOperationsResponse.FetchResult<>(status, collectionId, serverId, longId, fileReference, cls,
                properties);
    }

    private static <D> FileProperties<D> fileProperties(ElementReader in) throws DecodeException, IOException {
        Optional<String> type = Optional.empty();
        Optional<String> range = Optional.empty();
        Optional<Long> total = Optional.empty();
        Optional<ItemOperationsResponse.FileData> data = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSyncBase:ContentType" -> type = Optional.of(in.text(256));
                case "ItemOperations:Range" -> range = Optional.of(in.requiredText(64));
                case "ItemOperations:Total" -> total = Optional.of(in.integer(0L, Long.MAX_VALUE));
                case "ItemOperations:Part" -> data = Optional.of(new ItemOperationsResponse.InPart(
                        in.integer(1, Integer.MAX_VALUE)));
                case "ItemOperations:Data" -> data = Optional.of(new ItemOperationsResponse.Bytes(binary(in,
                        Integer.MAX_VALUE)));
                default -> throw in.unexpected();
            }
        }
        return new FileProperties<>(type, range, total, data);
    }

    private static <D> ItemOperationsResponse.EmptyFolderContentsResult<D> emptyResult(ElementReader in)
            throws DecodeException, IOException {
        var v = in.leaves(MAX_ID, "ItemOperations:Status", "AirSync:CollectionId");
        String status = in.required(v, "ItemOperations:Status", "EmptyFolderContents");
        return new ItemOperationsResponse.EmptyFolderContentsResult<>(status(in, status),
                v.getOrDefault("AirSync:CollectionId", ""));
    }

    private static <D> ItemOperationsResponse.MoveResult<D> moveResult(ElementReader in)
            throws DecodeException, IOException {
        ItemOperationsStatus status = null;
        byte[] conversation = new byte[0];
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "ItemOperations:Status" -> status = in.status(ItemOperationsStatus.class);
                case "ItemOperations:ConversationId" -> conversation = binary(in, MAX_CONVERSATION_ID);
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("ItemOperations:Status", "Move");
        }
        return new ItemOperationsResponse.MoveResult<>(status, conversation);
    }

    private static ItemOperationsStatus status(ElementReader in, String code) throws DecodeException {
        try {
            return org.koppel.eas.codec.StatusCode.of(ItemOperationsStatus.class, Integer.parseInt(code))
                    .orElseThrow(() -> in.invalid("unknown ItemOperations status " + code));
        } catch (NumberFormatException e) {
            throw in.invalid("ItemOperations status '" + code + "' is not a number");
        }
    }

    public void encodeResponse(WbxmlWriter writer, ItemOperationsResponse<? extends ApplicationDataWriter> response)
            throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("ItemOperations:ItemOperations").status("ItemOperations:Status", response.status());
        if (!response.results().isEmpty()) {
            out.start("ItemOperations:Response");
            for (ItemOperationsResponse.Result<? extends ApplicationDataWriter> r : response.results()) {
                writeResult(out, r);
            }
            out.end();
        }
        out.end().finish();
    }

    private static void writeResult(ElementWriter out, ItemOperationsResponse.Result<? extends ApplicationDataWriter> r)
            throws IOException {
        switch (r) {
            case ItemOperationsResponse.FetchResult<? extends ApplicationDataWriter> f -> {
                out.start("ItemOperations:Fetch").status("ItemOperations:Status", f.status())
                        .optional("AirSync:CollectionId", f.collectionId())
                        .optional("AirSync:ServerId", f.serverId())
                        .optional("Search:LongId", f.longId())
                        .optional("AirSyncBase:FileReference", f.fileReference())
                        .optional("AirSync:Class", f.itemClass());
                if (f.properties().isPresent()) {
                    out.start("ItemOperations:Properties");
                    switch (f.properties().get()) {
                        case ItemOperationsResponse.ItemProperties<? extends ApplicationDataWriter> i ->
                                i.data().write(out);
                        case FileProperties<? extends ApplicationDataWriter> p -> writeFile(out, p);
                    }
                    out.end();
                }
                out.end();
            }
            case ItemOperationsResponse.EmptyFolderContentsResult<? extends ApplicationDataWriter> e ->
                    out.start("ItemOperations:EmptyFolderContents").status("ItemOperations:Status", e.status())
                            .element("AirSync:CollectionId", e.collectionId()).end();
            case ItemOperationsResponse.MoveResult<? extends ApplicationDataWriter> m -> {
                out.start("ItemOperations:Move").status("ItemOperations:Status", m.status());
                if (m.conversationId().length > 0) {
                    out.start("ItemOperations:ConversationId");
                    out.raw().opaque(m.conversationId());
                    out.end();
                }
                out.end();
            }
        }
    }

    private static void writeFile(ElementWriter out, FileProperties<?> p) throws IOException {
        out.optional("AirSyncBase:ContentType", p.contentType()).optional("ItemOperations:Range", p.range())
                .optional("ItemOperations:Total", p.total());
        if (p.data().isEmpty()) {
            return;
        }
        switch (p.data().get()) {
            case ItemOperationsResponse.InPart part -> out.element("ItemOperations:Part", part.part());
            case ItemOperationsResponse.Bytes b -> {
                out.start("ItemOperations:Data");
                out.raw().opaque(b.bytes());
                out.end();
            }
            case ItemOperationsResponse.Streamed s -> {
                out.start("ItemOperations:Data");
                try (InputStream in = s.source().open()) {
                    in.skipNBytes(s.skip());
                    out.raw().opaque(in, s.length());
                }
                out.end();
            }
        }
    }
}
