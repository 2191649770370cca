package org.koppel.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * MoveItems for one item: what became of it, and its new id in the destination when it was moved.
 *
 * @param outcome   {@link Outcome#MOVED} exactly when {@code newItemId} is present
 */
public record MoveResult(String itemId, Outcome outcome, Optional<String> newItemId) {

    /** What became of one item of a move. */
    public enum Outcome {
        /** Moved; the new id is given. */
        MOVED,
        /** Not in the source folder (deleted or moved meanwhile, or never there). */
        NOT_FOUND,
        /** The item cannot be moved now (being sent, or locked by another operation). */
        LOCKED,
        /** Anything else; details in the backend's log. */
        FAILED
    }

    public MoveResult {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(newItemId, "newItemId");
        if ((outcome == Outcome.MOVED) != newItemId.isPresent()) {
            throw new IllegalArgumentException("a new id comes with MOVED and only with it: " + outcome);
        }
    }

    /** Moved (with the new id) or not found (without one). */
    public MoveResult(String itemId, Optional<String> newItemId) {
        this(itemId, newItemId.isPresent() ? Outcome.MOVED : Outcome.NOT_FOUND, newItemId);
    }

    public static MoveResult moved(String itemId, String newItemId) {
        return new MoveResult(itemId, Outcome.MOVED, Optional.of(newItemId));
    }

    public static MoveResult failed(String itemId, Outcome outcome) {
        return new MoveResult(itemId, outcome, Optional.empty());
    }
}
