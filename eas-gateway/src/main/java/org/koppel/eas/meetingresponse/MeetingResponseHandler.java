package org.koppel.eas.meetingresponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendSession;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MeetingResponse command (MS-ASCMD 2.2.1.11) while Koppel has no calendars: every Request is answered
 * "invalid meeting request" (2), since no item can be answered as a meeting here; "server error" (4) would make
 * a phone retry what cannot succeed. A request that is not a MeetingResponse document gets one Result with
 * Status 2. The calendar issue answers through the backend's MeetingResponses capability.
 */
public final class MeetingResponseHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingResponseHandler.class);

    private final CodePages pages;
    private final MeetingResponseCodec codec;

    public MeetingResponseHandler(CodePages pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new MeetingResponseCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        MeetingResponseResponse response;
        try {
            MeetingResponseRequest req = codec.decodeRequest(new WbxmlReader(request.body(), pages), version);
            response = new MeetingResponseResponse(req.requests().stream().map(r -> new MeetingResponseResponse.Result(
                    r.requestId(), MeetingResponseStatus.INVALID_MEETING_REQUEST, Optional.empty())).toList());
            LOG.debug("MeetingResponse of {}: {} request(s) refused, no calendar", request.user(), req.requests().size());
        } catch (DecodeException e) {
            LOG.debug("MeetingResponse of {}: {}", request.user(), e.getMessage());
            response = new MeetingResponseResponse(List.of(new MeetingResponseResponse.Result(Optional.empty(),
                    MeetingResponseStatus.INVALID_MEETING_REQUEST, Optional.empty())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MeetingResponseResponse answer = response;
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), answer)));
    }
}
