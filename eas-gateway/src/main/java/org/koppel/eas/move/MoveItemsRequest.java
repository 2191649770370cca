package org.koppel.eas.move;

import java.util.List;
import java.util.Objects;

/** A MoveItems request ([MS-ASCMD] 2.2.1.12): one or more items, each with its source and destination folder. */
public record MoveItemsRequest(List<Move> moves) {

    public MoveItemsRequest {
        moves = List.copyOf(moves);
    }

    /** One Move: the item's ServerId, its folder's and the destination's CollectionIds as the device knows them. */
    public record Move(String srcMsgId, String srcFldId, String dstFldId) {
        public Move {
            Objects.requireNonNull(srcMsgId, "srcMsgId");
            Objects.requireNonNull(srcFldId, "srcFldId");
            Objects.requireNonNull(dstFldId, "dstFldId");
        }
    }
}
