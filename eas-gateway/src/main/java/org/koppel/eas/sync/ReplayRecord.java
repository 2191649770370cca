package org.koppel.eas.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a Sync response keeps beside the key it issues (device-state's {@code pending}), so that the same
 * request repeated with the previous key gets the same answer: the server ids given to the client's Adds by
 * ClientId (the Adds are not made again), and the backend state after the client's changes were imported
 * (exporting from it does not echo them back).
 *
 * @param importedState the backend state after the import; empty when the request imported nothing
 * @param adds          ClientId to ServerId of the Adds that succeeded
 */
record ReplayRecord(Optional<byte[]> importedState, Map<String, String> adds) {

    private static final int FORMAT = 1;
    static final ReplayRecord NONE = new ReplayRecord(Optional.empty(), Map.of());

    ReplayRecord {
        importedState = importedState.map(byte[]::clone);
        adds = Map.copyOf(adds);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeBoolean(importedState.isPresent());
            if (importedState.isPresent()) {
                out.writeInt(importedState.get().length);
                out.write(importedState.get());
            }
            out.writeInt(adds.size());
            for (Map.Entry<String, String> e : adds.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #encode} wrote; anything else (an empty blob, another format) is {@link #NONE}. */
    static ReplayRecord decode(byte[] pending) {
        if (pending.length == 0 || pending[0] != FORMAT) {
            return NONE;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(pending, 1, pending.length - 1))) {
            Optional<byte[]> state = Optional.empty();
            if (in.readBoolean()) {
                int n = in.readInt();
                if (n < 0 || n > pending.length) {
                    return NONE;
                }
                state = Optional.of(in.readNBytes(n));
            }
            int count = in.readInt();
            if (count < 0 || count > pending.length) {
                return NONE;
            }
            Map<String, String> adds = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                adds.put(in.readUTF(), in.readUTF());
            }
            return new ReplayRecord(state, adds);
        } catch (IOException e) {
            return NONE;
        }
    }
}
