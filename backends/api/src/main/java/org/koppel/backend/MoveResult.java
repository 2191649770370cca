package org.koppel.backend;

import java.util.Optional;

/** MoveItems for one item: its new id in the destination, or empty when it could not be moved. */
public record MoveResult(String itemId, Optional<String> newItemId) {
}
