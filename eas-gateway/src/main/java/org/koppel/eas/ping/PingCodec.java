package org.koppel.eas.ping;

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
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes Ping requests and responses ([MS-ASCMD] 2.2.1.13), both directions. */
public final class PingCodec {
    private final CodePages pages;

    public PingCodec(CodePages pages) {
        this.pages = pages;
    }

    /** Decodes a request body; an empty body is {@link PingRequest#empty()} and never reaches here. */
    public PingRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Ping:Ping");
        Optional<Integer> heartbeat = Optional.empty();
        List<PingRequest.Folder> folders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                // Any int, a negative one too: the range is the handler's to judge (Status 5 with the bound).
                case "Ping:HeartbeatInterval" -> heartbeat = Optional.of(in.integer(Integer.MIN_VALUE,
                        Integer.MAX_VALUE));
                case "Ping:Folders" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("Ping:Folder")) {
                            throw in.unexpected();
                        }
                        folders.add(folder(in));
                    }
                    if (folders.isEmpty()) {
                        throw in.missing("Ping:Folder", "Ping:Folders");
                    }
                }
                default -> throw in.unexpected();
            }
        }
        in.endDocument();
        return new PingRequest(heartbeat, folders);
    }

    private static PingRequest.Folder folder(ElementReader in) throws DecodeException, IOException {
        String id = null;
        ContentClass cls = null;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Ping:Id" -> id = in.requiredText(ElementReader.MAX_TOKEN);
                case "Ping:Class" -> cls = ContentClass.read(in);
                default -> throw in.unexpected();
            }
        }
        if (id == null) {
            throw in.missing("Ping:Id", "Ping:Folder");
        }
        if (cls == null) {
            throw in.missing("Ping:Class", "Ping:Folder");
        }
        return new PingRequest.Folder(id, cls);
    }

    /** Writes the request; an empty request writes nothing, as it is sent without a body. */
    public void encodeRequest(WbxmlWriter writer, PingRequest request) throws IOException {
        if (request.isEmpty()) {
            return;
        }
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Ping:Ping");
        out.optional("Ping:HeartbeatInterval", request.heartbeatInterval());
        if (!request.folders().isEmpty()) {
            out.start("Ping:Folders");
            for (PingRequest.Folder f : request.folders()) {
                out.start("Ping:Folder").element("Ping:Id", f.id()).element("Ping:Class", f.contentClass().value()).end();
            }
            out.end();
        }
        out.end().finish();
    }

    public PingResponse decodeResponse(WbxmlReader reader, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Ping:Ping");
        PingStatus status = null;
        List<String> folders = new ArrayList<>();
        Optional<Integer> maxFolders = Optional.empty();
        Optional<Integer> heartbeat = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Ping:Status" -> status = in.status(PingStatus.class);
                case "Ping:Folders" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("Ping:Folder")) {
                            throw in.unexpected();
                        }
                        folders.add(in.requiredText(ElementReader.MAX_TOKEN));
                    }
                }
                case "Ping:MaxFolders" -> maxFolders = Optional.of(in.integer(0, Integer.MAX_VALUE));
                case "Ping:HeartbeatInterval" -> heartbeat = Optional.of(in.integer(0, Integer.MAX_VALUE));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Ping:Status", "Ping:Ping");
        }
        in.endDocument();
        return new PingResponse(status, folders, maxFolders, heartbeat);
    }

    public void encodeResponse(WbxmlWriter writer, PingResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Ping:Ping").status("Ping:Status", response.status());
        if (!response.changedFolders().isEmpty()) {
            out.start("Ping:Folders");
            for (String id : response.changedFolders()) {
                out.element("Ping:Folder", id);
            }
            out.end();
        }
        out.optional("Ping:MaxFolders", response.maxFolders());
        out.optional("Ping:HeartbeatInterval", response.heartbeatInterval());
        out.end().finish();
    }
}
