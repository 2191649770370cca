package org.koppel.eas.move;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MoveItems response: one Response per Move, in order, with the item's status and, when moved, its new ServerId
 * (DstMsgId). A status common to all commands goes into a Response without SrcMsgId.
 */
public record MoveItemsResponse(List<Response> responses) {

    public MoveItemsResponse {
        responses = List.copyOf(responses);
    }

    public record Response(Optional<String> srcMsgId, MoveItemsStatus status, Optional<String> dstMsgId) {
        public Response {
            Objects.requireNonNull(srcMsgId, "srcMsgId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(dstMsgId, "dstMsgId");
        }
    }
}
