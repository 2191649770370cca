package org.koppel.eas.meetingresponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes MeetingResponse requests and responses, both directions. */
public final class MeetingResponseCodec {

    /** Requests in one command; a phone answers one meeting at a time. */
    static final int MAX_REQUESTS = 100;

    private final CodePages pages;

    public MeetingResponseCodec(CodePages pages) {
        this.pages = pages;
    }

    public MeetingResponseRequest decodeRequest(WbxmlReader reader, ProtocolVersion version) throws DecodeException,
            IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("MeetingResponse:MeetingResponse");
        List<MeetingResponseRequest.Request> requests = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("MeetingResponse:Request")) {
                throw in.unexpected();
            }
            if (requests.size() == MAX_REQUESTS) {
                throw in.invalid("more than " + MAX_REQUESTS + " requests");
            }
            requests.add(request(in));
        }
        in.endDocument();
        if (requests.isEmpty()) {
            throw in.missing("MeetingResponse:Request", "MeetingResponse:MeetingResponse");
        }
        return new MeetingResponseRequest(requests);
    }

    private static MeetingResponseRequest.Request request(ElementReader in) throws DecodeException, IOException {
        int response = 0;
        Optional<String> collection = Optional.empty();
        Optional<String> request = Optional.empty();
        Optional<String> longId = Optional.empty();
        Optional<String> instance = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "MeetingResponse:UserResponse" -> response = in.integer(1, 3);
                case "MeetingResponse:CollectionId" -> collection = Optional.of(in.requiredText(ElementReader.MAX_TOKEN));
                case "MeetingResponse:RequestId" -> request = Optional.of(in.requiredText(ElementReader.MAX_TOKEN));
                case "Search:LongId" -> longId = Optional.of(in.requiredText(ElementReader.MAX_TOKEN));
                case "MeetingResponse:InstanceId" -> instance = Optional.of(in.requiredText(ElementReader.MAX_TOKEN));
                // 16.0+: whether and what to send the organizer; nothing is answered yet, so it is not read.
                case "MeetingResponse:SendResponse" -> {
                    try {
                        in.raw().skipElement();
                    } catch (org.koppel.eas.wbxml.WbxmlException e) {
                        throw new DecodeException(DecodeException.Reason.MALFORMED, e.getMessage(), e.offset(), e);
                    }
                }
                default -> throw in.unexpected();
            }
        }
        if (response == 0) {
            throw in.missing("MeetingResponse:UserResponse", "MeetingResponse:Request");
        }
        if (longId.isEmpty() && (collection.isEmpty() || request.isEmpty())) {
            throw in.missing("MeetingResponse:RequestId", "MeetingResponse:Request");
        }
        return new MeetingResponseRequest.Request(response, collection, request, longId, instance);
    }

    public void encodeRequest(WbxmlWriter writer, MeetingResponseRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("MeetingResponse:MeetingResponse");
        for (MeetingResponseRequest.Request r : request.requests()) {
            out.start("MeetingResponse:Request").element("MeetingResponse:UserResponse", r.userResponse())
                    .optional("MeetingResponse:CollectionId", r.collectionId())
                    .optional("MeetingResponse:RequestId", r.requestId())
                    .optional("Search:LongId", r.longId())
                    .optional("MeetingResponse:InstanceId", r.instanceId()).end();
        }
        out.end().finish();
    }

    public void encodeResponse(WbxmlWriter writer, MeetingResponseResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("MeetingResponse:MeetingResponse");
        for (MeetingResponseResponse.Result r : response.results()) {
            out.start("MeetingResponse:Result").optional("MeetingResponse:RequestId", r.requestId())
                    .status("MeetingResponse:Status", r.status())
                    .optional("MeetingResponse:CalendarId", r.calendarId()).end();
        }
        out.end().finish();
    }

    public MeetingResponseResponse decodeResponse(WbxmlReader reader, ProtocolVersion version) throws DecodeException,
            IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("MeetingResponse:MeetingResponse");
        List<MeetingResponseResponse.Result> results = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("MeetingResponse:Result")) {
                throw in.unexpected();
            }
            Optional<String> request = Optional.empty();
            Optional<String> calendar = Optional.empty();
            MeetingResponseStatus status = null;
            while (in.nextChild()) {
                switch (in.name()) {
                    case "MeetingResponse:RequestId" -> request = Optional.of(in.text(ElementReader.MAX_TOKEN));
                    case "MeetingResponse:Status" -> status = in.status(MeetingResponseStatus.class);
                    case "MeetingResponse:CalendarId" -> calendar = Optional.of(in.text(ElementReader.MAX_TOKEN));
                    default -> throw in.unexpected();
                }
            }
            if (status == null) {
                throw in.missing("MeetingResponse:Status", "MeetingResponse:Result");
            }
            results.add(new MeetingResponseResponse.Result(request, status, calendar));
        }
        in.endDocument();
        return new MeetingResponseResponse(results);
    }
}
