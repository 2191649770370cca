package org.koppel.store.client;

/**
 * Where a bookmark leads: the row's offset in the table now, or, when the row is gone (deleted, moved,
 * no longer matching), the offset of the row that now takes its place ({@code found} false:
 * MAPI_W_POSITION_CHANGED).
 */
public record TableSeek(int offset, boolean found) {
}
