package org.koppel.eas.search;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.sync.BodyPreference;
import org.koppel.eas.sync.SyncCodec;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlException;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes Search requests and responses ([MS-ASCMD] 2.2.1.16), both directions. */
public final class SearchCodec {

    static final int MAX_QUERY = 1024;
    static final int MAX_ID = 64;
    private static final int MAX_OPAQUE = 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final CodePages pages;

    public SearchCodec(CodePages pages) {
        this.pages = pages;
    }

    // ---- requests

    public SearchRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Search:Search");
        SearchRequest request = null;
        while (in.nextChild()) {
            if (!in.name().equals("Search:Store") || request != null) {
                throw in.unexpected();
            }
            request = store(in);
        }
        if (request == null) {
            throw in.missing("Search:Store", "Search");
        }
        in.endDocument();
        return request;
    }

    private SearchRequest store(ElementReader in) throws DecodeException, IOException {
        String name = null;
        Optional<MailboxQuery> mailbox = Optional.empty();
        Optional<String> text = Optional.empty();
        boolean query = false;
        SearchOptions options = SearchOptions.none();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Search:Name" -> name = in.requiredText(32);
                case "Search:Query" -> {
                    query = true;
                    Object q = query(in);
                    if (q instanceof MailboxQuery m) {
                        mailbox = Optional.of(m);
                    } else {
                        text = Optional.of((String) q);
                    }
                }
                case "Search:Options" -> options = options(in);
                default -> throw in.unexpected();
            }
        }
        if (name == null) {
            throw in.missing("Search:Name", "Store");
        }
        if (!query) {
            throw in.missing("Search:Query", "Store");
        }
        return new SearchRequest(name, mailbox, text, options);
    }

    /** A Query: its text (GAL) or a {@link MailboxQuery} (its elements). */
    private static Object query(ElementReader in) throws DecodeException, IOException {
        WbxmlReader raw = in.raw();
        if (in.isEmptyElement()) {
            raw(raw);
            return "";
        }
        WbxmlReader.Event e = raw(raw);
        if (e == WbxmlReader.Event.END_TAG) {
            return "";
        }
        if (e == WbxmlReader.Event.TEXT) {
            String s = raw.text();
            if (s.length() > MAX_QUERY) {
                throw in.invalid("Query longer than " + MAX_QUERY + " characters");
            }
            if (raw(raw) != WbxmlReader.Event.END_TAG) {
                throw in.invalid("Query must hold text or elements, not both");
            }
            return s;
        }
        if (e != WbxmlReader.Event.START_TAG) {
            throw in.invalid("Query must hold text or elements");
        }
        MailboxBuilder b = new MailboxBuilder();
        do {
            mailboxElement(in, b, 0);
        } while (in.nextChild());
        return b.build();
    }

    private static WbxmlReader.Event raw(WbxmlReader raw) throws DecodeException, IOException {
        try {
            return raw.next();
        } catch (WbxmlException x) {
            throw new DecodeException(DecodeException.Reason.MALFORMED, x.getMessage(), x.offset(), x);
        }
    }

    private static final class MailboxBuilder {
        final List<ContentClass> classes = new ArrayList<>();
        final List<String> collections = new ArrayList<>();
        Optional<String> freeText = Optional.empty();
        Optional<byte[]> conversation = Optional.empty();
        Optional<Instant> after = Optional.empty();
        Optional<Instant> before = Optional.empty();
        boolean complex;

        MailboxQuery build() {
            return new MailboxQuery(classes, collections, freeText, conversation, after, before, complex);
        }
    }

    /** One element of a mailbox Query or of its And ({@code depth} 1). */
    private static void mailboxElement(ElementReader in, MailboxBuilder b, int depth) throws DecodeException, IOException {
        switch (in.name()) {
            case "Search:And" -> {
                if (depth > 0) {
                    b.complex = true;
                }
                while (in.nextChild()) {
                    mailboxElement(in, b, depth + 1);
                }
            }
            case "AirSync:Class" -> b.classes.add(ContentClass.read(in));
            case "AirSync:CollectionId" -> b.collections.add(in.requiredText(MAX_ID));
            case "Search:FreeText" -> {
                String t = in.text(MAX_QUERY);
                b.freeText = Optional.of(b.freeText.map(f -> f + " " + t).orElse(t));
            }
            case "Search:ConversationId" -> {
                in.requireVersion(ProtocolVersion.V14_0);
                b.conversation = Optional.of(opaqueOrText(in));
            }
            case "Search:GreaterThan" -> b.after = Optional.of(comparison(in));
            case "Search:LessThan" -> b.before = Optional.of(comparison(in));
            case "Search:Or", "Search:EqualTo" -> {
                b.complex = true;
                in.raw().skipElement();
            }
            default -> throw in.unexpected();
        }
    }

    /** GreaterThan or LessThan: email:DateReceived (empty) and Value, a date. */
    private static Instant comparison(ElementReader in) throws DecodeException, IOException {
        boolean received = false;
        Instant value = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "Email:DateReceived" -> {
                    in.empty();
                    received = true;
                }
                case "Search:Value" -> {
                    String s = in.requiredText(64);
                    try {
                        value = Instant.parse(s);
                    } catch (DateTimeParseException e) {
                        throw in.invalid("Value is not a date: '" + s + "'");
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (!received || value == null) {
            throw in.invalid("GreaterThan and LessThan compare email:DateReceived with a Value");
        }
        return value;
    }

    private static byte[] opaqueOrText(ElementReader in) throws DecodeException, IOException {
        WbxmlReader raw = in.raw();
        if (in.isEmptyElement()) {
            raw(raw);
            return new byte[0];
        }
        WbxmlReader.Event e = raw(raw);
        byte[] out;
        if (e == WbxmlReader.Event.END_TAG) {
            return new byte[0];
        } else if (e == WbxmlReader.Event.OPAQUE && raw.opaqueLength() <= MAX_OPAQUE) {
            out = raw.opaqueBytes();
        } else if (e == WbxmlReader.Event.TEXT && raw.text().length() <= MAX_OPAQUE) {
            out = raw.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            throw in.invalid("ConversationId must hold at most " + MAX_OPAQUE + " bytes");
        }
        if (raw(raw) != WbxmlReader.Event.END_TAG) {
            throw in.invalid("ConversationId must hold one value");
        }
        return out;
    }

    private static SearchOptions options(ElementReader in) throws DecodeException, IOException {
        Optional<Range> range = Optional.empty();
        boolean deep = false;
        boolean rebuild = false;
        List<BodyPreference> bodies = new ArrayList<>();
        List<BodyPreference> parts = new ArrayList<>();
        Optional<Integer> mime = Optional.empty();
        Optional<Boolean> rights = Optional.empty();
        Optional<SearchOptions.Picture> picture = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            String name = in.name();
            if (!name.equals("AirSyncBase:BodyPreference") && !name.equals("AirSyncBase:BodyPartPreference")) {
                in.once(seen);
            }
            switch (name) {
                case "Search:Range" -> {
                    String s = in.requiredText(32);
                    range = Optional.of(Range.parse(s).orElseThrow(() -> in.invalid("Range is not m-n: '" + s + "'")));
                }
                case "Search:DeepTraversal" -> deep = in.flag();
                case "Search:RebuildResults" -> rebuild = in.flag();
                case "AirSyncBase:BodyPreference" -> bodies.add(SyncCodec.bodyPreference(in, 1, 4));
                case "AirSyncBase:BodyPartPreference" -> parts.add(SyncCodec.bodyPreference(in, 2, 2));
                case "AirSync:MIMESupport" -> mime = Optional.of(in.integer(0, 2));
                case "RightsManagement:RightsManagementSupport" -> rights = Optional.of(in.bool());
                case "Search:UserName" -> user = Optional.of(in.text(256));
                case "Search:Password" -> password = Optional.of(in.text(256));
                case "Search:Picture" -> picture = Optional.of(picture(in, "Search"));
                default -> throw in.unexpected();
            }
        }
        return new SearchOptions(range, deep, rebuild, bodies, parts, mime, rights, picture, user, password);
    }

    /** A Picture options element of {@code page} (Search, Find, ResolveRecipients): MaxSize and MaxPictures. */
    public static SearchOptions.Picture picture(ElementReader in, String page) throws DecodeException, IOException {
        Optional<Long> maxSize = Optional.empty();
        Optional<Integer> maxPictures = Optional.empty();
        if (in.isEmptyElement()) {
            in.empty();
            return new SearchOptions.Picture(maxSize, maxPictures);
        }
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            if (in.name().equals(page + ":MaxSize")) {
                maxSize = Optional.of(in.integer(0L, 0xFFFF_FFFFL));
            } else if (in.name().equals(page + ":MaxPictures")) {
                maxPictures = Optional.of(in.integer(0, 9999));
            } else {
                throw in.unexpected();
            }
        }
        return new SearchOptions.Picture(maxSize, maxPictures);
    }

    public void encodeRequest(WbxmlWriter writer, SearchRequest r) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Search:Search").start("Search:Store").element("Search:Name", r.storeName());
        if (r.mailbox().isPresent()) {
            MailboxQuery q = r.mailbox().get();
            out.start("Search:Query").start("Search:And");
            for (ContentClass c : q.classes()) {
                out.element("AirSync:Class", c.value());
            }
            for (String id : q.collectionIds()) {
                out.element("AirSync:CollectionId", id);
            }
            out.optional("Search:FreeText", q.freeText());
            if (q.conversationId().isPresent()) {
                out.start("Search:ConversationId");
                out.raw().opaque(q.conversationId().get());
                out.end();
            }
            if (q.receivedAfter().isPresent()) {
                out.start("Search:GreaterThan").empty("Email:DateReceived")
                        .element("Search:Value", DATE.format(q.receivedAfter().get())).end();
            }
            if (q.receivedBefore().isPresent()) {
                out.start("Search:LessThan").empty("Email:DateReceived")
                        .element("Search:Value", DATE.format(q.receivedBefore().get())).end();
            }
            out.end().end();
        } else {
            out.element("Search:Query", r.galQuery().orElse(""));
        }
        SearchOptions o = r.options();
        out.start("Search:Options");
        out.optional("Search:Range", o.range().map(Range::text));
        if (o.deepTraversal()) {
            out.empty("Search:DeepTraversal");
        }
        if (o.rebuildResults()) {
            out.empty("Search:RebuildResults");
        }
        for (BodyPreference b : o.bodyPreferences()) {
            out.start("AirSyncBase:BodyPreference").element("AirSyncBase:Type", b.type())
                    .optional("AirSyncBase:TruncationSize", b.truncationSize()).end();
        }
        out.optional("AirSync:MIMESupport", o.mimeSupport());
        if (o.picture().isPresent() && out.atLeast(ProtocolVersion.V14_1)) {
            out.start("Search:Picture").optional("Search:MaxSize", o.picture().get().maxSize())
                    .optional("Search:MaxPictures", o.picture().get().maxPictures()).end();
        }
        out.end().end().end().finish();
    }

    // ---- responses

    public void encodeResponse(WbxmlWriter writer, SearchResponse<? extends ApplicationDataWriter> r)
            throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Search:Search").status("Search:Status", r.status());
        if (r.store().isPresent()) {
            SearchResponse.Store<? extends ApplicationDataWriter> s = r.store().get();
            out.start("Search:Response").start("Search:Store").status("Search:Status", s.status());
            if (s.status() == SearchStatus.SUCCESS && s.results().isEmpty()) {
                // An empty Result says there were no matches.
                out.empty("Search:Result");
            }
            for (SearchResponse.Result<? extends ApplicationDataWriter> res : s.results()) {
                out.start("Search:Result").optional("AirSync:Class", res.contentClass())
                        .optional("Search:LongId", res.longId())
                        .optional("AirSync:CollectionId", res.collectionId());
                out.start("Search:Properties");
                if (res.mail().isPresent()) {
                    res.mail().get().write(out);
                }
                if (res.gal().isPresent()) {
                    res.gal().get().write(out);
                }
                out.end().end();
            }
            out.optional("Search:Range", s.range().map(Range::text)).optional("Search:Total", s.total());
            out.end().end();
        }
        out.end().finish();
    }

    public <D> SearchResponse<D> decodeResponse(WbxmlReader reader, ProtocolVersion version,
            ApplicationDataDecoder<D> mail) throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Search:Search");
        SearchStatus status = null;
        Optional<SearchResponse.Store<D>> store = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Search:Status" -> status = in.status(SearchStatus.class);
                case "Search:Response" -> {
                    while (in.nextChild()) {
                        if (!in.name().equals("Search:Store")) {
                            throw in.unexpected();
                        }
                        store = Optional.of(responseStore(in, mail));
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Search:Status", "Search");
        }
        in.endDocument();
        return new SearchResponse<>(status, store);
    }

    private static <D> SearchResponse.Store<D> responseStore(ElementReader in, ApplicationDataDecoder<D> mail)
            throws DecodeException, IOException {
        SearchStatus status = null;
        List<SearchResponse.Result<D>> results = new ArrayList<>();
        Optional<Range> range = Optional.empty();
        Optional<Integer> total = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Search:Status" -> status = in.status(SearchStatus.class);
                case "Search:Result" -> {
                    if (in.isEmptyElement()) {
                        in.empty();
                    } else {
                        result(in, mail).ifPresent(results::add);
                    }
                }
                case "Search:Range" -> {
                    String s = in.requiredText(32);
                    range = Optional.of(Range.parse(s).orElseThrow(() -> in.invalid("bad Range " + s)));
                }
                case "Search:Total" -> total = Optional.of(in.integer(0, Integer.MAX_VALUE));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing("Search:Status", "Store");
        }
        return new SearchResponse.Store<>(status, results, range, total);
    }

    private static <D> Optional<SearchResponse.Result<D>> result(ElementReader in, ApplicationDataDecoder<D> mail)
            throws DecodeException, IOException {
        Optional<String> cls = Optional.empty();
        Optional<String> longId = Optional.empty();
        Optional<String> collection = Optional.empty();
        Optional<D> data = Optional.empty();
        Optional<GalProperties> gal = Optional.empty();
        boolean any = false;
        while (in.nextChild()) {
            any = true;
            switch (in.name()) {
                case "AirSync:Class" -> cls = Optional.of(in.text(16));
                case "Search:LongId" -> longId = Optional.of(in.text(256));
                case "AirSync:CollectionId" -> collection = Optional.of(in.text(MAX_ID));
                case "Search:Properties" -> {
                    if (cls.isPresent() || longId.isPresent()) {
                        data = Optional.of(mail.decode(collection.orElse(""), in));
                    } else {
                        gal = Optional.of(galProperties(in, "Search"));
                    }
                }
                default -> throw in.unexpected();
            }
        }
        return any ? Optional.of(new SearchResponse.Result<>(cls, longId, collection, data, gal)) : Optional.empty();
    }

    /** gal: leaves and a gal:Picture, up to the container's end; {@code page} names the Picture's status page. */
    public static GalProperties galProperties(ElementReader in, String page) throws DecodeException, IOException {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        Optional<PictureStatus> picture = Optional.empty();
        while (in.nextChild()) {
            String n = in.name();
            if (n.equals("Gal:Picture")) {
                while (in.nextChild()) {
                    switch (in.name()) {
                        case "Gal:Status" -> picture = Optional.of(in.status(PictureStatus.class));
                        default -> in.raw().skipElement();
                    }
                }
            } else if (n.startsWith("Gal:")) {
                values.put(n.substring(4), in.text(1024));
            } else {
                throw in.unexpected();
            }
        }
        return new GalProperties(values, picture);
    }
}
