package org.koppel.eas.estimate;

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

/** Reads and writes GetItemEstimate requests and responses ([MS-ASCMD] 2.2.1.9), both directions. */
public final class GetItemEstimateCodec {
    static final int MAX_ID = 64;
    /** FilterType values 0-8 of [MS-ASCMD] 2.2.3.68; a larger one is decoded for the handler to refuse (103). */
    static final int MAX_FILTER = 8;

    private final CodePages pages;

    public GetItemEstimateCodec(CodePages pages) {
        this.pages = pages;
    }

    public GetItemEstimateRequest decodeRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("GetItemEstimate:GetItemEstimate");
        List<GetItemEstimateRequest.Collection> collections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            if (!in.name().equals("GetItemEstimate:Collections")) {
                throw in.unexpected();
            }
            while (in.nextChild()) {
                if (!in.name().equals("GetItemEstimate:Collection")) {
                    throw in.unexpected();
                }
                collections.add(collection(in));
            }
        }
        if (collections.isEmpty()) {
            throw in.missing("GetItemEstimate:Collection", "GetItemEstimate");
        }
        in.endDocument();
        return new GetItemEstimateRequest(collections);
    }

    private static GetItemEstimateRequest.Collection collection(ElementReader in) throws DecodeException, IOException {
        String syncKey = null;
        String collectionId = null;
        Optional<ContentClass> cls = Optional.empty();
        Optional<Integer> filter = Optional.empty();
        Optional<Boolean> conversationMode = Optional.empty();
        List<GetItemEstimateRequest.Options> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            if (!in.name().equals("AirSync:Options")) {
                in.once(seen);
            }
            switch (in.name()) {
                case "AirSync:SyncKey" -> syncKey = in.requiredText(MAX_ID);
                case "GetItemEstimate:CollectionId" -> collectionId = in.requiredText(MAX_ID);
                case "GetItemEstimate:Class" -> cls = Optional.of(ContentClass.read(in));
                case "AirSync:FilterType" -> {
                    in.requireVersionAtMost(ProtocolVersion.V12_1);
                    filter = Optional.of(in.integer(0, Integer.MAX_VALUE));
                }
                case "AirSync:ConversationMode" -> conversationMode = Optional.of(in.bool());
                case "AirSync:Options" -> {
                    in.requireVersion(ProtocolVersion.V14_0);
                    options.add(options(in));
                }
                default -> throw in.unexpected();
            }
        }
        if (syncKey == null) {
            throw in.missing("AirSync:SyncKey", "Collection");
        }
        if (collectionId == null) {
            throw in.missing("GetItemEstimate:CollectionId", "Collection");
        }
        return new GetItemEstimateRequest.Collection(syncKey, collectionId, cls, filter, conversationMode, options);
    }

    private static GetItemEstimateRequest.Options options(ElementReader in) throws DecodeException, IOException {
        Optional<ContentClass> cls = Optional.empty();
        Optional<Integer> filter = Optional.empty();
        Optional<Integer> maxItems = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "AirSync:Class" -> cls = Optional.of(ContentClass.read(in));
                case "AirSync:FilterType" -> filter = Optional.of(in.integer(0, Integer.MAX_VALUE));
                case "AirSync:MaxItems" -> maxItems = Optional.of(in.integer(1, Integer.MAX_VALUE));
                default -> throw in.unexpected();
            }
        }
        return new GetItemEstimateRequest.Options(cls, filter, maxItems);
    }

    public void encodeRequest(WbxmlWriter writer, GetItemEstimateRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        boolean v14 = out.atLeast(ProtocolVersion.V14_0);
        out.start("GetItemEstimate:GetItemEstimate").start("GetItemEstimate:Collections");
        for (GetItemEstimateRequest.Collection c : request.collections()) {
            out.start("GetItemEstimate:Collection");
            if (v14) {
                out.element("AirSync:SyncKey", c.syncKey()).element("GetItemEstimate:CollectionId", c.collectionId())
                        .optional("AirSync:ConversationMode", c.conversationMode());
                for (GetItemEstimateRequest.Options o : c.options()) {
                    out.start("AirSync:Options")
                            .optional("AirSync:Class", o.contentClass().map(ContentClass::value))
                            .optional("AirSync:FilterType", o.filterType())
                            .optional("AirSync:MaxItems", o.maxItems())
                            .end();
                }
            } else {
                // The 12.x order of [MS-ASCMD]: Class, CollectionId, FilterType, SyncKey.
                out.optional("GetItemEstimate:Class", c.contentClass().map(ContentClass::value))
                        .element("GetItemEstimate:CollectionId", c.collectionId())
                        .optional("AirSync:FilterType", c.filterType())
                        .element("AirSync:SyncKey", c.syncKey());
            }
            out.end();
        }
        out.end().end().finish();
    }

    public GetItemEstimateResponse decodeResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("GetItemEstimate:GetItemEstimate");
        List<GetItemEstimateResponse.Response> responses = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("GetItemEstimate:Response")) {
                throw in.unexpected();
            }
            GetItemEstimateStatus status = null;
            Optional<String> id = Optional.empty();
            Optional<Long> estimate = Optional.empty();
            Set<String> seen = new HashSet<>();
            while (in.nextChild()) {
                in.once(seen);
                switch (in.name()) {
                    case "GetItemEstimate:Status" -> status = in.status(GetItemEstimateStatus.class);
                    case "GetItemEstimate:Collection" -> {
                        Set<String> inner = new HashSet<>();
                        while (in.nextChild()) {
                            in.once(inner);
                            switch (in.name()) {
                                case "GetItemEstimate:CollectionId" -> id = Optional.of(in.requiredText(MAX_ID));
                                case "GetItemEstimate:Estimate" -> estimate = Optional.of(in.integer(0L, 0xFFFF_FFFFL));
                                default -> throw in.unexpected();
                            }
                        }
                    }
                    default -> throw in.unexpected();
                }
            }
            if (status == null) {
                throw in.missing("GetItemEstimate:Status", "Response");
            }
            responses.add(new GetItemEstimateResponse.Response(status, id, estimate));
        }
        in.endDocument();
        return new GetItemEstimateResponse(responses);
    }

    public void encodeResponse(WbxmlWriter writer, GetItemEstimateResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("GetItemEstimate:GetItemEstimate");
        for (GetItemEstimateResponse.Response r : response.responses()) {
            out.start("GetItemEstimate:Response").status("GetItemEstimate:Status", r.status());
            if (r.collectionId().isPresent() || r.estimate().isPresent()) {
                out.start("GetItemEstimate:Collection")
                        .optional("GetItemEstimate:CollectionId", r.collectionId())
                        .optional("GetItemEstimate:Estimate", r.estimate())
                        .end();
            }
            out.end();
        }
        out.end().finish();
    }
}
