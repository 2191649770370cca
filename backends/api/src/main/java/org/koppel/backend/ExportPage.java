package org.koppel.backend;

import java.util.List;

/**
 * One page of a folder export: at most the asked number of changes, the state that stands for "the client
 * has these", and whether more changes are waiting (MoreAvailable).
 */
public record ExportPage(List<ItemChange> changes, byte[] nextState, boolean moreAvailable) {
    public ExportPage {
        changes = List.copyOf(changes);
        nextState = nextState.clone();
    }

    @Override
    public byte[] nextState() {
        return nextState.clone();
    }
}
