package org.koppel.eas.resolve;

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
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.search.PictureStatus;
import org.koppel.eas.search.SearchCodec;
import org.koppel.eas.search.SearchOptions;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes ResolveRecipients requests and responses ([MS-ASCMD] 2.2.1.15), both directions. */
public final class ResolveRecipientsCodec {

    static final int MAX_TO_LENGTH = 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String P = "ResolveRecipients:";

    private final CodePages pages;

    public ResolveRecipientsCodec(CodePages pages) {
        this.pages = pages;
    }

    public ResolveRecipientsRequest decodeRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root(P + "ResolveRecipients");
        List<String> to = new ArrayList<>();
        Optional<Integer> retrieval = Optional.empty();
        Optional<Integer> maxCerts = Optional.empty();
        Optional<Integer> maxAmbiguous = Optional.empty();
        Optional<ResolveRecipientsRequest.Availability> availability = Optional.empty();
        Optional<SearchOptions.Picture> picture = Optional.empty();
        boolean options = false;
        while (in.nextChild()) {
            switch (in.name()) {
                case P + "To" -> {
                    if (to.size() == ResolveRecipientsRequest.MAX_TO) {
                        throw in.invalid("more than " + ResolveRecipientsRequest.MAX_TO + " To elements");
                    }
                    to.add(in.requiredText(MAX_TO_LENGTH));
                }
                case P + "Options" -> {
                    if (options) {
                        throw in.invalid("Options appears twice");
                    }
                    options = true;
                    Set<String> seen = new HashSet<>();
                    while (in.nextChild()) {
                        in.once(seen);
                        switch (in.name()) {
                            case P + "CertificateRetrieval" -> retrieval = Optional.of(in.integer(1, 3));
                            case P + "MaxCertificates" -> maxCerts = Optional.of(in.integer(0, 9999));
                            case P + "MaxAmbiguousRecipients" -> maxAmbiguous = Optional.of(in.integer(0, 9999));
                            case P + "Availability" -> {
                                in.requireVersion(ProtocolVersion.V14_0);
                                availability = Optional.of(availability(in));
                            }
                            case P + "Picture" -> {
                                in.requireVersion(ProtocolVersion.V14_1);
                                picture = Optional.of(SearchCodec.picture(in, "ResolveRecipients"));
                            }
                            default -> throw in.unexpected();
                        }
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (to.isEmpty()) {
            throw in.missing(P + "To", "ResolveRecipients");
        }
        in.endDocument();
        return new ResolveRecipientsRequest(to, retrieval, maxCerts, maxAmbiguous, availability, picture);
    }

    private static ResolveRecipientsRequest.Availability availability(ElementReader in)
            throws DecodeException, IOException {
        Instant start = null;
        Instant end = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case P + "StartTime" -> start = date(in);
                case P + "EndTime" -> end = date(in);
                default -> throw in.unexpected();
            }
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw in.invalid("Availability needs a StartTime before its EndTime");
        }
        return new ResolveRecipientsRequest.Availability(start, end);
    }

    private static Instant date(ElementReader in) throws DecodeException, IOException {
        String s = in.requiredText(64);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw in.invalid(in.name() + " is not a date: '" + s + "'");
        }
    }

