package org.koppel.store.core.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.SyncState;

/**
 * What an opaque {@link SyncState} holds: whose folder (or hierarchy) it is for, the change number the
 * client has been brought up to, the id that marks changes it imported, a fingerprint of the export's
 * fixed options, the lower edge of its time window, where the current run of batches began, and how far
 * into the next change number a batch got when more objects share it than a batch holds (one bulk operation).
 * Encoded in 122 bytes with a CRC (98 in the first version, which is still read), so corruption and states
 * of another folder or store are refused rather than misread.
 *
 * @param cn          every change up to this change number has been given (or did not concern the client)
 * @param syncId      random, non-zero; imports through this state stamp their changes with it
 * @param optionsHash fingerprint of the options that must not change under a state; 0 until the first export
 * @param window      the delivery-time window's lower edge the client's copy reflects (FILETIME ticks), or
 *                    {@link #NO_WINDOW}
 * @param cycleStart  the cursor when the current run of batches began (equal to {@code cn} between runs)
 * @param cycleSnapshot the store's change number when the first batch of that run read it: an object that
 *                    entered after {@code cycleStart} and was gone by then was never given to the client
 * @param partialCn   0, or the change number after {@code cn} whose objects have been given in part: the
 *                    messages found at it with ids up to {@code partialMessage} ({@link #ALL} when all of
 *                    them), then the tombstones at it with ids up to {@code partialTombstone}
 */
record SyncCursor(Kind kind, Guid store, SourceKey scope, long syncId, long cn, long optionsHash, long window,
        long cycleStart, long cycleSnapshot, long partialCn, long partialMessage, long partialTombstone) {

    enum Kind {
        CONTENTS(1), HIERARCHY(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    static final long NO_WINDOW = Long.MIN_VALUE;
    /** {@code partialMessage}: every message at {@code partialCn} has been given. */
    static final long ALL = Long.MAX_VALUE;

    private static final byte[] MAGIC = {'K', 'S'};
    private static final int VERSION = 2;
    private static final int LENGTH_V1 = 2 + 1 + 1 + 16 + SourceKey.LENGTH + 8 * 6 + 4;
    private static final int LENGTH = LENGTH_V1 + 8 * 3;

    /** A fresh state for a client that has nothing yet. */
    static SyncCursor fresh(Kind kind, Guid store, SourceKey scope, SecureRandom random) {
        long id = 0;
        while (id == 0) {
            id = random.nextLong();
        }
        return new SyncCursor(kind, store, scope, id, 0, 0, NO_WINDOW, 0, 0, 0, 0, 0);
    }

    /** The cursor after a batch that ended at {@code newCn} (whole); a complete batch ends the run. */
    SyncCursor at(long newCn, long newWindow, boolean complete) {
        return new SyncCursor(kind, store, scope, syncId, newCn, optionsHash, newWindow,
                complete ? newCn : cycleStart, complete ? newCn : cycleSnapshot, 0, 0, 0);
    }

    /** The cursor after a batch that gave part of change number {@code at}'s objects (see the record). */
    SyncCursor partway(long at, long message, long tombstone) {
        return new SyncCursor(kind, store, scope, syncId, cn, optionsHash, window, cycleStart, cycleSnapshot, at,
                message, tombstone);
    }

    SyncCursor withOptions(long hash) {
        return new SyncCursor(kind, store, scope, syncId, cn, hash, window, cycleStart, cycleSnapshot, partialCn,
                partialMessage, partialTombstone);
    }

    /**
     * This cursor about to export a batch with the store at {@code last}: the first batch of a run notes it (a
     * batch part way through a change number is not a run's first: objects given part way must stay given).
     */
    SyncCursor batchAt(long last) {
        return cn == cycleStart && partialCn == 0
                ? new SyncCursor(kind, store, scope, syncId, cn, optionsHash, window, cn, last, 0, 0, 0)
                : this;
    }

    SyncState encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(MAGIC).put((byte) VERSION).put((byte) kind.code).put(store.toBytes()).put(scope.bytes())
                .putLong(syncId).putLong(cn).putLong(optionsHash).putLong(window).putLong(cycleStart)
                .putLong(cycleSnapshot).putLong(partialCn).putLong(partialMessage).putLong(partialTombstone);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, LENGTH - 4);
        b.putInt((int) crc.getValue());
        return new SyncState(b.array());
    }

    /**
     * Reads a state for {@code kind} of {@code scope} in {@code store}; an initial state gives a fresh
     * cursor. Anything else that does not decode to exactly that is refused.
     */
    static SyncCursor decode(SyncState state, Kind kind, Guid store, SourceKey scope, SecureRandom random) {
        if (state.isInitial()) {
            return fresh(kind, store, scope, random);
        }
        byte[] bytes = state.bytes();
        if (bytes.length != LENGTH && bytes.length != LENGTH_V1) {
            throw new MapiException.InvalidSyncState("not a Koppel sync state (wrong length)");
        }
        int length = bytes.length;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length - 4);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            if (b.get() != MAGIC[0] || b.get() != MAGIC[1]
                    || b.get() != (length == LENGTH ? VERSION : 1)) {
                throw new MapiException.InvalidSyncState("not a Koppel sync state");
            }
            if (b.getInt(length - 4) != (int) crc.getValue()) {
                throw new MapiException.InvalidSyncState("sync state is corrupt (checksum)");
            }
            if (b.get() != kind.code) {
                throw new MapiException.InvalidSyncState("sync state is for another kind of export");
            }
            byte[] g = new byte[16];
            b.get(g);
            byte[] sk = new byte[SourceKey.LENGTH];
            b.get(sk);
            if (!Guid.fromBytes(g).equals(store) || !Arrays.equals(sk, scope.bytes())) {
                throw new MapiException.InvalidSyncState("sync state belongs to another folder");
            }
            long id = b.getLong();
            long cn = b.getLong();
            long hash = b.getLong();
            long window = b.getLong();
            long cycleStart = b.getLong();
            long cycleSnapshot = b.getLong();
            long partialCn = 0;
            long partialMessage = 0;
            long partialTombstone = 0;
            if (length == LENGTH) {
                partialCn = b.getLong();
                partialMessage = b.getLong();
                partialTombstone = b.getLong();
            }
            if (id == 0 || cn < 0 || cycleStart < 0 || cycleStart > cn
                    || partialCn != 0 && (partialCn <= cn || partialMessage < 0 || partialTombstone < 0)) {
                throw new MapiException.InvalidSyncState("sync state is corrupt");
            }
            return new SyncCursor(kind, store, scope, id, cn, hash, window, cycleStart, cycleSnapshot, partialCn,
                    partialMessage, partialTombstone);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MapiException.InvalidSyncState("sync state is corrupt", e);
        }
    }
}
