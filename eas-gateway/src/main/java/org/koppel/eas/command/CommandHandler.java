package org.koppel.eas.command;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * Does one ActiveSync command. Called on a virtual thread once the request is authenticated, its version
 * negotiated and its device provisioned; may block (one blocking API), or return an unfinished stage to wait
 * without a thread (Ping, heartbeat Sync), in which case the response is sent when the stage completes.
 *
 * @param <S> the authenticator's session type
 */
public interface CommandHandler<S> {

    CompletionStage<CommandResponse> handle(CommandRequest<S> request);

    /**
     * The command's own document for a status common to all commands (14.0 and later), when its codec writes
     * it differently from the generic {@code <Root><Status>n</Status></Root>} of {@link StatusDocument}, e.g.
     * MoveItems, whose statuses live in each Response.
     */
    default Optional<CommandResponse.BodyWriter> statusDocument(CommonStatus status, ProtocolVersion version) {
        return Optional.empty();
    }
}