    public void encodeRequest(WbxmlWriter writer, ResolveRecipientsRequest r) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start(P + "ResolveRecipients");
        for (String to : r.to()) {
            out.element(P + "To", to);
        }
        out.start(P + "Options").optional(P + "CertificateRetrieval", r.certificateRetrieval())
                .optional(P + "MaxCertificates", r.maxCertificates())
                .optional(P + "MaxAmbiguousRecipients", r.maxAmbiguousRecipients());
        if (r.availability().isPresent()) {
            out.start(P + "Availability").element(P + "StartTime", DATE.format(r.availability().get().start()))
                    .element(P + "EndTime", DATE.format(r.availability().get().end())).end();
        }
        if (r.picture().isPresent()) {
            out.start(P + "Picture").optional(P + "MaxSize", r.picture().get().maxSize())
                    .optional(P + "MaxPictures", r.picture().get().maxPictures()).end();
        }
        out.end().end().finish();
    }

    public void encodeResponse(WbxmlWriter writer, ResolveRecipientsResponse r) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start(P + "ResolveRecipients").status(P + "Status", r.status());
        for (ResolveRecipientsResponse.Response res : r.responses()) {
            out.start(P + "Response").element(P + "To", res.to()).status(P + "Status", res.status())
                    .element(P + "RecipientCount", res.recipients().size());
            for (ResolveRecipientsResponse.Recipient rc : res.recipients()) {
                out.start(P + "Recipient").element(P + "Type", rc.type()).element(P + "DisplayName", rc.displayName())
                        .element(P + "EmailAddress", rc.emailAddress());
                if (rc.availability().isPresent()) {
                    out.start(P + "Availability").status(P + "Status", rc.availability().get()).end();
                }
                if (rc.certificates().isPresent()) {
                    out.start(P + "Certificates").status(P + "Status", rc.certificates().get())
                            .optional(P + "CertificateCount", rc.certificateCount()).end();
                }
                if (rc.picture().isPresent()) {
                    out.start(P + "Picture").status(P + "Status", rc.picture().get()).end();
                }
                out.end();
            }
            out.end();
        }
        out.end().finish();
    }

    public ResolveRecipientsResponse decodeResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root(P + "ResolveRecipients");
        ResolveRecipientsStatus status = null;
        List<ResolveRecipientsResponse.Response> responses = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case P + "Status" -> status = in.status(ResolveRecipientsStatus.class);
                case P + "Response" -> responses.add(response(in));
                default -> throw in.unexpected();
            }
        }
        if (status == null) {
            throw in.missing(P + "Status", "ResolveRecipients");
        }
        in.endDocument();
        return new ResolveRecipientsResponse(status, responses);
    }

    private static ResolveRecipientsResponse.Response response(ElementReader in) throws DecodeException, IOException {
        String to = null;
        ResolveRecipientsStatus status = null;
        int count = -1;
        List<ResolveRecipientsResponse.Recipient> recipients = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case P + "To" -> to = in.text(MAX_TO_LENGTH);
                case P + "Status" -> status = in.status(ResolveRecipientsStatus.class);
                case P + "RecipientCount" -> count = in.integer(0, 9999);
                case P + "Recipient" -> recipients.add(recipient(in));
                default -> throw in.unexpected();
            }
        }
        if (to == null || status == null || count != recipients.size()) {
            throw in.invalid("a Response needs To, Status and a RecipientCount matching its Recipients");
        }
        return new ResolveRecipientsResponse.Response(to, status, recipients);
    }

    private static ResolveRecipientsResponse.Recipient recipient(ElementReader in) throws DecodeException, IOException {
        int type = 0;
        String name = "";
        String email = "";
        Optional<ResolveRecipientsStatus> availability = Optional.empty();
        Optional<ResolveRecipientsStatus> certificates = Optional.empty();
        Optional<Integer> certificateCount = Optional.empty();
        Optional<PictureStatus> picture = Optional.empty();
        while (in.nextChild()) {
            switch (in.name()) {
                case P + "Type" -> type = in.integer(1, 2);
                case P + "DisplayName" -> name = in.text(1024);
                case P + "EmailAddress" -> email = in.text(1024);
                case P + "Availability" -> {
                    while (in.nextChild()) {
                        if (in.name().equals(P + "Status")) {
                            availability = Optional.of(in.status(ResolveRecipientsStatus.class));
                        } else {
                            in.raw().skipElement();
                        }
                    }
                }
                case P + "Certificates" -> {
                    while (in.nextChild()) {
                        switch (in.name()) {
                            case P + "Status" -> certificates = Optional.of(in.status(ResolveRecipientsStatus.class));
                            case P + "CertificateCount" -> certificateCount = Optional.of(in.integer(0, 9999));
                            default -> in.raw().skipElement();
                        }
                    }
                }
                case P + "Picture" -> {
                    while (in.nextChild()) {
                        if (in.name().equals(P + "Status")) {
                            picture = Optional.of(in.status(PictureStatus.class));
                        } else {
                            in.raw().skipElement();
                        }
                    }
                }
                default -> throw in.unexpected();
            }
        }
        return new ResolveRecipientsResponse.Recipient(type, name, email, availability, certificates,
                certificateCount, picture);
    }
}
