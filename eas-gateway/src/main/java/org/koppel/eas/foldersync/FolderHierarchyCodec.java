package org.koppel.eas.foldersync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.codec.StatusCode;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes the four folder hierarchy commands ([MS-ASCMD] FolderSync, FolderCreate,
 * FolderUpdate, FolderDelete), requests and responses. They share one code page and one shape
 * (a hierarchy sync key, a folder, a status), so one codec.
 */
public final class FolderHierarchyCodec {
    /** [MS-ASCMD]: sync keys and server ids are at most 64 characters. */
    static final int MAX_ID = 64;
    static final int MAX_NAME = 1024;

    private static final String SYNC_KEY = "FolderHierarchy:SyncKey";
    private static final String SERVER_ID = "FolderHierarchy:ServerId";
    private static final String PARENT_ID = "FolderHierarchy:ParentId";
    private static final String DISPLAY_NAME = "FolderHierarchy:DisplayName";
    private static final String TYPE = "FolderHierarchy:Type";
    private static final String STATUS = "FolderHierarchy:Status";

    private final CodePages pages;

    public FolderHierarchyCodec(CodePages pages) {
        this.pages = pages;
    }

    // --- FolderSync ----------------------------------------------------------------------------

    public FolderSyncRequest decodeFolderSyncRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderSync");
        Map<String, String> v = in.leaves(MAX_ID, SYNC_KEY);
        String key = syncKey(in, v, "FolderSync");
        in.endDocument();
        return new FolderSyncRequest(key);
    }

    public void encodeFolderSyncRequest(WbxmlWriter writer, FolderSyncRequest request) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderSync").element(SYNC_KEY, request.syncKey())
                .end().finish();
    }

    public FolderSyncResponse decodeFolderSyncResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderSync");
        FolderSyncStatus status = null;
        Optional<String> key = Optional.empty();
        List<FolderSyncResponse.Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case STATUS -> status = in.status(FolderSyncStatus.class);
                case SYNC_KEY -> key = Optional.of(in.requiredText(MAX_ID));
                case "FolderHierarchy:Changes" -> changes(in, changes);
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing(STATUS, "FolderSync");
        }
        in.endDocument();
        return new FolderSyncResponse(status, key, changes);
    }

    private static void changes(ElementReader in, List<FolderSyncResponse.Change> changes)
            throws DecodeException, IOException {
        Integer count = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "FolderHierarchy:Count" -> {
                    if (count != null || !changes.isEmpty()) {
                        throw in.unexpected();
                    }
                    count = in.integer(0, Integer.MAX_VALUE);
                }
                case "FolderHierarchy:Add" -> changes.add(new FolderSyncResponse.Add(folder(in, "Add")));
                case "FolderHierarchy:Update" -> changes.add(new FolderSyncResponse.Update(folder(in, "Update")));
                case "FolderHierarchy:Delete" -> {
                    Map<String, String> v = in.leaves(MAX_ID, SERVER_ID);
                    changes.add(new FolderSyncResponse.Delete(in.required(v, SERVER_ID, "Delete")));
                }
                default -> throw in.unexpected();
            }
        }
        if (count == null) {
            throw in.missing("FolderHierarchy:Count", "Changes");
        }
        if (count != changes.size()) {
            throw in.invalid("Count says " + count + " changes, Changes holds " + changes.size());
        }
    }

    private static Folder folder(ElementReader in, String container) throws DecodeException, IOException {
        Map<String, String> v = in.leaves(MAX_NAME, SERVER_ID, PARENT_ID, DISPLAY_NAME, TYPE);
        String serverId = in.required(v, SERVER_ID, container);
        String parentId = in.required(v, PARENT_ID, container);
        if (serverId.length() > MAX_ID || parentId.length() > MAX_ID) {
            throw in.invalid("ServerId or ParentId longer than " + MAX_ID);
        }
        return new Folder(serverId, parentId, in.required(v, DISPLAY_NAME, container), type(in, v, container));
    }

    private static FolderType type(ElementReader in, Map<String, String> v, String container) throws DecodeException {
        String s = in.required(v, TYPE, container);
        try {
            return FolderType.of(Integer.parseInt(s)).orElseThrow(() -> in.invalid("unknown folder Type " + s));
        } catch (NumberFormatException e) {
            throw in.invalid("folder Type is not a number: '" + s + "'");
        }
    }

    public void encodeFolderSyncResponse(WbxmlWriter writer, FolderSyncResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("FolderHierarchy:FolderSync").status(STATUS, response.status()).optional(SYNC_KEY, response.syncKey());
        if (response.status() == FolderSyncStatus.SUCCESS) {
            // A successful response always carries Changes, with Count 0 when nothing changed.
            out.start("FolderHierarchy:Changes").element("FolderHierarchy:Count", response.changes().size());
            for (FolderSyncResponse.Change c : response.changes()) {
                switch (c) {
                    case FolderSyncResponse.Add a -> writeFolder(out.start("FolderHierarchy:Add"), a.folder()).end();
                    case FolderSyncResponse.Update u -> writeFolder(out.start("FolderHierarchy:Update"), u.folder()).end();
                    case FolderSyncResponse.Delete d -> out.start("FolderHierarchy:Delete").element(SERVER_ID, d.serverId()).end();
                }
            }
            out.end();
        }
        out.end().finish();
    }

    private static ElementWriter writeFolder(ElementWriter out, Folder f) throws IOException {
        return out.element(SERVER_ID, f.serverId()).element(PARENT_ID, f.parentId())
                .element(DISPLAY_NAME, f.displayName()).element(TYPE, f.type().code());
    }

    // --- FolderCreate --------------------------------------------------------------------------

    public FolderCreateRequest decodeFolderCreateRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderCreate");
        Map<String, String> v = in.leaves(MAX_NAME, SYNC_KEY, PARENT_ID, DISPLAY_NAME, TYPE);
        FolderCreateRequest r = new FolderCreateRequest(syncKey(in, v, "FolderCreate"),
                id(in, v, PARENT_ID, "FolderCreate"), in.required(v, DISPLAY_NAME, "FolderCreate"),
                type(in, v, "FolderCreate"));
        in.endDocument();
        return r;
    }

    public void encodeFolderCreateRequest(WbxmlWriter writer, FolderCreateRequest request) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderCreate").element(SYNC_KEY, request.syncKey())
                .element(PARENT_ID, request.parentId()).element(DISPLAY_NAME, request.displayName())
                .element(TYPE, request.type().code()).end().finish();
    }

    public FolderCreateResponse decodeFolderCreateResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderCreate");
        Map<String, String> v = in.leaves(MAX_ID, STATUS, SYNC_KEY, SERVER_ID);
        FolderCreateResponse r = new FolderCreateResponse(status(in, v, FolderCreateStatus.class),
                Optional.ofNullable(v.get(SYNC_KEY)), Optional.ofNullable(v.get(SERVER_ID)));
        in.endDocument();
        return r;
    }

    public void encodeFolderCreateResponse(WbxmlWriter writer, FolderCreateResponse response) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderCreate").status(STATUS, response.status())
                .optional(SYNC_KEY, response.syncKey()).optional(SERVER_ID, response.serverId()).end().finish();
    }

    // --- FolderUpdate --------------------------------------------------------------------------

    public FolderUpdateRequest decodeFolderUpdateRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderUpdate");
        Map<String, String> v = in.leaves(MAX_NAME, SYNC_KEY, SERVER_ID, PARENT_ID, DISPLAY_NAME);
        FolderUpdateRequest r = new FolderUpdateRequest(syncKey(in, v, "FolderUpdate"),
                id(in, v, SERVER_ID, "FolderUpdate"), id(in, v, PARENT_ID, "FolderUpdate"),
                in.required(v, DISPLAY_NAME, "FolderUpdate"));
        in.endDocument();
        return r;
    }

    public void encodeFolderUpdateRequest(WbxmlWriter writer, FolderUpdateRequest request) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderUpdate").element(SYNC_KEY, request.syncKey())
                .element(SERVER_ID, request.serverId()).element(PARENT_ID, request.parentId())
                .element(DISPLAY_NAME, request.displayName()).end().finish();
    }

    public FolderUpdateResponse decodeFolderUpdateResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderUpdate");
        Map<String, String> v = in.leaves(MAX_ID, STATUS, SYNC_KEY);
        FolderUpdateResponse r = new FolderUpdateResponse(status(in, v, FolderUpdateStatus.class),
                Optional.ofNullable(v.get(SYNC_KEY)));
        in.endDocument();
        return r;
    }

    public void encodeFolderUpdateResponse(WbxmlWriter writer, FolderUpdateResponse response) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderUpdate").status(STATUS, response.status())
                .optional(SYNC_KEY, response.syncKey()).end().finish();
    }

    // --- FolderDelete --------------------------------------------------------------------------

    public FolderDeleteRequest decodeFolderDeleteRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderDelete");
        Map<String, String> v = in.leaves(MAX_ID, SYNC_KEY, SERVER_ID);
        FolderDeleteRequest r = new FolderDeleteRequest(syncKey(in, v, "FolderDelete"),
                in.required(v, SERVER_ID, "FolderDelete"));
        in.endDocument();
        return r;
    }

    public void encodeFolderDeleteRequest(WbxmlWriter writer, FolderDeleteRequest request) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderDelete").element(SYNC_KEY, request.syncKey())
                .element(SERVER_ID, request.serverId()).end().finish();
    }

    public FolderDeleteResponse decodeFolderDeleteResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = open(reader, version, "FolderHierarchy:FolderDelete");
        Map<String, String> v = in.leaves(MAX_ID, STATUS, SYNC_KEY);
        FolderDeleteResponse r = new FolderDeleteResponse(status(in, v, FolderDeleteStatus.class),
                Optional.ofNullable(v.get(SYNC_KEY)));
        in.endDocument();
        return r;
    }

    public void encodeFolderDeleteResponse(WbxmlWriter writer, FolderDeleteResponse response) throws IOException {
        new ElementWriter(writer, pages).start("FolderHierarchy:FolderDelete").status(STATUS, response.status())
                .optional(SYNC_KEY, response.syncKey()).end().finish();
    }

    // --- shared --------------------------------------------------------------------------------

    private ElementReader open(WbxmlReader reader, ProtocolVersion version, String root) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root(root);
        return in;
    }

    /**
     * The request's SyncKey. Left out, the request is malformed (Status 10); sent empty, it is a key that matches
     * none (the handler's Status 9, as for any key the server never gave).
     */
    private static String syncKey(ElementReader in, Map<String, String> v, String container) throws DecodeException {
        String s = v.get(SYNC_KEY);
        if (s == null) {
            throw in.missing(SYNC_KEY, container);
        }
        if (s.length() > MAX_ID) {
            throw in.invalid(SYNC_KEY + " longer than " + MAX_ID);
        }
        return s;
    }

    private static String id(ElementReader in, Map<String, String> v, String qname, String container)
            throws DecodeException {
        String s = in.required(v, qname, container);
        if (s.length() > MAX_ID) {
            throw in.invalid(qname + " longer than " + MAX_ID);
        }
        return s;
    }

    private static <E extends Enum<E> & StatusCode> E status(ElementReader in, Map<String, String> v, Class<E> type)
            throws DecodeException {
        String s = in.required(v, STATUS, type.getSimpleName());
        try {
            int code = Integer.parseInt(s);
            return StatusCode.of(type, code).orElseThrow(() -> in.invalid("Status " + code + " is not a " + type.getSimpleName()));
        } catch (NumberFormatException e) {
            throw in.invalid("Status is not a number: '" + s + "'");
        }
    }
}
