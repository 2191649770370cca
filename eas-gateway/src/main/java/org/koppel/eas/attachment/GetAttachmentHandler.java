package org.koppel.eas.attachment;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.AttachmentData;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Outage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GetAttachment (MS-ASCMD 2.2.1.8, protocol 12.x and 14.x; 16.0 dropped it for ItemOperations): the attachment
 * named by the AttachmentName query parameter (a FileReference) as the HTTP body with its Content-Type, streamed
 * from the backend. A missing or foreign attachment is HTTP 500, as MS-ASCMD has the server answer an attachment
 * that cannot be retrieved; no AttachmentName is 400.
 */
public final class GetAttachmentHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(GetAttachmentHandler.class);

    private final Outage outage;

    public GetAttachmentHandler(Outage outage) {
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        Optional<String> name = request.parameters().attachmentName().filter(n -> !n.isBlank());
        if (name.isEmpty()) {
            return done(new CommandResponse.Http(400));
        }
        try {
            AttachmentData a = request.session().items().attachment(name.get());
            return done(new CommandResponse.Content(a.contentType(), a.size(), a.data()::open));
        } catch (BackendException.Unavailable e) {
            throw outage.of(e).orElseThrow();
        } catch (BackendException.NotFound | BackendException.NotSupported | BackendException.AccessDenied e) {
            LOG.debug("GetAttachment of {}: {}", request.user(), e.getMessage());
            return done(new CommandResponse.Http(500));
        }
    }

    private static CompletionStage<CommandResponse> done(CommandResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
