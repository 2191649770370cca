package org.koppel.eas.find;

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
import org.koppel.eas.search.MailboxQuery;
import org.koppel.eas.search.Range;
import org.koppel.eas.search.SearchCodec;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes Find requests and responses ([MS-ASCMD] 2.2.1.2), both directions. */
public final class FindCodec {

    private static final int MAX_QUERY = 1024;
    private static final int MAX_ID = 64;

    private final CodePages pages;

    public FindCodec(CodePages pages) {
        this.pages = pages;
    }

    public FindRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Find:Find");
        String searchId = null;
        FindRequest request = null;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Find:SearchId" -> searchId = in.requiredText(MAX_ID);
                case "Find:ExecuteSearch" -> {
                    if (!in.nextChild()) {
                        throw in.missing("Find:MailBoxSearchCriterion", "ExecuteSearch");
                    }
                    String criterion = in.name();
                    if (!criterion.equals("Find:MailBoxSearchCriterion") && !criterion.equals("Find:GalSearchCriterion")) {
                        throw in.unexpected();
                    }
                    request = criterion(in, criterion.equals("Find:GalSearchCriterion"));
                    if (in.nextChild()) {
                        throw in.invalid("ExecuteSearch holds one criterion");
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (searchId == null) {
            throw in.missing("Find:SearchId", "Find");
        }
        if (request == null) {
            throw in.missing("Find:ExecuteSearch", "Find");
        }
        in.endDocument();
        return new FindRequest(searchId, request.mailbox(), request.gal(), request.range(), request.deepTraversal());
    }

    private static FindRequest criterion(ElementReader in, boolean gal) throws DecodeException, IOException {
        List<ContentClass> classes = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        Optional<String> text = Optional.empty();
        Optional<Range> range = Optional.empty();
        boolean deep = false;
        boolean query = false;
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Find:Query" -> {
                    query = true;
                    Set<String> inQuery = new HashSet<>();
                    while (in.nextChild()) {
                        in.once(inQuery);
                        switch (in.name()) {
                            case "AirSync:Class" -> classes.add(ContentClass.read(in));
                            case "AirSync:CollectionId" -> collections.add(in.requiredText(MAX_ID));
                            case "Find:FreeText" -> text = Optional.of(in.text(MAX_QUERY));
                            default -> throw in.unexpected();
                        }
                    }
                }
                case "Find:Options" -> {
                    Set<String> inOptions = new HashSet<>();
                    while (in.nextChild()) {
                        in.once(inOptions);
                        switch (in.name()) {
                            case "Find:Range" -> {
                                String s = in.requiredText(32);
                                range = Optional.of(Range.parse(s).orElseThrow(() -> in.invalid("bad Range " + s)));
                            }
                            case "Find:DeepTraversal" -> deep = in.flag();
                            case "Find:Picture" -> SearchCodec.picture(in, "Find");
                            default -> throw in.unexpected();
                        }
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (!query) {
            throw in.missing("Find:Query", "the criterion");
        }
        if (gal) {
            return new FindRequest("", Optional.empty(), Optional.of(text.orElse("")), range, deep);
        }
        return new FindRequest("", Optional.of(new MailboxQuery(classes, collections, text, Optional.empty(),
                Optional.empty(), Optional.empty(), false)), Optional.empty(), range, deep);
    }

    public void encodeRequest(WbxmlWriter writer, FindRequest r) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Find:Find").element("Find:SearchId", r.searchId()).start("Find:ExecuteSearch");
        if (r.mailbox().isPresent()) {
            MailboxQuery q = r.mailbox().get();
            out.start("Find:MailBoxSearchCriterion").start("Find:Query");
            for (ContentClass c : q.classes()) {
                out.element("AirSync:Class", c.value());
            }
            for (String id : q.collectionIds()) {
                out.element("AirSync:CollectionId", id);
            }
            out.optional("Find:FreeText", q.freeText()).end();
        } else {
            out.start("Find:GalSearchCriterion").start("Find:Query").element("Find:FreeText", r.gal().get()).end();
        }
        out.start("Find:Options").optional("Find:Range", r.range().map(Range::text));
        if (r.deepTraversal()) {
            out.empty("Find:DeepTraversal");
        }
        out.end().end().end().end().finish();
    }

    public void encodeResponse(WbxmlWriter writer, FindResponse<? extends ApplicationDataWriter> r) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Find:Find").status("Find:Status", r.status());
        if (r.response().isPresent()) {
            FindResponse.Response<? extends ApplicationDataWriter> res = r.response().get();
            out.start("Find:Response").element("ItemOperations:Store", res.store()).status("Find:Status", res.status());
            for (FindResponse.Result<? extends ApplicationDataWriter> x : res.results()) {
                out.start("Find:Result").element("AirSync:Class", x.contentClass())
                        .element("AirSync:ServerId", x.serverId()).optional("AirSync:CollectionId", x.collectionId());
                out.start("Find:Properties");
                x.properties().write(out);
                out.end().end();
            }
            out.optional("Find:Range", res.range().map(Range::text)).optional("Find:Total", res.total()).end();
        }
        out.end().finish();
    }

    public <D> FindResponse<D> decodeResponse(WbxmlReader reader, ProtocolVersion version,
            ApplicationDataDecoder<D> properties) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Find:Find");
        FindStatus status = null;
        Optional<FindResponse.Response<D>> response = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Find:Status" -> status = in.status(FindStatus.class);
                case "Find:Response" -> response = Optional.of(response(in, properties));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Find:Status", "Find");
        }
        in.endDocument();
        return new FindResponse<>(status, response);
    }

    private static <D> FindResponse.Response<D> response(ElementReader in, ApplicationDataDecoder<D> properties)
            throws DecodeException, IOException {
        String store = "";
        FindStatus status = null;
        List<FindResponse.Result<D>> results = new ArrayList<>();
        Optional<Range> range = Optional.empty();
        Optional<Integer> total = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case "ItemOperations:Store" -> store = in.text(32);
                case "Find:Status" -> status = in.status(FindStatus.class);
                case "Find:Result" -> {
                    String cls = "";
                    String serverId = "";
                    Optional<String> collection = Optional.empty();
                    D props = null;
                    while (in.nextChild()) {
                        switch (in.name()) {
                            case "AirSync:Class" -> cls = in.text(16);
                            case "AirSync:ServerId" -> serverId = in.text(MAX_ID);
                            case "AirSync:CollectionId" -> collection = Optional.of(in.text(MAX_ID));
                            case "Find:Properties" -> props = properties.decode(collection.orElse(""), in);
                            default -> throw in.unexpected();
                        }
                    }
                    results.add(new FindResponse.Result<>(cls, serverId, collection, props));
                }
                case "Find:Range" -> {
                    String s = in.requiredText(32);
                    range = Optional.of(Range.parse(s).orElseThrow(() -> in.invalid("bad Range " + s)));
                }
                case "Find:Total" -> total = Optional.of(in.integer(0, Integer.MAX_VALUE));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Find:Status", "Response");
        }
        return new FindResponse.Response<>(store, status, results, range, total);
    }
}
